// Who may look at proposals as a reviewer. Coordinators (of the event, or the
// district's) review and decide; members with the "reviewer" role review only.
// Presenters never reach these services: notes and scores stay with the team.
import { db } from "~/utils/db.server";
import { NotAllowedError, NotFoundError } from "../errors";
import { loadActor } from "../events/permissions";

export type ReviewAccess = {
  actor: { id: string; name: string; email: string };
  /** Coordinators decide; reviewers only score and note. */
  canDecide: boolean;
};

export async function assertCanReview(actorId: string, eventId: string): Promise<ReviewAccess> {
  const actor = await loadActor(actorId);
  if (actor.isDistrictCoordinator) return { actor, canDecide: true };
  const roles = await db.membership.findMany({
    where: { eventId, userId: actorId, role: { in: ["coordinator", "reviewer"] } },
    select: { role: true },
  });
  if (roles.length === 0)
    throw new NotAllowedError("Only this PD day's coordinators and reviewers can see proposals under review.");
  return { actor, canDecide: roles.some((r) => r.role === "coordinator") };
}

/**
 * A proposal as the review team may open it. Drafts are the teacher's unfinished
 * work and stay private, so they are "not found" here for everyone.
 */
export async function loadReviewableProposal(actorId: string, proposalId: string, eventId?: string) {
  const proposal = await db.proposal.findUnique({ where: { id: proposalId } });
  if (!proposal || (eventId && proposal.eventId !== eventId)) {
    throw new NotFoundError("There is no such proposal in this PD day.");
  }
  const access = await assertCanReview(actorId, proposal.eventId);
  if (proposal.state === "draft")
    throw new NotFoundError("This proposal is still a draft; its presenter has not submitted it.");
  return { proposal, ...access };
}
