// Who may see a proposal as its presenter, and what they see. Reviewer scores and
// notes (ProposalReview) and a staged, unreleased decision are never selected here:
// presenters learn only what has been released to them.
import { parseSubjectTags } from "~/schemas/proposals";
import { db } from "~/utils/db.server";
import { NotAllowedError, NotFoundError } from "../errors";
import { PROPOSAL_STATES, type ProposalState } from "./states";

/** How long a co-presenter invitation works; after that the lead invites again. */
export const CO_PRESENTER_INVITE_DAYS = 14;

/** When an invitation sent at `invitedAt` stops working. */
export function coPresenterInviteExpiry(invitedAt: Date) {
  return new Date(invitedAt.getTime() + CO_PRESENTER_INVITE_DAYS * 24 * 60 * 60 * 1000);
}

const PRESENTER_FIELDS = {
  id: true,
  eventId: true,
  presenterId: true,
  title: true,
  summary: true,
  details: true,
  audience: true,
  tags: true,
  format: true,
  experienceLevel: true,
  lengthBlocks: true,
  maxParticipants: true,
  techNeeds: true,
  willingToRepeat: true,
  unavailableBlockIds: true,
  notesToCoordinator: true,
  state: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  decidedAt: true,
  confirmedAt: true,
} as const;

/**
 * The proposal if the actor is its lead presenter or a confirmed co-presenter;
 * anyone else (another teacher, a pending invitee) is refused.
 */
export async function loadPresentedProposal(actorId: string, proposalId: string) {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      ...PRESENTER_FIELDS,
      coPresenters: { where: { userId: actorId, confirmedAt: { not: null } }, select: { id: true } },
    },
  });
  if (!proposal) throw new NotFoundError("There is no proposal at that address.");
  const { coPresenters, ...rest } = proposal;
  const isLead = rest.presenterId === actorId;
  if (!isLead && coPresenters.length === 0) {
    throw new NotAllowedError("Only the presenters of this session can open it.");
  }
  return { proposal: rest, isLead };
}

/**
 * A `where` on a proposal: the person presents it now, as its lead or a confirmed
 * co-presenter. A published schedule names the presenters as they were when it was
 * published; a co-presenter the lead removed since is still listed there until the
 * next publish, so the session's presenter powers (attendance, resources) check this as well.
 */
export const presentedBy = (userId: string) => ({
  OR: [{ presenterId: userId }, { coPresenters: { some: { userId, confirmedAt: { not: null } } } }],
});

type ListedSession = { proposalId: string; presenters: Array<{ userId: string | null }> };

/** A published session's presenter, as the schedule lists them and still on its proposal now. */
export async function presentsSession(userId: string, session: ListedSession) {
  return (await sessionsPresentedNow(userId, [session])).length > 0;
}

/**
 * Of the published sessions, those the person presents now (see presentsSession).
 * Attendee pages ask this on every open: no query unless the schedule lists them,
 * then one for all their sessions.
 */
export async function sessionsPresentedNow<S extends ListedSession>(userId: string, sessions: S[]): Promise<S[]> {
  const listed = sessions.filter((s) => s.presenters.some((p) => p.userId === userId));
  if (listed.length === 0) return [];
  const current = await db.proposal.findMany({
    where: {
      id: { in: [...new Set(listed.map((s) => s.proposalId))] },
      ...presentedBy(userId),
    },
    select: { id: true },
  });
  const ids = new Set(current.map((p) => p.id));
  return listed.filter((s) => ids.has(s.proposalId));
}

/** Everything the presenter's proposal page shows. */
export async function getProposalForPresenter(actorId: string, proposalId: string, now = new Date()) {
  const { proposal, isLead } = await loadPresentedProposal(actorId, proposalId);
  const [event, presenter, coPresenters, resources, sessionBlocks] = await Promise.all([
    db.event.findUniqueOrThrow({
      where: { id: proposal.eventId },
      select: {
        id: true,
        slug: true,
        name: true,
        date: true,
        timeZone: true,
        status: true,
        proposalsOpenOn: true,
        proposalsCloseOn: true,
        subjectTags: true,
      },
    }),
    db.user.findUniqueOrThrow({ where: { id: proposal.presenterId }, select: { name: true, email: true } }),
    db.proposalCoPresenter.findMany({
      where: { proposalId },
      select: {
        id: true,
        email: true,
        name: true,
        confirmedAt: true,
        invitedAt: true,
        user: { select: { name: true } },
      },
      orderBy: { invitedAt: "asc" },
    }),
    db.proposalResource.findMany({
      where: { proposalId },
      select: { id: true, label: true, url: true },
      orderBy: { createdAt: "asc" },
    }),
    db.timeBlock.findMany({
      where: { eventId: proposal.eventId, kind: "sessions" },
      select: { id: true, label: true, startTime: true, endTime: true },
      orderBy: [{ sortOrder: "asc" }, { startTime: "asc" }],
    }),
  ]);
  return {
    proposal,
    isLead,
    event,
    subjectTags: parseSubjectTags(event.subjectTags),
    presenter,
    coPresenters: coPresenters.map((c) => ({
      ...c,
      expired: !c.confirmedAt && coPresenterInviteExpiry(c.invitedAt) <= now,
    })),
    resources,
    sessionBlocks,
  };
}

/** Proposals the person presents, in every PD day: as lead or as a confirmed co-presenter. */
export async function listMyProposals(userId: string) {
  const proposals = await db.proposal.findMany({
    where: presentedBy(userId),
    select: {
      id: true,
      title: true,
      state: true,
      presenterId: true,
      updatedAt: true,
      event: { select: { slug: true, name: true, date: true, timeZone: true } },
    },
    orderBy: [{ updatedAt: "desc" }],
  });
  return proposals.map((p) => ({ ...p, isLead: p.presenterId === userId }));
}

const PRESENTER_VISIBLE_ACTIONS = new Set([
  "proposal.created",
  "proposal.co_presenter_invited",
  "proposal.co_presenter_joined",
  "proposal.co_presenter_removed",
  "proposal.resource_added",
  "proposal.resource_removed",
]);

function isState(value: unknown): value is ProposalState {
  return typeof value === "string" && (PROPOSAL_STATES as readonly string[]).includes(value);
}

/**
 * What happened to a proposal, oldest first, for its presenters: state changes
 * (released ones: a staged decision is the coordinators' business until they
 * release it) and the presenters' own actions. Review activity is left out.
 */
export async function getProposalHistory(actorId: string, proposalId: string) {
  await loadPresentedProposal(actorId, proposalId);
  const rows = await db.auditLog.findMany({
    where: { entity: "Proposal", entityId: proposalId },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { name: true } } },
  });
  const history: Array<{
    id: string;
    action: string;
    from?: ProposalState;
    to?: ProposalState;
    who: string | null;
    at: Date;
  }> = [];
  for (const row of rows) {
    let detail: Record<string, unknown> = {};
    try {
      detail = JSON.parse(row.detail) as Record<string, unknown>;
    } catch {
      // An unreadable detail still shows that something happened, not what.
    }
    const stateChange = isState(detail.from) && isState(detail.to) && !row.action.includes("stag");
    if (!stateChange && !PRESENTER_VISIBLE_ACTIONS.has(row.action)) continue;
    history.push({
      id: row.id,
      action: row.action,
      from: stateChange ? (detail.from as ProposalState) : undefined,
      to: stateChange ? (detail.to as ProposalState) : undefined,
      who: row.actor?.name ?? null,
      at: row.createdAt,
    });
  }
  return history;
}
