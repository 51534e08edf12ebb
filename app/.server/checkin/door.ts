// Door check-in: a volunteer at the kiosk scans a badge (its token) or types its
// short code, finds a person by name, or registers a walk-in. One row per person per PD day, so a
// second scan can only report the first; offline kiosks upload queued scans
// with client ids and each is applied exactly once.
//
// The scan path runs on the direct SQLite connection (app/utils/sqlite.server.ts)
// with prepared statements: it is the busiest write of the morning. One upsert
// decides "first" or "already" atomically, so two kiosks scanning the same badge
// at the same instant (even from two server processes) still make one row.
import crypto from "node:crypto";
import type { PersonInput } from "~/schemas/checkin";
import { shortCodeFromTyped } from "~/utils/badge-code";
import { dateFormat } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { fromDbTime, statement, toDbTime, writeWithRetry } from "~/utils/sqlite.server";
import { assertEventDoor } from "../events/permissions";
import { byDayName, DAY_PERSON_SQL, dayPeople, dayPersonSearch } from "../people/day-person";
import { doorRule, doorsClosedMessage, isEarly } from "./doors";
import { addWalkIn } from "./roster";

type CheckInSource = "qr" | "search" | "walk_in";
export type CheckInOptions = { clientId?: string; at?: Date; source?: CheckInSource };

export type CheckInResult =
  | { status: "checked_in"; userId: string; name: string; school: string | null; checkedInAt: Date }
  | { status: "already"; userId: string; name: string; school: string | null; checkedInAt: Date }
  | { status: "unknown" }
  /** Before the doors open (and early check-in is off): nothing was recorded. */
  | { status: "closed"; message: string };

type Person = { userId: string; name: string; school: string | null };

/** Who may run the door: the PD day's coordinators and door volunteers. */
export function assertDoorVolunteer(actorId: string, eventId: string) {
  assertEventDoor(actorId, eventId);
}

function isUniqueViolation(error: unknown) {
  return (error as { code?: unknown } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

const UPSERT = `INSERT INTO DoorCheckIn (id, eventId, userId, checkedInAt, source, clientId, recordedById)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (eventId, userId) DO UPDATE SET checkedInAt = MIN(checkedInAt, excluded.checkedInAt)
  RETURNING id, checkedInAt, clientId`;

/** When this person's door check-in is stored as (database time text), if they have one. */
function storedCheckInTime(eventId: string, userId: string) {
  const row = statement("SELECT checkedInAt FROM DoorCheckIn WHERE eventId = ? AND userId = ?").get(eventId, userId) as
    { checkedInAt: string } | undefined;
  return row?.checkedInAt;
}

/** Refuses a check-in at `at` before the doors open, unless the coordinator allows early check-in. */
function closedAt(eventId: string, at: Date): CheckInResult | null {
  const rule = doorRule(eventId);
  if (!rule || rule.earlyCheckIn || !isEarly(rule, at)) return null;
  return { status: "closed", message: doorsClosedMessage(rule) };
}

async function recordCheckIn(
  actorId: string,
  eventId: string,
  person: Person,
  options: CheckInOptions,
): Promise<CheckInResult> {
  const id = crypto.randomUUID();
  const when = options.at ?? new Date();
  const closed = closedAt(eventId, when);
  if (closed) return closed;
  const at = toDbTime(when);
  // A repeat scan (the common case once the line has gone through) needs no write.
  const earlier = storedCheckInTime(eventId, person.userId);
  if (earlier && earlier <= at) return { status: "already", ...person, checkedInAt: fromDbTime(earlier) };
  try {
    // Offline scans arrive late and in any order: the upsert keeps the earliest arrival.
    const row = await writeWithRetry(
      () =>
        statement(UPSERT).get(
          id,
          eventId,
          person.userId,
          at,
          options.source ?? "qr",
          options.clientId ?? null,
          actorId,
        ) as {
          id: string;
          checkedInAt: string;
          clientId: string | null;
        },
    );
    // The same queued scan sent twice at once (a timed-out request and its retry) is still this scan's check-in.
    const mine = row.id === id || (options.clientId !== undefined && row.clientId === options.clientId);
    return { status: mine ? "checked_in" : "already", ...person, checkedInAt: fromDbTime(row.checkedInAt) };
  } catch (error) {
    // A client id reused for another person: report what is stored for this one.
    if (!isUniqueViolation(error)) throw error;
    const existing = storedCheckInTime(eventId, person.userId);
    return existing ? { status: "already", ...person, checkedInAt: fromDbTime(existing) } : { status: "unknown" };
  }
}

/** What a badge or phone QR carries (the attendee's token), or the badge's short code typed by a volunteer: this PD day only. */
export async function checkInByToken(actorId: string, eventId: string, token: string, options: CheckInOptions = {}) {
  assertDoorVolunteer(actorId, eventId);
  return byToken(actorId, eventId, token, options);
}

const PERSON_COLUMNS = `m.eventId, m.userId, ${DAY_PERSON_SQL.name} AS name, ${DAY_PERSON_SQL.school} AS school`;

/** The attendee a scanned token or typed short code (any case, with or without the hyphen) belongs to. */
function personByBadge(eventId: string, typed: string) {
  const code = shortCodeFromTyped(typed);
  const row = code
    ? statement(
        `SELECT ${PERSON_COLUMNS} FROM Membership m JOIN User u ON u.id = m.userId
          WHERE m.eventId = ? AND m.shortCode = ? AND m.role = 'attendee'`,
      ).get(eventId, code)
    : statement(`SELECT ${PERSON_COLUMNS} FROM Membership m JOIN User u ON u.id = m.userId WHERE m.badgeToken = ?`).get(
        typed,
      );
  return row as (Person & { eventId: string }) | undefined;
}

async function byToken(
  actorId: string,
  eventId: string,
  token: string,
  options: CheckInOptions,
): Promise<CheckInResult> {
  const person = token.trim() ? personByBadge(eventId, token.trim()) : undefined;
  if (!person || person.eventId !== eventId) return { status: "unknown" };
  return recordCheckIn(
    actorId,
    eventId,
    { userId: person.userId, name: person.name, school: person.school },
    { source: "qr", ...options },
  );
}

/** Found by name at the kiosk: anyone who belongs to this PD day may be checked in. */
export async function checkInByUser(actorId: string, eventId: string, userId: string, options: CheckInOptions = {}) {
  assertDoorVolunteer(actorId, eventId);
  return byUser(actorId, eventId, userId, options);
}

async function byUser(
  actorId: string,
  eventId: string,
  userId: string,
  options: CheckInOptions,
): Promise<CheckInResult> {
  const person = statement(
    `SELECT u.id AS userId, ${DAY_PERSON_SQL.name} AS name, ${DAY_PERSON_SQL.school} AS school
       FROM User u JOIN Membership m ON m.userId = u.id AND m.eventId = ?
      WHERE u.id = ? ORDER BY m.role = 'attendee' DESC LIMIT 1`,
  ).get(eventId, userId) as Person | undefined;
  if (!person) return { status: "unknown" };
  return recordCheckIn(actorId, eventId, person, { source: "search", ...options });
}

export async function registerWalkIn(
  actorId: string,
  eventId: string,
  person: PersonInput,
  options: CheckInOptions = {},
): Promise<CheckInResult> {
  assertDoorVolunteer(actorId, eventId);
  // Nobody is added to the roster for a check-in that would be refused.
  const closed = closedAt(eventId, options.at ?? new Date());
  if (closed) return closed;
  // Found by email: a walk-in sent twice (a lost answer) is still one person.
  const { user } = await addWalkIn(actorId, eventId, person);
  return recordCheckIn(
    actorId,
    eventId,
    { userId: user.userId, name: user.name, school: user.school },
    { ...options, source: "walk_in" },
  );
}

/** A kiosk's queued check-in: a badge token, a person found by name, or a walk-in to register. */
export type QueuedScan = {
  clientId: string;
  token?: string;
  userId?: string;
  walkIn?: PersonInput;
  scannedAt: string | Date;
};
export type SyncedScan = { clientId: string; result: CheckInResult };

/**
 * Apply scans a kiosk queued offline. A scan whose client id was applied before
 * is answered from the stored row, so a repeated upload changes nothing; scans
 * are applied oldest first so the earliest arrival is the one kept.
 */
export async function syncQueued(actorId: string, eventId: string, scans: QueuedScan[]): Promise<SyncedScan[]> {
  assertDoorVolunteer(actorId, eventId);
  const ordered = [...scans].sort((a, b) => new Date(a.scannedAt).getTime() - new Date(b.scannedAt).getTime());
  const results = new Map<string, CheckInResult>();
  for (const scan of ordered) {
    if (results.has(scan.clientId)) continue;
    const at = new Date(scan.scannedAt);
    const options = { clientId: scan.clientId, at: Number.isNaN(at.getTime()) ? new Date() : at };
    const previous = statement(
      `SELECT d.eventId, d.userId, d.checkedInAt, ${DAY_PERSON_SQL.name} AS name, ${DAY_PERSON_SQL.school} AS school
         FROM DoorCheckIn d JOIN User u ON u.id = d.userId
         LEFT JOIN Membership m ON m.eventId = d.eventId AND m.userId = d.userId AND m.role = 'attendee'
        WHERE d.clientId = ?`,
    ).get(scan.clientId) as (Person & { eventId: string; checkedInAt: string }) | undefined;
    if (previous && previous.eventId === eventId) {
      const { userId, name, school } = previous;
      results.set(scan.clientId, {
        status: "checked_in",
        userId,
        name,
        school,
        checkedInAt: fromDbTime(previous.checkedInAt),
      });
      continue;
    }
    const result = scan.token
      ? await byToken(actorId, eventId, scan.token, { ...options, source: "qr" })
      : scan.userId
        ? await byUser(actorId, eventId, scan.userId, options)
        : scan.walkIn
          ? await registerWalkIn(actorId, eventId, scan.walkIn, options)
          : ({ status: "unknown" } as const);
    results.set(scan.clientId, result);
  }
  return scans.map((scan) => ({ clientId: scan.clientId, result: results.get(scan.clientId)! }));
}

/** Kiosk search by name or school, with whether each person is already in. */
export async function searchRoster(actorId: string, eventId: string, query: string) {
  assertDoorVolunteer(actorId, eventId);
  const q = query.trim();
  if (q.length < 2) return [];
  const members = await db.membership.findMany({
    where: { eventId, role: "attendee", ...dayPersonSearch(q) },
    take: 20,
    select: { userId: true },
  });
  const userIds = members.map((m) => m.userId);
  const [people, checkIns] = await Promise.all([
    dayPeople(eventId, userIds),
    db.doorCheckIn.findMany({
      where: { eventId, userId: { in: userIds } },
      select: { userId: true, checkedInAt: true },
    }),
  ]);
  const at = new Map(checkIns.map((c) => [c.userId, c.checkedInAt]));
  return [...people.values()]
    .sort(byDayName)
    .map((p) => ({ id: p.userId, name: p.name, school: p.school, checkedInAt: at.get(p.userId) ?? null }));
}

/** "7:52 AM" in the PD day's zone: what the amber "already checked in" panel says. */
export function clockTime(at: Date, timeZone: string) {
  return dateFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(at);
}

/** "143 of 300 checked in", for the kiosk header. */
export async function doorCounts(actorId: string, eventId: string) {
  assertDoorVolunteer(actorId, eventId);
  const [checkedIn, roster] = await Promise.all([
    db.doorCheckIn.count({ where: { eventId } }),
    db.membership.count({ where: { eventId, role: "attendee" } }),
  ]);
  return { checkedIn, roster };
}
