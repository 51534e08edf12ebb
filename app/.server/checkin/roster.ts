// The PD day's attendee roster: walk-ins added by hand and the paged list. (The
// file import: roster-file.ts reads a file, roster-import.ts runs the job.)
import type { PersonInput } from "~/schemas/checkin";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { assertEventCoordinator, assertEventDoor, coordinatesEvent } from "../events/permissions";
import { statement } from "~/utils/sqlite.server";
import { DAY_PERSON_SQL, dayPerson, type DayPerson } from "../people/day-person";
import { newBadgeToken } from "./badge-token";

export { newBadgeToken };

/**
 * Make `userId` an attendee of the event. An attendee membership always has its
 * badge token (given here, or by the database trigger for rows made elsewhere).
 */
export async function ensureAttendee(tx: Tx, eventId: string, userId: string) {
  const existing = await tx.membership.findUnique({
    where: { eventId_userId_role: { eventId, userId, role: "attendee" } },
  });
  return existing ?? tx.membership.create({ data: { eventId, userId, role: "attendee", badgeToken: newBadgeToken() } });
}

/**
 * Put a person on this PD day's roster. What the coordinator typed belongs to this
 * day (the attendee membership), never to the account: the person and their
 * other PD days are untouched. Only an account made here starts with the typed name.
 */
async function addToRoster(tx: Tx, eventId: string, person: PersonInput, { keepRostered = false } = {}) {
  const existing = await tx.user.findUnique({ where: { email: person.email }, select: { id: true } });
  const user =
    existing ?? (await tx.user.create({ data: { email: person.email, name: person.name }, select: { id: true } }));
  const rostered = existing
    ? await tx.membership.findUnique({
        where: { eventId_userId_role: { eventId, userId: user.id, role: "attendee" } },
        select: { id: true },
      })
    : null;
  const membership = await ensureAttendee(tx, eventId, user.id);
  // A door volunteer registers walk-ins but may not edit the roster: someone already
  // on it is checked in as the roster has them (else the HR export's name and staff ID
  // would be whatever was typed at the door).
  if (keepRostered && rostered) return { person: await dayPerson(eventId, user.id, tx), membership, created: false };
  // A blank or unmapped cell keeps what this day already knows rather than erasing it.
  const updated = await tx.membership.update({
    where: { id: membership.id },
    data: { name: person.name, school: person.school || undefined, staffId: person.staffId || undefined },
  });
  return { person: await dayPerson(eventId, user.id, tx), membership: updated, created: !existing };
}

/** A person who arrives without being on the roster (registered at the door, so volunteers may too). */
export async function addWalkIn(actorId: string, eventId: string, person: PersonInput) {
  const actor = await assertEventDoor(actorId, eventId);
  const editsRoster = await coordinatesEvent(actor, eventId);
  return db.$transaction(async (tx) => {
    const { person: user, membership } = await addToRoster(tx, eventId, person, { keepRostered: !editsRoster });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "roster.walk_in",
      entity: "User",
      entityId: user.userId,
      detail: { email: user.email },
    });
    return { user, membership };
  });
}

export const ROSTER_PAGE_SIZE = 100;

// The day's values where it has them, the account's otherwise (day-person.ts), in SQL:
// a roster of 20,000 is paged and searched by the database, never loaded whole.
const ROSTER_FROM = `FROM Membership m JOIN User u ON u.id = m.userId
  WHERE m.eventId = ? AND m.role = 'attendee'
    AND (? = '' OR ${DAY_PERSON_SQL.name} LIKE ? ESCAPE '\\' OR u.email LIKE ? ESCAPE '\\')`;
const ROSTER_PAGE = `SELECT u.id AS userId, u.email AS email, ${DAY_PERSON_SQL.name} AS name, ${DAY_PERSON_SQL.school} AS school,
    COALESCE(NULLIF(m.staffId, ''), u.staffId) AS staffId
  ${ROSTER_FROM}
  ORDER BY ${DAY_PERSON_SQL.name} COLLATE NOCASE, u.email LIMIT ? OFFSET ?`;

/**
 * One page of the PD day's attendees as this day knows them, by name; `q` finds a
 * name or email (any part, any case). A page past the end shows the last one.
 */
export async function listRoster(
  actorId: string,
  eventId: string,
  { q = "", page = 1 }: { q?: string; page?: number } = {},
) {
  await assertEventCoordinator(actorId, eventId);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = [eventId, q, pattern, pattern.toLowerCase()];
  const onRoster = (
    statement(`SELECT COUNT(*) AS n FROM Membership WHERE eventId = ? AND role = 'attendee'`).get(eventId) as {
      n: number;
    }
  ).n;
  const matching = q ? (statement(`SELECT COUNT(*) AS n ${ROSTER_FROM}`).get(...where) as { n: number }).n : onRoster;
  const pages = Math.max(1, Math.ceil(matching / ROSTER_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pages);
  const people = statement(ROSTER_PAGE).all(...where, ROSTER_PAGE_SIZE, (shown - 1) * ROSTER_PAGE_SIZE) as DayPerson[];
  return {
    people,
    onRoster,
    matching,
    page: shown,
    pages,
    first: matching === 0 ? 0 : (shown - 1) * ROSTER_PAGE_SIZE + 1,
  };
}
