// Who may do what, checked inside services before they query or write.
import { db } from "~/utils/db.server";
import { statement } from "~/utils/sqlite.server";
import { NotAllowedError, NotFoundError } from "../errors";

export async function loadActor(actorId: string) {
  const actor = await db.user.findUnique({
    where: { id: actorId },
    select: { id: true, email: true, name: true, isDistrictCoordinator: true },
  });
  if (!actor) throw new NotAllowedError("Please sign in again.");
  return actor;
}

export async function assertDistrictCoordinator(actorId: string) {
  const actor = await loadActor(actorId);
  if (!actor.isDistrictCoordinator) {
    throw new NotAllowedError("Only the district's PD coordinators can do that.");
  }
  return actor;
}

/** District coordinators manage every event; others only events they coordinate. */
export async function assertEventCoordinator(actorId: string, eventId: string) {
  const actor = await loadActor(actorId);
  if (actor.isDistrictCoordinator) return actor;
  const membership = await db.membership.findFirst({
    where: { eventId, userId: actorId, role: "coordinator" },
    select: { id: true },
  });
  if (!membership) throw new NotAllowedError("Only this PD day's coordinators can do that.");
  return actor;
}

/**
 * The same rule as assertEventCoordinator in one synchronous SQL lookup, for the
 * door check-in API where it runs on every scan (see app/utils/sqlite.server.ts).
 */
export function assertEventCoordinatorNow(actorId: string, eventId: string) {
  const row = statement(
    `SELECT u.isDistrictCoordinator AS district,
            EXISTS (SELECT 1 FROM Membership m WHERE m.eventId = ? AND m.userId = u.id AND m.role = 'coordinator') AS coordinator
       FROM User u WHERE u.id = ?`,
  ).get(eventId, actorId) as { district: number; coordinator: number } | undefined;
  if (!row) throw new NotAllowedError("Please sign in again.");
  if (!row.district && !row.coordinator) throw new NotAllowedError("Only this PD day's coordinators can do that.");
}

export async function coordinatedEventIds(actorId: string) {
  const rows = await db.membership.findMany({
    where: { userId: actorId, role: "coordinator" },
    select: { eventId: true },
  });
  return rows.map((row) => row.eventId);
}

export async function findEventBySlug(slug: string) {
  const event = await db.event.findUnique({ where: { slug } });
  if (!event) throw new NotFoundError("There is no PD day at that address.");
  return event;
}
