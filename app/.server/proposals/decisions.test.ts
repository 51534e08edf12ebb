import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createProposal, createUser } from "../../../tests/factories";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { decide, releaseStaged, reopen, sendDraftReminders, unstage } from "./decisions";
import { isEditableState } from "./states";

async function coordinatedEvent() {
  const event = await createEvent({ status: "scheduling", name: "Winter Tech Exchange" });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

async function addCoPresenter(proposalId: string, user: { id: string; email: string }, confirmed: boolean) {
  return db.proposalCoPresenter.create({
    data: {
      proposalId,
      email: user.email,
      userId: confirmed ? user.id : null,
      tokenHash: `hash-${proposalId}-${user.id}`,
      confirmedAt: confirmed ? new Date() : null,
    },
  });
}

const outboxTo = async (email: string) => db.outboxMessage.findMany({ where: { to: email } });

describe("decide", () => {
  test("accepting moves the state, audits from/to and mails the lead and confirmed co-presenters once each", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const lead = await createUser({ name: "Priya Patel" });
    const confirmedCo = await createUser({ name: "Luis Reyes" });
    const pendingCo = await createUser({ name: "Grace Kowalski" });
    const proposal = await createProposal(event.id, lead.id, { title: "Podcasting with 5th graders" });
    await addCoPresenter(proposal.id, confirmedCo, true);
    await addCoPresenter(proposal.id, pendingCo, false);

    const result = await decide(coordinator.id, [proposal.id], "accepted");

    expect(result).toEqual({ decided: 1, staged: false, messages: 2 });
    const after = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(after.state).toBe("accepted");
    expect(after.decidedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findMany({ where: { entity: "Proposal", entityId: proposal.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "proposal.accepted",
        actorId: coordinator.id,
        detail: JSON.stringify({ from: "submitted", to: "accepted" }),
      }),
    ]);
    const [leadMail] = await outboxTo(lead.email);
    expect(leadMail).toMatchObject({
      eventId: event.id,
      subject: "Accepted: Podcasting with 5th graders — please confirm",
    });
    expect(leadMail!.text).toContain("Hello Priya Patel");
    expect(leadMail!.text).toContain(`http://localhost:3000/proposals/${proposal.id}`);
    expect(await outboxTo(confirmedCo.email)).toHaveLength(1);
    expect((await outboxTo(confirmedCo.email))[0]!.text).toContain("Hello Luis Reyes");
    expect(await outboxTo(pendingCo.email)).toHaveLength(0);
    expect(await db.outboxMessage.count()).toBe(2);
  });

  test("a bulk decline mails each presenter the declined template", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const teachers = [await createUser(), await createUser(), await createUser()];
    const proposals = await Promise.all(teachers.map((t) => createProposal(event.id, t.id)));

    await decide(
      coordinator.id,
      proposals.map((p) => p.id),
      "declined",
    );

    for (const [i, teacher] of teachers.entries()) {
      const mail = await outboxTo(teacher.email);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe(`About your session: ${proposals[i]!.title}`);
    }
    expect(await db.proposal.count({ where: { state: "declined" } })).toBe(3);
  });

  test("a withdrawn proposal can never be accepted, and the batch it is in changes nothing", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const fine = await createProposal(event.id, (await createUser()).id);
    const withdrawn = await createProposal(event.id, (await createUser()).id, {
      title: "Escape rooms for algebra",
      state: "withdrawn",
    });

    const attempt = decide(coordinator.id, [fine.id, withdrawn.id], "accepted");

    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toThrow(
      "“Escape rooms for algebra” was withdrawn by its presenter, so it cannot be accepted.",
    );
    expect((await db.proposal.findUniqueOrThrow({ where: { id: fine.id } })).state).toBe("submitted");
    expect(await db.outboxMessage.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  test("it refuses a decision the proposal already has", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const declined = await createProposal(event.id, (await createUser()).id, {
      title: "Makerspace 101",
      state: "declined",
    });
    await expect(decide(coordinator.id, [declined.id], "declined")).rejects.toThrow(
      "“Makerspace 101” is already declined.",
    );
  });

  test("a reviewer can score but not decide", async () => {
    const { event } = await coordinatedEvent();
    const reviewer = await createUser();
    await addMember(event.id, reviewer.id, "reviewer");
    const proposal = await createProposal(event.id, (await createUser()).id);

    await expect(decide(reviewer.id, [proposal.id], "accepted")).rejects.toBeInstanceOf(NotAllowedError);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("submitted");
  });

  test("a coordinator of event A cannot decide on event B's proposals, even mixed into a batch", async () => {
    const { event: eventA, coordinator } = await coordinatedEvent();
    const eventB = await createEvent({ status: "scheduling" });
    const mine = await createProposal(eventA.id, (await createUser()).id);
    const theirs = await createProposal(eventB.id, (await createUser()).id);

    await expect(decide(coordinator.id, [mine.id, theirs.id], "accepted")).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.proposal.count({ where: { state: "accepted" } })).toBe(0);
    await expect(releaseStaged(coordinator.id, eventB.id)).rejects.toBeInstanceOf(NotAllowedError);
  });

  test("drafts are not decidable: they look like missing proposals", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const draft = await createProposal(event.id, (await createUser()).id, { state: "draft", submittedAt: null });
    await expect(decide(coordinator.id, [draft.id], "accepted")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("staged decisions", () => {
  test("staging sends nothing and changes no state; release applies all and mails exactly once per person", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const lead = await createUser();
    const co = await createUser();
    const other = await createUser();
    const a = await createProposal(event.id, lead.id);
    await addCoPresenter(a.id, co, true);
    const b = await createProposal(event.id, other.id);

    await decide(coordinator.id, [a.id], "accepted", { stage: true });
    await decide(coordinator.id, [b.id], "waitlisted", { stage: true });

    expect(
      await db.proposal.findMany({ select: { state: true, stagedDecision: true }, orderBy: { createdAt: "asc" } }),
    ).toEqual([
      { state: "submitted", stagedDecision: "accepted" },
      { state: "submitted", stagedDecision: "waitlisted" },
    ]);
    expect(await db.outboxMessage.count()).toBe(0);

    const result = await releaseStaged(coordinator.id, event.id);

    expect(result).toEqual({ released: 2, skipped: [], messages: 3 });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: a.id } })).state).toBe("accepted");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: b.id } })).state).toBe("waitlisted");
    expect(await outboxTo(lead.email)).toHaveLength(1);
    expect(await outboxTo(co.email)).toHaveLength(1);
    expect((await outboxTo(other.email))[0]!.subject).toMatch(/^Waitlisted:/);
    expect(await db.proposal.count({ where: { stagedDecision: { not: null } } })).toBe(0);

    // Releasing again sends nothing more.
    expect(await releaseStaged(coordinator.id, event.id)).toEqual({ released: 0, skipped: [], messages: 0 });
    expect(await db.outboxMessage.count()).toBe(3);
  });

  test("a proposal withdrawn after staging is skipped at release and named", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const teacher = await createUser();
    const proposal = await createProposal(event.id, teacher.id, { title: "Coding with Scratch" });
    await decide(coordinator.id, [proposal.id], "accepted", { stage: true });
    await db.proposal.update({ where: { id: proposal.id }, data: { state: "withdrawn" } });

    expect(await releaseStaged(coordinator.id, event.id)).toEqual({
      released: 0,
      skipped: ["Coding with Scratch"],
      messages: 0,
    });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      state: "withdrawn",
      stagedDecision: null,
    });
    expect(await db.outboxMessage.count()).toBe(0);
  });

  test("unstage forgets the staged decision; deciding now replaces a staged one", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const a = await createProposal(event.id, (await createUser()).id);
    const b = await createProposal(event.id, (await createUser()).id);
    await decide(coordinator.id, [a.id, b.id], "declined", { stage: true });

    await unstage(coordinator.id, [a.id]);
    await decide(coordinator.id, [b.id], "accepted");

    expect(await db.proposal.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      state: "submitted",
      stagedDecision: null,
    });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
      state: "accepted",
      stagedDecision: null,
    });
    expect(await releaseStaged(coordinator.id, event.id)).toMatchObject({ released: 0 });
  });
});

describe("reopen", () => {
  test("a decided proposal goes back to submitted, editable again, and it is audited", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const proposal = await createProposal(event.id, (await createUser()).id);
    await decide(coordinator.id, [proposal.id], "declined");
    expect(isEditableState((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state)).toBe(false);

    await reopen(coordinator.id, proposal.id);

    const after = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(after).toMatchObject({ state: "submitted", decidedAt: null });
    expect(isEditableState(after.state)).toBe(true);
    const actions = await db.auditLog.findMany({ where: { entityId: proposal.id }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["proposal.declined", "proposal.reopened"]);
  });

  test("a withdrawn or confirmed proposal cannot be reopened", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const withdrawn = await createProposal(event.id, (await createUser()).id, {
      title: "Hydroponics",
      state: "withdrawn",
    });
    const confirmed = await createProposal(event.id, (await createUser()).id, { state: "confirmed" });
    await expect(reopen(coordinator.id, withdrawn.id)).rejects.toThrow(
      "“Hydroponics” was withdrawn by its presenter, so it cannot be reopened.",
    );
    await expect(reopen(coordinator.id, confirmed.id)).rejects.toBeInstanceOf(RuleError);
  });
});

describe("sendDraftReminders", () => {
  test("mails each draft's presenter a link to finish it, and nobody else", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const drafter = await createUser({ name: "Tom Schmidt" });
    const submitter = await createUser();
    const draft = await createProposal(event.id, drafter.id, {
      title: "Number talks",
      state: "draft",
      submittedAt: null,
    });
    await createProposal(event.id, submitter.id);

    expect(await sendDraftReminders(coordinator.id, event.id)).toBe(1);

    const [mail] = await outboxTo(drafter.email);
    expect(mail!.subject).toBe("Your draft “Number talks” is not submitted yet");
    expect(mail!.text).toContain(`http://localhost:3000/proposals/${draft.id}`);
    expect(await outboxTo(submitter.email)).toHaveLength(0);
  });

  test("only coordinators can send them", async () => {
    const { event } = await coordinatedEvent();
    const reviewer = await createUser();
    await addMember(event.id, reviewer.id, "reviewer");
    await expect(sendDraftReminders(reviewer.id, event.id)).rejects.toBeInstanceOf(NotAllowedError);
  });
});
