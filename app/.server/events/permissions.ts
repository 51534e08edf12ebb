// Who may do what, checked inside services before they query or write.
import type { Event } from "@prisma/client";
import { db } from "~/utils/db.server";
import { fromDbTime, statement } from "~/utils/sqlite.server";
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
  if (!(await coordinatesEvent(actor, eventId)))
    throw new NotAllowedError("Only this PD day's coordinators can do that.");
  return actor;
}

/**
 * The coordinator rule, for a service that lets others in too but gives
 * coordinators more (a vendor's page, a circle, the door): a district coordinator,
 * or holding the coordinator role in this PD day.
 */
export async function coordinatesEvent(actor: { id: string; isDistrictCoordinator: boolean }, eventId: string) {
  if (actor.isDistrictCoordinator) return true;
  const membership = await db.membership.findFirst({
    where: { eventId, userId: actor.id, role: "coordinator" },
    select: { id: true },
  });
  return membership !== null;
}

/**
 * Who may run the door: the PD day's coordinators and its door volunteers (people
 * invited as `door`, and kiosk devices signed in with a kiosk link). Volunteers get
 * the kiosk and the live view only; every other service still asks for a coordinator.
 * One synchronous SQL lookup on the direct connection (app/utils/sqlite.server.ts),
 * since the door check-in API runs it on every scan; it reads committed rows, so
 * call it before a Prisma transaction, not inside one.
 */
export function assertEventDoor(actorId: string, eventId: string) {
  const row = statement(
    `SELECT u.id, u.email, u.name, u.isDistrictCoordinator,
            EXISTS (SELECT 1 FROM Membership m WHERE m.eventId = ? AND m.userId = u.id AND m.role IN ('coordinator', 'door')) AS door
       FROM User u WHERE u.id = ?`,
  ).get(eventId, actorId) as
    { id: string; email: string; name: string; isDistrictCoordinator: number; door: number } | undefined;
  if (!row) throw new NotAllowedError("Please sign in again.");
  if (!row.isDistrictCoordinator && !row.door)
    throw new NotAllowedError("Only this PD day's coordinators and door volunteers can do that.");
  return { id: row.id, email: row.email, name: row.name, isDistrictCoordinator: row.isDistrictCoordinator === 1 };
}

export async function coordinatedEventIds(actorId: string) {
  const rows = await db.membership.findMany({
    where: { userId: actorId, role: "coordinator" },
    select: { eventId: true },
  });
  return rows.map((row) => row.eventId);
}

/**
 * A member of the PD day in any role (one indexed read on the direct connection): who
 * may check in to its rooms, has PD credit there, and gets its stored member pages.
 */
export function isMemberOf(userId: string, eventId: string) {
  return Boolean(statement("SELECT 1 FROM Membership WHERE eventId = ? AND userId = ? LIMIT 1").get(eventId, userId));
}

/**
 * Who may pick sessions on a PD day, and so has a My day there: a member in any role, or
 * a district coordinator. `member`: isMemberOf's answer, when the caller has asked already.
 */
export function mayPickOn(user: { id: string; isDistrictCoordinator: boolean }, eventId: string, member?: boolean) {
  return user.isDistrictCoordinator || (member ?? isMemberOf(user.id, eventId));
}

type EventColumns = Omit<Event, "earlyCheckIn" | "feedbackForCredit" | "createdAt" | "updatedAt"> & {
  earlyCheckIn: number;
  feedbackForCredit: number;
  createdAt: string;
  updatedAt: string;
};

// Every attendee page and each person's part of it starts with this read: one prepared
// statement (~15 µs) where Prisma's read of the same row cost ~1 ms. The columns SQLite
// stores untyped become Prisma's values; permissions.test.ts holds the result equal to
// Prisma's, so a column added later cannot come back in another shape unnoticed.
function eventFrom(row: EventColumns | undefined): Event | null {
  if (!row) return null;
  return {
    ...row,
    earlyCheckIn: row.earlyCheckIn === 1,
    feedbackForCredit: row.feedbackForCredit === 1,
    createdAt: fromDbTime(row.createdAt),
    updatedAt: fromDbTime(row.updatedAt),
  };
}

export async function findEventBySlug(slug: string) {
  const event = eventFrom(statement("SELECT * FROM Event WHERE slug = ?").get(slug) as EventColumns | undefined);
  if (!event) throw new NotFoundError("There is no PD day at that address.");
  return event;
}

/** The PD day by id, as findEventBySlug reads it; null when there is none. */
export function eventById(eventId: string) {
  return eventFrom(statement("SELECT * FROM Event WHERE id = ?").get(eventId) as EventColumns | undefined);
}
