// Who a person is to a published session, for its takeaways and resources: its
// presenter, a coordinator of the PD day, someone who was there (checked in or
// picked it, and still on the day), or nobody. Shared by takeaways.ts and resources.ts.
import { db } from "~/utils/db.server";
import { wallClockAt } from "../schedule/times";
import { NotFoundError } from "../errors";
import { coordinatesEvent, findEventBySlug, loadActor } from "../events/permissions";
import { presentsSession } from "../proposals/proposal-access";
import { latestPublished } from "../schedule/publish";

type Standing = "coordinator" | "presenter" | "participant" | "none";

export async function sessionFor(slug: string, placementId: string) {
  const event = await findEventBySlug(slug);
  const session = (await latestPublished(event.id))?.snapshot.sessions.find((s) => s.placementId === placementId);
  if (!session) throw new NotFoundError("That session is not on the published schedule.");
  return { event, session };
}

/**
 * Is this person on the PD day and were they in the session (checked in to any of
 * its placements) or did they pick it? Someone removed from the day, or who left it,
 * keeps their picks and check-ins (REMOVAL_KEEPS_DATA) but not a say in its sessions.
 */
export async function wasThere(userId: string, eventId: string, proposalId: string, placementIds: string[]) {
  const [member, visit, pick] = await Promise.all([
    db.membership.findFirst({ where: { eventId, userId }, select: { id: true } }),
    db.roomVisit.findFirst({ where: { eventId, userId, placementId: { in: placementIds } }, select: { id: true } }),
    db.pick.findFirst({ where: { eventId, userId, proposalId }, select: { id: true } }),
  ]);
  return Boolean(member && (visit || pick));
}

export async function standing(
  actorId: string,
  eventId: string,
  session: { proposalId: string; presenters: { userId: string }[] },
  placementIds: string[],
): Promise<Standing> {
  if (await presentsSession(actorId, session)) return "presenter";
  if (await coordinatesEvent(await loadActor(actorId), eventId)) return "coordinator";
  return (await wasThere(actorId, eventId, session.proposalId, placementIds)) ? "participant" : "none";
}

export async function placementsOf(eventId: string, proposalId: string) {
  const version = await latestPublished(eventId);
  return (version?.snapshot.sessions ?? []).filter((s) => s.proposalId === proposalId).map((s) => s.placementId);
}

export function started(event: { date: string; timeZone: string }, session: { startTime: string }, now: Date) {
  const { date, time } = wallClockAt(event.timeZone, now);
  return date > event.date || (date === event.date && time >= session.startTime);
}
