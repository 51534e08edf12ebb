import { describe, expect, test } from "vitest";
import { ProposalDraftSchema, ProposalSchema } from "~/schemas/proposals";
import { db } from "~/utils/db.server";
import { createEvent, createProposal, createUser } from "../../../tests/factories";
import { NotAllowedError, RuleError } from "../errors";
import { getProposalForPresenter, getProposalHistory, listMyProposals } from "./proposal-access";
import { confirmProposal, createDraft, saveDraft, submitProposal, updateProposal, withdrawProposal } from "./proposals";

// The window is 2026-11-01 … 2026-11-14 (Chicago); these instants fall inside and after it.
const DURING = new Date("2026-11-05T18:00:00Z");
const AFTER = new Date("2026-11-16T18:00:00Z");

function openEvent(overrides: Record<string, unknown> = {}) {
  return createEvent({
    status: "proposals_open",
    proposalsOpenOn: "2026-11-01",
    proposalsCloseOn: "2026-11-14",
    subjectTags: "Literacy\nMath\nEdTech",
    ...overrides,
  });
}

function validInput(overrides: Record<string, unknown> = {}) {
  return ProposalSchema.parse({
    title: "Number talks for fluency",
    summary: "Ten-minute number talks that build mental math.",
    details: "We run two number talks as students, then plan one for Monday.",
    audience: ["3-5"],
    tags: "Math",
    format: "demo",
    experienceLevel: "beginner",
    lengthBlocks: "1",
    maxParticipants: "30",
    techNeeds: ["projector"],
    willingToRepeat: "on",
    notesToCoordinator: "",
    ...overrides,
  });
}

async function draftBy(teacherId: string, eventSlug: string) {
  return createDraft(teacherId, eventSlug, { now: DURING });
}

describe("drafts and submitting", () => {
  test("autosave keeps a half-written draft, with nothing required", async () => {
    const event = await openEvent();
    const teacher = await createUser();
    const draft = await draftBy(teacher.id, event.slug);

    const partial = ProposalDraftSchema.parse({ title: "Station rotation", maxParticipants: "3x", audience: "K-2" });
    await saveDraft(teacher.id, draft.id, partial);

    const saved = await db.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    expect(saved).toMatchObject({
      state: "draft",
      title: "Station rotation",
      summary: "",
      audience: "K-2",
      maxParticipants: null,
    });
    expect(await listMyProposals(teacher.id)).toEqual([
      expect.objectContaining({ id: draft.id, title: "Station rotation" }),
    ]);
  });

  test("submit stores every field, makes the teacher a presenter, mails “received” and audits the move", async () => {
    const event = await openEvent();
    const teacher = await createUser();
    const draft = await draftBy(teacher.id, event.slug);

    await submitProposal(teacher.id, draft.id, validInput({ audience: ["3-5", "6-8"] }), { now: DURING });

    const saved = await db.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    expect(saved).toMatchObject({
      state: "submitted",
      audience: "3-5,6-8",
      tags: "Math",
      format: "demo",
      maxParticipants: 30,
      willingToRepeat: true,
      submittedAt: DURING,
    });
    expect(await db.membership.count({ where: { eventId: event.id, userId: teacher.id, role: "presenter" } })).toBe(1);
    const mail = await db.outboxMessage.findMany({ where: { to: teacher.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("We received your session: Number talks for fluency");
    expect(mail[0]!.text).toContain(`http://localhost:3000/proposals/${draft.id}`);
    const history = await getProposalHistory(teacher.id, draft.id);
    expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
      ["proposal.created", undefined, undefined],
      ["proposal.submitted", "draft", "submitted"],
    ]);
  });

  test("no submit and no edit of a submitted proposal after the window closes; a draft still saves", async () => {
    const event = await openEvent();
    const teacher = await createUser();
    const late = await draftBy(teacher.id, event.slug);
    const early = await draftBy(teacher.id, event.slug);
    await submitProposal(teacher.id, early.id, validInput(), { now: DURING });

    await expect(submitProposal(teacher.id, late.id, validInput(), { now: AFTER })).rejects.toThrow(
      /call for proposals .* is closed/,
    );
    await expect(
      updateProposal(teacher.id, early.id, validInput({ title: "Changed" }), { now: AFTER }),
    ).rejects.toThrow(RuleError);
    await updateProposal(teacher.id, late.id, validInput({ title: "Still my draft" }), { now: AFTER });

    expect((await db.proposal.findUniqueOrThrow({ where: { id: late.id } })).state).toBe("draft");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: early.id } })).title).toBe("Number talks for fluency");
    // A coordinator who extends the window lets the teacher submit again.
    await db.event.update({ where: { id: event.id }, data: { proposalsCloseOn: "2026-11-20" } });
    await submitProposal(teacher.id, late.id, validInput(), { now: AFTER });
  });

  test("a closed PD day takes no new drafts", async () => {
    const event = await openEvent({ status: "scheduling" });
    const teacher = await createUser();
    await expect(createDraft(teacher.id, event.slug, { now: DURING })).rejects.toThrow("is not taking proposals");
  });

  test("a PD day with a district email domain takes drafts only from that domain or its members", async () => {
    const event = await openEvent({ allowedEmailDomain: "springfield.k12.us" });
    const outsider = await createUser({ email: "pat@gmail.test" });
    const insider = await createUser();
    await expect(createDraft(outsider.id, event.slug, { now: DURING })).rejects.toThrow(NotAllowedError);
    await db.membership.create({ data: { eventId: event.id, userId: outsider.id, role: "vendor" } });
    await createDraft(outsider.id, event.slug, { now: DURING });
    await createDraft(insider.id, event.slug, { now: DURING });
    expect(await db.proposal.count({ where: { eventId: event.id } })).toBe(2);
  });

  test("tags and blocks must come from the event's own lists", async () => {
    const event = await openEvent();
    const other = await openEvent();
    const foreignBlock = await db.timeBlock.create({
      data: { eventId: other.id, label: "Block 1", startTime: "09:00", endTime: "10:00" },
    });
    const teacher = await createUser();
    const draft = await draftBy(teacher.id, event.slug);
    await expect(
      submitProposal(teacher.id, draft.id, validInput({ tags: ["Chemistry"] }), { now: DURING }),
    ).rejects.toMatchObject({ field: "tags" });
    await expect(
      submitProposal(teacher.id, draft.id, validInput({ unavailableBlockIds: [foreignBlock.id] }), { now: DURING }),
    ).rejects.toMatchObject({ field: "unavailableBlockIds" });
  });
});

describe("after a decision", () => {
  test("no edits once decided; a coordinator's reopen makes it editable again", async () => {
    const event = await openEvent();
    const teacher = await createUser();
    const proposal = await createProposal(event.id, teacher.id, { state: "accepted" });
    await expect(updateProposal(teacher.id, proposal.id, validInput(), { now: DURING })).rejects.toThrow(
      /decision has been made/,
    );
    await db.proposal.update({ where: { id: proposal.id }, data: { state: "submitted" } });
    await updateProposal(teacher.id, proposal.id, validInput({ title: "Reworked" }), { now: DURING });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).title).toBe("Reworked");
  });

  test("confirm only from accepted; a withdrawn proposal cannot be confirmed", async () => {
    const event = await openEvent();
    const teacher = await createUser();
    const submitted = await createProposal(event.id, teacher.id, { state: "submitted" });
    const accepted = await createProposal(event.id, teacher.id, { state: "accepted" });

    await expect(confirmProposal(teacher.id, submitted.id)).rejects.toThrow(
      "Only an accepted proposal can be confirmed.",
    );
    await confirmProposal(teacher.id, accepted.id, { now: DURING });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({
      state: "confirmed",
      confirmedAt: DURING,
    });
    expect(await db.outboxMessage.count()).toBe(0);

    await withdrawProposal(teacher.id, accepted.id);
    await expect(confirmProposal(teacher.id, accepted.id)).rejects.toThrow(RuleError);
    await expect(withdrawProposal(teacher.id, accepted.id)).rejects.toThrow("already withdrawn");
    const actions = (
      await db.auditLog.findMany({ where: { entityId: accepted.id }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["proposal.confirmed", "proposal.withdrawn"]);
  });

  test("a declined proposal cannot be withdrawn or edited", async () => {
    const event = await openEvent();
    const teacher = await createUser();
    const declined = await createProposal(event.id, teacher.id, { state: "declined" });
    await expect(withdrawProposal(teacher.id, declined.id)).rejects.toThrow("can no longer be withdrawn");
    await expect(saveDraft(teacher.id, declined.id, ProposalDraftSchema.parse({ title: "x" }))).rejects.toThrow(
      RuleError,
    );
  });
});

describe("who sees what", () => {
  test("another teacher can neither read nor change a proposal", async () => {
    const event = await openEvent();
    const [owner, stranger] = [await createUser(), await createUser()];
    const proposal = await createProposal(event.id, owner.id, { state: "draft" });

    await expect(getProposalForPresenter(stranger.id, proposal.id)).rejects.toThrow(NotAllowedError);
    await expect(getProposalHistory(stranger.id, proposal.id)).rejects.toThrow(NotAllowedError);
    await expect(saveDraft(stranger.id, proposal.id, ProposalDraftSchema.parse({ title: "Mine now" }))).rejects.toThrow(
      NotAllowedError,
    );
    await expect(submitProposal(stranger.id, proposal.id, validInput(), { now: DURING })).rejects.toThrow(
      NotAllowedError,
    );
    await expect(withdrawProposal(stranger.id, proposal.id)).rejects.toThrow(NotAllowedError);
    expect(await listMyProposals(stranger.id)).toEqual([]);
  });

  test("a presenter of event A sees nothing of event B", async () => {
    const [eventA, eventB] = [await openEvent(), await openEvent()];
    const [teacherA, teacherB] = [await createUser(), await createUser()];
    const mine = await createProposal(eventA.id, teacherA.id);
    const theirs = await createProposal(eventB.id, teacherB.id);

    expect((await listMyProposals(teacherA.id)).map((p) => p.id)).toEqual([mine.id]);
    await expect(getProposalForPresenter(teacherA.id, theirs.id)).rejects.toThrow(NotAllowedError);
  });

  test("the presenter's view never carries reviewer scores, notes or a staged decision", async () => {
    const event = await openEvent();
    const [teacher, coordinator] = [await createUser(), await createUser()];
    const proposal = await createProposal(event.id, teacher.id, { stagedDecision: "declined" });
    await db.proposalReview.create({
      data: { proposalId: proposal.id, reviewerId: coordinator.id, score: 2, note: "PRIVATE: weak session" },
    });
    await db.auditLog.create({
      data: {
        eventId: event.id,
        actorId: coordinator.id,
        action: "proposal.decision_staged",
        entity: "Proposal",
        entityId: proposal.id,
        detail: JSON.stringify({ from: "submitted", to: "declined" }),
      },
    });

    const view = await getProposalForPresenter(teacher.id, proposal.id);
    const history = await getProposalHistory(teacher.id, proposal.id);
    const everything = JSON.stringify({ view, history });
    expect(everything).not.toContain("PRIVATE");
    expect(everything).not.toContain("declined");
    expect(view.proposal).not.toHaveProperty("reviews");
    expect(view.proposal).not.toHaveProperty("stagedDecision");
    expect(view.proposal.title).toBe(proposal.title);
  });
});
