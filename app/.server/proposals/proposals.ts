// A presenter's side of a proposal: start a draft, autosave it, submit it while the
// call is open, edit until a decision, withdraw, and confirm once accepted.
// Every state change is audited in the same transaction as the change itself.
import type { Prisma } from "@prisma/client";
import { parseSubjectTags, proposalColumns, type ProposalDraftInput, type ProposalInput } from "~/schemas/proposals";
import { formatEventDate } from "~/utils/dates";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, RuleError } from "../errors";
import { loadActor } from "../events/permissions";
import { appLink } from "../outbox/outbox";
import { callState, isCallOpen } from "./call-for-proposals";
import { sendTemplated } from "./mail-templates";
import { loadPresentedProposal } from "./proposal-access";
import { canMove, isEditableState, type ProposalState } from "./states";

type Clock = { now?: Date };

async function eventOf(eventId: string) {
  return db.event.findUniqueOrThrow({ where: { id: eventId } });
}

/** Any signed-in person may start a draft while the PD day takes proposals. */
export async function createDraft(actorId: string, eventSlug: string, { now = new Date() }: Clock = {}) {
  const actor = await loadActor(actorId);
  const event = await db.event.findUnique({ where: { slug: eventSlug } });
  if (!event) throw new RuleError("There is no PD day at that address.");
  // Drafts may be started before the opening day, never after the call closed.
  if (callState(event, now) === "closed" || event.status !== "proposals_open") {
    throw new RuleError(`${event.name} is not taking proposals.`);
  }
  if (event.allowedEmailDomain && !actor.email.endsWith(`@${event.allowedEmailDomain}`)) {
    const member = await db.membership.findFirst({
      where: { eventId: event.id, userId: actorId },
      select: { id: true },
    });
    if (!member)
      throw new NotAllowedError(`${event.name} takes proposals from ${event.allowedEmailDomain} addresses only.`);
  }
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: { eventId: event.id, presenterId: actorId, title: "", state: "draft" },
    });
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: "proposal.created",
      entity: "Proposal",
      entityId: proposal.id,
      detail: {},
    });
    return proposal;
  });
}

/** Autosave and "Save draft": whatever is typed, nothing required. Drafts only. */
export async function saveDraft(actorId: string, proposalId: string, input: ProposalDraftInput) {
  const { proposal } = await loadPresentedProposal(actorId, proposalId);
  if (proposal.state !== "draft") {
    throw new RuleError("This proposal is no longer a draft: use “Save changes” to edit it.");
  }
  // Only while it is still a draft: an autosave from another tab must not rewrite a submitted proposal.
  const { count } = await db.proposal.updateMany({
    where: { id: proposalId, state: "draft" },
    data: proposalColumns(input),
  });
  if (count !== 1) throw new RuleError("This proposal is no longer a draft: use “Save changes” to edit it.");
  return db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { id: true, updatedAt: true } });
}

/** Tags and blocks must be the event's own: a crafted POST cannot invent either. */
async function assertChoicesBelongToEvent(eventId: string, subjectTags: string, input: ProposalInput) {
  const tags = new Set(parseSubjectTags(subjectTags));
  if (input.tags.some((tag) => !tags.has(tag))) {
    throw new RuleError("Choose subjects from this PD day's list", "tags");
  }
  if (input.unavailableBlockIds.length > 0) {
    const blocks = await db.timeBlock.count({
      where: { eventId, kind: "sessions", id: { in: input.unavailableBlockIds } },
    });
    if (blocks !== new Set(input.unavailableBlockIds).size) {
      throw new RuleError("Choose blocks from this PD day's schedule", "unavailableBlockIds");
    }
  }
}

function closedMessage(name: string) {
  return `The call for proposals for ${name} is closed, so this can no longer be changed. Contact your PD coordinator if you need to.`;
}

/** The lead and every confirmed co-presenter become presenters of the PD day. */
export async function enrolPresenters(tx: Tx, proposalId: string, eventId: string) {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { presenterId: true, coPresenters: { where: { confirmedAt: { not: null } }, select: { userId: true } } },
  });
  const userIds = [proposal.presenterId, ...proposal.coPresenters.map((c) => c.userId)].filter((id): id is string =>
    Boolean(id),
  );
  for (const userId of userIds) {
    await tx.membership.upsert({
      where: { eventId_userId_role: { eventId, userId, role: "presenter" } },
      create: { eventId, userId, role: "presenter" },
      update: {},
    });
  }
}

async function moveState(
  tx: Tx,
  actorId: string,
  proposal: { id: string; eventId: string; state: string },
  to: ProposalState,
  data: Prisma.ProposalUpdateInput = {},
) {
  // Conditional on the state we read, so two tabs cannot both move the same proposal.
  const moved = await tx.proposal.updateMany({
    where: { id: proposal.id, state: proposal.state },
    data: { ...data, state: to },
  });
  if (moved.count !== 1)
    throw new RuleError("Someone else changed this proposal just now. Reload the page and try again.");
  await recordAudit(tx, {
    eventId: proposal.eventId,
    actorId,
    action: `proposal.${to}`,
    entity: "Proposal",
    entityId: proposal.id,
    detail: { from: proposal.state, to },
  });
}

/** Full validation has passed (the schema); here the rules of the PD day. */
export async function submitProposal(
  actorId: string,
  proposalId: string,
  input: ProposalInput,
  { now = new Date() }: Clock = {},
) {
  const { proposal } = await loadPresentedProposal(actorId, proposalId);
  if (!canMove(proposal.state, "submitted", "presenter")) {
    throw new RuleError("This proposal has already been submitted.");
  }
  const event = await eventOf(proposal.eventId);
  if (!isCallOpen(event, now)) {
    throw new RuleError(
      callState(event, now) === "not_yet"
        ? `${event.name} takes proposals from ${event.proposalsOpenOn ?? "the day the call opens"}. Your draft is saved until then.`
        : closedMessage(event.name),
    );
  }
  await assertChoicesBelongToEvent(event.id, event.subjectTags, input);
  await db.$transaction(async (tx) => {
    await moveState(tx, actorId, proposal, "submitted", { ...proposalColumns(input), submittedAt: now });
    await enrolPresenters(tx, proposal.id, event.id);
  });
  const lead = await db.user.findUniqueOrThrow({
    where: { id: proposal.presenterId },
    select: { name: true, email: true },
  });
  await sendTemplated(event.id, "received", lead.email, {
    name: lead.name,
    title: input.title,
    event: event.name,
    date: formatEventDate(event.date),
    link: appLink(`/proposals/${proposal.id}`),
  });
}

/**
 * Edit with full validation. A draft may always be edited; a submitted proposal
 * only while the call is open; after a decision, not at all (unless reopened).
 */
export async function updateProposal(
  actorId: string,
  proposalId: string,
  input: ProposalInput,
  { now = new Date() }: Clock = {},
) {
  const { proposal } = await loadPresentedProposal(actorId, proposalId);
  if (!isEditableState(proposal.state)) {
    throw new RuleError("A decision has been made on this proposal, so it can no longer be edited.");
  }
  const event = await eventOf(proposal.eventId);
  if (proposal.state !== "draft" && !isCallOpen(event, now)) throw new RuleError(closedMessage(event.name));
  await assertChoicesBelongToEvent(event.id, event.subjectTags, input);
  const updated = await db.proposal.updateMany({
    where: { id: proposalId, state: proposal.state },
    data: proposalColumns(input),
  });
  if (updated.count !== 1)
    throw new RuleError("Someone else changed this proposal just now. Reload the page and try again.");
}

/** Only the lead presenter withdraws: it is their offer to take back. */
export async function withdrawProposal(actorId: string, proposalId: string) {
  const { proposal, isLead } = await loadPresentedProposal(actorId, proposalId);
  if (!isLead) throw new NotAllowedError("Only the lead presenter can withdraw this session.");
  if (!canMove(proposal.state, "withdrawn", "presenter")) {
    throw new RuleError(
      proposal.state === "withdrawn"
        ? "This proposal is already withdrawn."
        : "This proposal can no longer be withdrawn.",
    );
  }
  await db.$transaction((tx) => moveState(tx, actorId, proposal, "withdrawn"));
}

/** An accepted session's presenter says "yes, I will present it". */
export async function confirmProposal(actorId: string, proposalId: string, { now = new Date() }: Clock = {}) {
  const { proposal } = await loadPresentedProposal(actorId, proposalId);
  if (!canMove(proposal.state, "confirmed", "presenter")) {
    throw new RuleError(
      proposal.state === "confirmed"
        ? "You have already confirmed this session."
        : "Only an accepted proposal can be confirmed.",
    );
  }
  await db.$transaction(async (tx) => {
    await moveState(tx, actorId, proposal, "confirmed", { confirmedAt: now });
    await enrolPresenters(tx, proposal.id, proposal.eventId);
  });
}
