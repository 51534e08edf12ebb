// Ratings after a session: any member of the PD day may rate a session once its
// block has ended (one rating each, editable). Presenters see a summary without
// names; the event's coordinators see who said what.
import type { FeedbackInput } from "~/schemas/attendees";
import { db } from "~/utils/db.server";
import { statement } from "~/utils/sqlite.server";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator, findEventBySlug } from "../events/permissions";
import { latestPublished } from "../schedule/publish";
import { sessionEnded } from "./schedule";

async function assertAttendee(userId: string, eventId: string) {
  const membership = await db.membership.findFirst({ where: { eventId, userId }, select: { id: true } });
  if (!membership) throw new NotAllowedError("Only people attending this PD day can rate its sessions.");
}

export async function leaveFeedback(
  userId: string,
  slug: string,
  placementId: string,
  input: FeedbackInput,
  now = new Date(),
) {
  const event = await findEventBySlug(slug);
  await assertAttendee(userId, event.id);
  const session = (await latestPublished(event.id))?.snapshot.sessions.find((s) => s.placementId === placementId);
  if (!session) throw new NotFoundError("That session is not on the published schedule.");
  if (!sessionEnded(event, session, now)) throw new RuleError("You can rate this session once it has ended.", "rating");
  const data = { rating: input.rating, comment: input.comment ?? "" };
  return db.feedback.upsert({
    where: { userId_placementId: { userId, placementId } },
    create: { eventId: event.id, userId, placementId, proposalId: session.proposalId, ...data },
    update: data,
  });
}

/** The person's own rating of a session (the session page's part: one prepared, indexed read). */
export async function myFeedback(userId: string, placementId: string) {
  return (
    (statement("SELECT rating, comment FROM Feedback WHERE userId = ? AND placementId = ?").get(userId, placementId) as
      { rating: number; comment: string } | undefined) ?? null
  );
}

/**
 * A session's feedback: presenters (lead or confirmed co-presenter) get counts,
 * average and comments without names; coordinators also get the names.
 */
export async function feedbackSummary(actorId: string, proposalId: string) {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    select: {
      id: true,
      title: true,
      eventId: true,
      presenterId: true,
      event: { select: { slug: true, name: true } },
      coPresenters: { where: { userId: actorId, confirmedAt: { not: null } }, select: { id: true } },
    },
  });
  if (!proposal) throw new NotFoundError("There is no session at that address.");
  const isPresenter = proposal.presenterId === actorId || proposal.coPresenters.length > 0;
  let isCoordinator = false;
  if (!isPresenter) {
    await assertEventCoordinator(actorId, proposal.eventId);
    isCoordinator = true;
  }
  const rows = await db.feedback.findMany({
    where: { proposalId },
    orderBy: { createdAt: "asc" },
    select: { id: true, rating: true, comment: true, user: { select: { name: true } } },
  });
  const count = rows.length;
  return {
    proposal: { id: proposal.id, title: proposal.title, event: proposal.event },
    count,
    average: count ? Math.round((rows.reduce((sum, r) => sum + r.rating, 0) / count) * 10) / 10 : null,
    byRating: [5, 4, 3, 2, 1].map((rating) => ({ rating, count: rows.filter((r) => r.rating === rating).length })),
    comments: rows
      .filter((r) => r.comment.trim())
      .map((r) => ({ id: r.id, rating: r.rating, comment: r.comment, by: isCoordinator ? r.user.name : null })),
  };
}
