import { describe, expect, test } from "vitest";
import { BoardFilterSchema, parseBoardFilters } from "~/schemas/review";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createProposal, createUser } from "../../../tests/factories";
import { NotAllowedError, NotFoundError } from "../errors";
import { assertCanReview } from "./review-access";
import { getProposalForReview, listBoard, saveReview } from "./review";

const filters = (input: Record<string, string> = {}) => BoardFilterSchema.parse(input);

async function reviewedEvent() {
  const event = await createEvent({ status: "scheduling", subjectTags: "Literacy\nMath\nScience" });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  const reviewer = await createUser({ name: "Aisha Nguyen" });
  await addMember(event.id, reviewer.id, "reviewer");
  return { event, coordinator, reviewer };
}

describe("who may review", () => {
  test("coordinators decide, reviewers only review, district coordinators do both everywhere", async () => {
    const { event, coordinator, reviewer } = await reviewedEvent();
    const district = await createUser({ districtCoordinator: true });
    expect((await assertCanReview(coordinator.id, event.id)).canDecide).toBe(true);
    expect((await assertCanReview(reviewer.id, event.id)).canDecide).toBe(false);
    expect((await assertCanReview(district.id, event.id)).canDecide).toBe(true);
  });

  test("a presenter cannot list the board or read review notes, even of their own proposal", async () => {
    const { event, coordinator } = await reviewedEvent();
    const teacher = await createUser();
    await addMember(event.id, teacher.id, "presenter");
    const proposal = await createProposal(event.id, teacher.id);
    await saveReview(coordinator.id, proposal.id, { score: 2, note: "Too close to last year's session" });

    await expect(listBoard(teacher.id, event.id, filters())).rejects.toBeInstanceOf(NotAllowedError);
    await expect(getProposalForReview(teacher.id, event.id, proposal.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(saveReview(teacher.id, proposal.id, { score: 5, note: "" })).rejects.toBeInstanceOf(NotAllowedError);
  });

  test("a reviewer of event A sees nothing of event B", async () => {
    const { reviewer } = await reviewedEvent();
    const other = await createEvent({ status: "scheduling" });
    const theirs = await createProposal(other.id, (await createUser()).id);
    await expect(listBoard(reviewer.id, other.id, filters())).rejects.toBeInstanceOf(NotAllowedError);
    await expect(saveReview(reviewer.id, theirs.id, { score: 4, note: "" })).rejects.toBeInstanceOf(NotAllowedError);
  });

  test("a proposal opened under another event's address is not found", async () => {
    const { event, coordinator } = await reviewedEvent();
    const other = await createEvent();
    await addMember(other.id, coordinator.id, "coordinator");
    const theirs = await createProposal(other.id, (await createUser()).id);
    await expect(getProposalForReview(coordinator.id, event.id, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listBoard", () => {
  async function boardWithProposals() {
    const setup = await reviewedEvent();
    const { event } = setup;
    const maria = await createUser({ name: "Maria Delgado", email: "maria.delgado@springfield.k12.us" });
    const ben = await createUser({ name: "Ben Okafor", email: "bokafor@springfield.k12.us" });
    const keisha = await createUser({ name: "Keisha Johnson", email: "kjohnson@springfield.k12.us" });
    const day = (n: number) => new Date(Date.UTC(2027, 0, n));
    const phonics = await createProposal(event.id, maria.id, {
      title: "Phonics games that stick",
      audience: "K-2",
      tags: "Literacy",
      format: "hands_on",
      submittedAt: day(3),
    });
    const fractions = await createProposal(event.id, ben.id, {
      title: "Fractions with LEGO",
      audience: "3-5,6-8",
      tags: "Math",
      format: "demo",
      techNeeds: "projector",
      details: "Bring a bin of bricks; we build number lines.",
      submittedAt: day(1),
    });
    const labs = await createProposal(event.id, keisha.id, {
      title: "Cheap chemistry labs",
      audience: "9-12",
      tags: "Science,Math",
      format: "hands_on",
      techNeeds: "sink_lab,projector",
      state: "accepted",
      submittedAt: day(2),
    });
    const draft = await createProposal(event.id, keisha.id, {
      title: "Half-written idea",
      state: "draft",
      submittedAt: null,
    });
    const co = await createUser({ name: "Dmitri Schmidt", email: "dschmidt@springfield.k12.us" });
    await db.proposalCoPresenter.create({
      data: { proposalId: phonics.id, email: co.email, userId: co.id, tokenHash: "co-1", confirmedAt: new Date() },
    });
    return { ...setup, phonics, fractions, labs, draft };
  }

  test("shows submitted and later proposals, never drafts (only their count), newest first", async () => {
    const { reviewer, event } = await boardWithProposals();
    const board = await listBoard(reviewer.id, event.id, filters());
    expect(board.proposals.map((p) => p.title)).toEqual([
      "Phonics games that stick",
      "Cheap chemistry labs",
      "Fractions with LEGO",
    ]);
    expect(board).toMatchObject({
      draftCount: 1,
      total: 3,
      canDecide: false,
      subjectTags: ["Literacy", "Math", "Science"],
    });
    expect(board.proposals[0]).toMatchObject({
      presenterName: "Maria Delgado",
      coPresenters: [expect.objectContaining({ name: "Dmitri Schmidt" })],
    });
  });

  test("filters by state, audience, subject tag, format, tech need and presenter", async () => {
    const { coordinator, event } = await boardWithProposals();
    const titles = async (input: Record<string, string>) =>
      (await listBoard(coordinator.id, event.id, filters(input))).proposals.map((p) => p.title).sort();

    expect(await titles({ state: "accepted" })).toEqual(["Cheap chemistry labs"]);
    expect(await titles({ audience: "6-8" })).toEqual(["Fractions with LEGO"]);
    expect(await titles({ tag: "Math" })).toEqual(["Cheap chemistry labs", "Fractions with LEGO"]);
    expect(await titles({ format: "hands_on" })).toEqual(["Cheap chemistry labs", "Phonics games that stick"]);
    expect(await titles({ tech: "projector", format: "demo" })).toEqual(["Fractions with LEGO"]);
    expect(await titles({ presenter: "DELGADO" })).toEqual(["Phonics games that stick"]);
    expect(await titles({ presenter: "dmitri" })).toEqual(["Phonics games that stick"]);
    expect(await titles({ state: "withdrawn" })).toEqual([]);
  });

  test("search looks through titles, summaries and details", async () => {
    const { coordinator, event } = await boardWithProposals();
    const titles = async (q: string) =>
      (await listBoard(coordinator.id, event.id, filters({ q }))).proposals.map((p) => p.title);
    expect(await titles("lego")).toEqual(["Fractions with LEGO"]);
    expect(await titles("bricks")).toEqual(["Fractions with LEGO"]);
    expect(await titles("half-written")).toEqual([]);
  });

  test("sorts by oldest, title, presenter and average score (unscored last), with my own score", async () => {
    const { coordinator, reviewer, event, phonics, fractions } = await boardWithProposals();
    await saveReview(coordinator.id, fractions.id, { score: 5, note: "" });
    await saveReview(reviewer.id, fractions.id, { score: 4, note: "Great for middle school" });
    await saveReview(reviewer.id, phonics.id, { score: 2, note: "" });
    const board = async (sort: string) => (await listBoard(reviewer.id, event.id, filters({ sort }))).proposals;

    expect((await board("oldest")).map((p) => p.title)).toEqual([
      "Fractions with LEGO",
      "Cheap chemistry labs",
      "Phonics games that stick",
    ]);
    expect((await board("title")).map((p) => p.title)).toEqual([
      "Cheap chemistry labs",
      "Fractions with LEGO",
      "Phonics games that stick",
    ]);
    expect((await board("presenter")).map((p) => p.presenterName)).toEqual([
      "Ben Okafor",
      "Keisha Johnson",
      "Maria Delgado",
    ]);
    const byScore = await board("score");
    expect(byScore.map((p) => [p.title, p.averageScore, p.myScore])).toEqual([
      ["Fractions with LEGO", 4.5, 4],
      ["Phonics games that stick", 2, 2],
      ["Cheap chemistry labs", null, null],
    ]);
  });

  test("unknown filter values from an edited link are ignored", () => {
    expect(parseBoardFilters(new URLSearchParams("state=draft&audience=college&sort=random&q=%20%20"))).toEqual({
      sort: "newest",
    });
  });
});

describe("reviews", () => {
  test("one review per reviewer, replaced on save; the team sees everyone's notes", async () => {
    const { event, coordinator, reviewer } = await reviewedEvent();
    const proposal = await createProposal(event.id, (await createUser()).id);

    await saveReview(reviewer.id, proposal.id, { score: 3, note: "Solid, a bit long" });
    await saveReview(reviewer.id, proposal.id, { score: 4, note: "Solid; the presenter trimmed it" });
    await saveReview(coordinator.id, proposal.id, { note: "Pair with the library session" });

    expect(await db.proposalReview.count()).toBe(2);
    const view = await getProposalForReview(reviewer.id, event.id, proposal.id);
    expect(view.myReview).toMatchObject({ score: 4, note: "Solid; the presenter trimmed it" });
    expect(view.reviews.map((r) => [r.reviewer.name, r.score, r.note, r.mine])).toEqual([
      ["Aisha Nguyen", 4, "Solid; the presenter trimmed it", true],
      [expect.any(String), null, "Pair with the library session", false],
    ]);
    expect(view.averageScore).toBe(4);
    expect(view.canDecide).toBe(false);
  });

  test("a draft cannot be opened or reviewed by the team", async () => {
    const { event, coordinator } = await reviewedEvent();
    const draft = await createProposal(event.id, (await createUser()).id, { state: "draft", submittedAt: null });
    await expect(getProposalForReview(coordinator.id, event.id, draft.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveReview(coordinator.id, draft.id, { score: 3, note: "" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
