// Colleagues who present with the lead. Invited by email with a link of which only
// a hash is stored; once they accept (signed in with that address) they can read
// and edit the proposal like the lead.
import type { CoPresenterInviteInput } from "~/schemas/proposals";
import { MAX_CO_PRESENTERS } from "~/schemas/proposals";
import { formatEventDate } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { hashToken, newLinkToken } from "../accounts/tokens";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { appLink } from "../outbox/outbox";
import { sendTemplated } from "./mail-templates";
import { coPresenterInviteExpiry, loadPresentedProposal } from "./proposal-access";
import { enrolPresenters } from "./proposals";

// States in which the session will (or may) happen, so co-presenters belong to the day.
const PRESENTING_STATES = new Set(["submitted", "accepted", "waitlisted", "confirmed"]);

async function assertLead(actorId: string, proposalId: string) {
  const access = await loadPresentedProposal(actorId, proposalId);
  if (!access.isLead) throw new NotAllowedError("Only the lead presenter can change who co-presents.");
  return access.proposal;
}

export async function inviteCoPresenter(actorId: string, proposalId: string, input: CoPresenterInviteInput) {
  const proposal = await assertLead(actorId, proposalId);
  if (proposal.state === "withdrawn" || proposal.state === "declined") {
    throw new RuleError("This proposal is closed, so no one new can join it.");
  }
  const lead = await db.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true, email: true } });
  if (input.email === lead.email) throw new RuleError("That is your own address: you are already presenting.", "email");
  const existing = await db.proposalCoPresenter.findMany({ where: { proposalId }, select: { email: true } });
  if (existing.some((c) => c.email === input.email)) {
    throw new RuleError(`${input.email} is already invited.`, "email");
  }
  if (existing.length >= MAX_CO_PRESENTERS) {
    throw new RuleError(`A session can have at most ${MAX_CO_PRESENTERS} co-presenters.`, "email");
  }
  const event = await db.event.findUniqueOrThrow({
    where: { id: proposal.eventId },
    select: { name: true, date: true },
  });
  const { token, tokenHash } = newLinkToken();
  const invite = await db.$transaction(async (tx) => {
    const created = await tx.proposalCoPresenter.create({
      data: { proposalId, email: input.email, name: input.name ?? "", tokenHash },
    });
    await recordAudit(tx, {
      eventId: proposal.eventId,
      actorId,
      action: "proposal.co_presenter_invited",
      entity: "Proposal",
      entityId: proposalId,
      detail: { email: input.email },
    });
    return created;
  });
  const link = appLink(`/co-present/${token}`);
  await sendTemplated(
    proposal.eventId,
    "co_presenter_invite",
    input.email,
    {
      name: input.name ?? input.email,
      presenter: lead.name,
      title: proposal.title || "an untitled session",
      event: event.name,
      date: formatEventDate(event.date),
      link,
    },
    { secrets: [link] },
  );
  return invite;
}

/** What the invitation page shows (with when it stops working); null when the link is unknown. */
export async function findCoPresenterInvite(token: string) {
  const invite = await db.proposalCoPresenter.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      confirmedAt: true,
      invitedAt: true,
      userId: true,
      proposal: {
        select: {
          id: true,
          title: true,
          state: true,
          presenter: { select: { name: true } },
          event: { select: { name: true, date: true, timeZone: true } },
        },
      },
    },
  });
  return invite && { ...invite, expiresAt: coPresenterInviteExpiry(invite.invitedAt) };
}

/** The signed-in invitee accepts; the invitation's address must be theirs, and it must not have expired. */
export async function acceptCoPresenter(token: string, userId: string, now = new Date()) {
  const invite = await db.proposalCoPresenter.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { proposal: { select: { id: true, eventId: true, state: true, presenterId: true } } },
  });
  if (!invite) throw new NotFoundError("This invitation no longer works. Ask the presenter to invite you again.");
  if (invite.confirmedAt) {
    if (invite.userId === userId) return invite.proposal;
    throw new NotFoundError("This invitation was already used.");
  }
  if (coPresenterInviteExpiry(invite.invitedAt) <= now) {
    throw new RuleError("This invitation has expired. Ask the presenter to invite you again.");
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (user.email !== invite.email) {
    throw new NotAllowedError(`This invitation is for ${invite.email}. Sign in with that address to accept it.`);
  }
  if (invite.proposal.state === "withdrawn" || invite.proposal.state === "declined") {
    throw new RuleError("This session was withdrawn or not accepted, so it can no longer be joined.");
  }
  await db.$transaction(async (tx) => {
    const claimed = await tx.proposalCoPresenter.updateMany({
      where: { id: invite.id, confirmedAt: null },
      data: { confirmedAt: new Date(), userId },
    });
    if (claimed.count !== 1) throw new NotFoundError("This invitation was already used.");
    if (PRESENTING_STATES.has(invite.proposal.state)) {
      await enrolPresenters(tx, invite.proposal.id, invite.proposal.eventId);
    }
    await recordAudit(tx, {
      eventId: invite.proposal.eventId,
      actorId: userId,
      action: "proposal.co_presenter_joined",
      entity: "Proposal",
      entityId: invite.proposal.id,
      detail: { email: invite.email },
    });
  });
  return invite.proposal;
}

export async function removeCoPresenter(actorId: string, proposalId: string, coPresenterId: string) {
  const proposal = await assertLead(actorId, proposalId);
  const coPresenter = await db.proposalCoPresenter.findFirst({ where: { id: coPresenterId, proposalId } });
  if (!coPresenter) throw new NotFoundError("That co-presenter is not on this proposal.");
  await db.$transaction(async (tx) => {
    // Removed twice (two tabs): the second is told, not a 500.
    const { count } = await tx.proposalCoPresenter.deleteMany({ where: { id: coPresenter.id } });
    if (count !== 1) throw new NotFoundError("That co-presenter is not on this proposal.");
    await recordAudit(tx, {
      eventId: proposal.eventId,
      actorId,
      action: "proposal.co_presenter_removed",
      entity: "Proposal",
      entityId: proposalId,
      detail: { email: coPresenter.email },
    });
  });
  return coPresenter;
}
