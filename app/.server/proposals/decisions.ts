// Coordinators decide proposals: now (state changes and presenters are mailed)
// or staged (kept aside, nothing sent) and released together later, so a whole
// round of decisions reaches teachers at the same moment.
import { formatEventDate } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { appLink } from "../outbox/outbox";
import { sendTemplated } from "./mail-templates";
import { canMove, DECISIONS, STATE_LABELS, type Decision, type ProposalState } from "./states";

const DECISION_VERBS: Record<Decision, string> = {
  accepted: "accepted",
  waitlisted: "waitlisted",
  declined: "declined",
};

type Loaded = { id: string; eventId: string; title: string; state: string };

/**
 * Every write below is conditional on the state the coordinator's page was built
 * from (read just before): a presenter who withdrew in between wins, the whole
 * batch is refused (its transaction rolls back, no mail is sent) and the
 * coordinator is told which proposal moved.
 */
function changedUnderneath(proposal: Loaded) {
  return new RuleError(
    `“${proposal.title}” was changed by someone else just now (its presenter may have withdrawn it). Nothing was changed; reload to see it.`,
  );
}

/** The proposals, all checked against the actor's right to decide for their event. */
async function loadForDecision(actorId: string, proposalIds: string[]) {
  const ids = [...new Set(proposalIds)];
  const proposals = await db.proposal.findMany({
    where: { id: { in: ids } },
    select: { id: true, eventId: true, title: true, state: true },
  });
  // A draft is the teacher's private work: coordinators cannot decide on it, and
  // saying so would confirm it exists.
  const visible = proposals.filter((p) => p.state !== "draft");
  if (visible.length !== ids.length) throw new NotFoundError("One of the selected proposals no longer exists.");
  for (const eventId of new Set(visible.map((p) => p.eventId))) {
    await assertEventCoordinator(actorId, eventId);
  }
  return visible;
}

function refusal(proposal: Loaded, to: ProposalState) {
  if (proposal.state === "withdrawn") {
    return `“${proposal.title}” was withdrawn by its presenter, so it cannot be ${to === "submitted" ? "reopened" : (DECISION_VERBS[to as Decision] ?? to)}.`;
  }
  if (proposal.state === to) return `“${proposal.title}” is already ${DECISION_VERBS[to as Decision] ?? to}.`;
  return `“${proposal.title}” is ${STATE_LABELS[proposal.state as ProposalState]?.toLowerCase() ?? proposal.state} and cannot be moved to “${STATE_LABELS[to]}”.`;
}

/** Refuse the whole batch if any move is not allowed, naming each problem. */
function assertMoves(proposals: Loaded[], to: ProposalState) {
  const refused = proposals.filter((p) => !canMove(p.state, to, "coordinator"));
  if (refused.length > 0) {
    throw new RuleError(`${refused.map((p) => refusal(p, to)).join(" ")} Nothing was changed.`);
  }
}

/**
 * Mail the lead presenter and every confirmed co-presenter: exactly one message
 * per person, even if a co-presenter's address is also the lead's.
 */
async function mailDecision(proposalId: string, decision: Decision) {
  const proposal = await db.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: {
      event: { select: { id: true, name: true, date: true } },
      presenter: { select: { name: true, email: true } },
      coPresenters: {
        where: { confirmedAt: { not: null } },
        include: { user: { select: { name: true, email: true } } },
      },
    },
  });
  const people = new Map<string, string>();
  people.set(proposal.presenter.email.toLowerCase(), proposal.presenter.name);
  for (const co of proposal.coPresenters) {
    const email = (co.user?.email ?? co.email).toLowerCase();
    if (!people.has(email)) people.set(email, co.user?.name ?? (co.name || email));
  }
  for (const [to, name] of people) {
    await sendTemplated(proposal.event.id, decision, to, {
      name,
      title: proposal.title,
      event: proposal.event.name,
      date: formatEventDate(proposal.event.date),
      link: appLink(`/proposals/${proposal.id}`),
      presenter: proposal.presenter.name,
    });
  }
  return people.size;
}

/** State + audit for a batch, in one transaction; mail goes out once it is committed. */
async function apply(
  actorId: string,
  proposals: Loaded[],
  decisionFor: (p: Loaded) => Decision,
  { staged = false } = {},
) {
  const decidedAt = new Date();
  await db.$transaction(async (tx) => {
    for (const p of proposals) {
      const to = decisionFor(p);
      const { count } = await tx.proposal.updateMany({
        // A release also needs the decision still staged (another coordinator may have unstaged it).
        where: { id: p.id, state: p.state, ...(staged ? { stagedDecision: to } : {}) },
        data: { state: to, decidedAt, stagedDecision: null },
      });
      if (count !== 1) throw changedUnderneath(p);
      await recordAudit(tx, {
        eventId: p.eventId,
        actorId,
        action: `proposal.${to}`,
        entity: "Proposal",
        entityId: p.id,
        detail: { from: p.state, to },
      });
    }
  });
  let messages = 0;
  for (const p of proposals) messages += await mailDecision(p.id, decisionFor(p));
  return messages;
}

/**
 * Accept, waitlist or decline one or more proposals. `stage` keeps the decision
 * aside (no state change, no mail) until releaseStaged.
 */
export async function decide(actorId: string, proposalIds: string[], decision: Decision, { stage = false } = {}) {
  if (!DECISIONS.includes(decision)) throw new RuleError("Choose accept, waitlist or decline.");
  const proposals = await loadForDecision(actorId, proposalIds);
  assertMoves(proposals, decision);
  if (stage) {
    await db.$transaction(async (tx) => {
      for (const p of proposals) {
        const { count } = await tx.proposal.updateMany({
          where: { id: p.id, state: p.state },
          data: { stagedDecision: decision },
        });
        if (count !== 1) throw changedUnderneath(p);
        // "staged" in the action keeps it out of the presenter's history until released.
        await recordAudit(tx, {
          eventId: p.eventId,
          actorId,
          action: "proposal.decision_staged",
          entity: "Proposal",
          entityId: p.id,
          detail: { staged: decision },
        });
      }
    });
    return { decided: proposals.length, staged: true, messages: 0 };
  }
  const messages = await apply(actorId, proposals, () => decision);
  return { decided: proposals.length, staged: false, messages };
}

/** Forget staged decisions without applying them. */
export async function unstage(actorId: string, proposalIds: string[]) {
  const proposals = await loadForDecision(actorId, proposalIds);
  await db.proposal.updateMany({ where: { id: { in: proposals.map((p) => p.id) } }, data: { stagedDecision: null } });
  return proposals.length;
}

/**
 * Apply every staged decision of the event at once. A proposal whose state moved
 * since it was staged (its presenter withdrew) is skipped and its staged decision
 * dropped, and the caller is told which.
 */
export async function releaseStaged(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const staged = await db.proposal.findMany({
    where: { eventId, stagedDecision: { not: null } },
    select: { id: true, eventId: true, title: true, state: true, stagedDecision: true },
  });
  const decisionOf = (p: Loaded) => staged.find((s) => s.id === p.id)!.stagedDecision as Decision;
  const ready = staged.filter((p) => canMove(p.state, p.stagedDecision as Decision, "coordinator"));
  const skipped = staged.filter((p) => !ready.includes(p));
  if (skipped.length > 0) {
    // Only rows still as read: a proposal reopened meanwhile keeps what its coordinator did.
    for (const p of skipped) {
      await db.proposal.updateMany({
        where: { id: p.id, state: p.state, stagedDecision: p.stagedDecision },
        data: { stagedDecision: null },
      });
    }
  }
  const messages = ready.length > 0 ? await apply(actorId, ready, decisionOf, { staged: true }) : 0;
  return { released: ready.length, skipped: skipped.map((p) => p.title), messages };
}

/** Take back a decision: the proposal is "submitted" again and its presenters can edit it. */
export async function reopen(actorId: string, proposalId: string) {
  const [proposal] = await loadForDecision(actorId, [proposalId]);
  assertMoves([proposal!], "submitted");
  await db.$transaction(async (tx) => {
    const { count } = await tx.proposal.updateMany({
      where: { id: proposalId, state: proposal!.state },
      data: { state: "submitted", decidedAt: null, stagedDecision: null },
    });
    if (count !== 1) throw changedUnderneath(proposal!);
    await recordAudit(tx, {
      eventId: proposal!.eventId,
      actorId,
      action: "proposal.reopened",
      entity: "Proposal",
      entityId: proposalId,
      detail: { from: proposal!.state, to: "submitted" },
    });
  });
}

/** Nudge every teacher with an unsubmitted draft, one message per draft. */
export async function sendDraftReminders(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const [event, drafts] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true, date: true } }),
    db.proposal.findMany({
      where: { eventId, state: "draft" },
      select: { id: true, title: true, presenter: { select: { name: true, email: true } } },
    }),
  ]);
  for (const draft of drafts) {
    await sendTemplated(eventId, "draft_reminder", draft.presenter.email, {
      name: draft.presenter.name,
      title: draft.title || "Untitled session",
      event: event.name,
      date: formatEventDate(event.date),
      link: appLink(`/proposals/${draft.id}`),
      presenter: draft.presenter.name,
    });
  }
  return drafts.length;
}
