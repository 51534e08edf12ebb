// The PD day's attendee roster: CSV import with a column mapping, walk-ins added
// by hand, and the badge token each attendee's QR code carries.
import crypto from "node:crypto";
import Papa from "papaparse";
import { PersonSchema, ROSTER_FIELDS, type PersonInput, type RosterMapping } from "~/schemas/checkin";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { phase, traced } from "../ops/loop-trace";
import { RuleError } from "../errors";
import { assertEventCoordinator, assertEventDoor, isEventCoordinator } from "../events/permissions";
import { byDayName, dayPeople, dayPerson } from "../people/day-person";

/**
 * 128 random bits, base64url. Never derived from the email or an id: a badge
 * token must not be guessable from anything printed elsewhere.
 */
export function newBadgeToken() {
  return crypto.randomBytes(16).toString("base64url");
}

export type RosterRowError = { row: number; message: string };

function parseCsv(csv: string) {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, "").trim(), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim(),
  });
  const headers = (parsed.meta.fields ?? []).filter(Boolean);
  if (headers.length === 0) throw new RuleError("The CSV needs a header row naming its columns.", "csv");
  return { headers, records: parsed.data };
}

/** How long checking a big file may hold the event loop at a time: a small part of the door's 100 ms p99 budget. */
const SLICE_MS = 5;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * parseCsv for a whole file, a few milliseconds at a time: parsing 20,000 rows in
 * one go held the event loop 90-180 ms (DROPIN_LOOP_TRACE=1 in bench:import).
 * Papa pauses between rows and resumes on the next turn of the loop.
 */
function parseCsvInSlices(csv: string) {
  const text = csv.replace(/^\uFEFF/, "").trim();
  // The header row alone (so a file with no data rows still has its columns).
  const { headers } = parseCsv(text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")));
  return new Promise<{ headers: string[]; records: Record<string, string>[] }>((resolve) => {
    const records: Record<string, string>[] = [];
    let slice = performance.now();
    Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (header) => header.trim(),
      step(result, parser) {
        records.push(result.data);
        if (performance.now() - slice > SLICE_MS) {
          parser.pause();
          void nextTurn().then(() => {
            slice = performance.now();
            parser.resume();
          });
        }
      },
      complete: () => resolve({ headers, records }),
    });
  });
}

const GUESSES: Record<(typeof ROSTER_FIELDS)[number], RegExp> = {
  name: /^(full ?)?name$|^teacher$|^attendee$/i,
  email: /e-?mail/i,
  school: /school|building|campus|site/i,
  staffId: /staff|employee|emp.?id|^id$/i,
};

/** Headers, a guessed mapping and the first rows, for the mapping screen. */
export function previewRoster(csv: string, rows = 5) {
  const { headers, records } = parseCsv(csv);
  const mapping = Object.fromEntries(
    ROSTER_FIELDS.map((field) => [field, headers.find((h) => GUESSES[field].test(h)) ?? ""]),
  ) as RosterMapping;
  return { headers, mapping, total: records.length, rows: records.slice(0, rows) };
}

/**
 * Make `userId` an attendee of the event. An attendee membership always has its
 * badge token (given here, or by the database trigger for rows made elsewhere).
 */
export async function ensureAttendee(tx: Tx, eventId: string, userId: string) {
  const existing = await tx.membership.findUnique({ where: { eventId_userId_role: { eventId, userId, role: "attendee" } } });
  return existing ?? tx.membership.create({ data: { eventId, userId, role: "attendee", badgeToken: newBadgeToken() } });
}

/**
 * Put a person on this PD day's roster. What the coordinator typed belongs to this
 * day (the attendee membership), never to the account: the person and their
 * other PD days are untouched. Only an account made here starts with the typed name.
 */
async function addToRoster(tx: Tx, eventId: string, person: PersonInput, { keepRostered = false } = {}) {
  const existing = await tx.user.findUnique({ where: { email: person.email }, select: { id: true } });
  const user = existing ?? (await tx.user.create({ data: { email: person.email, name: person.name }, select: { id: true } }));
  const rostered = existing
    ? await tx.membership.findUnique({ where: { eventId_userId_role: { eventId, userId: user.id, role: "attendee" } }, select: { id: true } })
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

/**
 * Check a roster file against the column mapping. Rows are numbered as a
 * spreadsheet shows them (header = 1). A bad row is reported, not imported; an
 * email seen on an earlier row is reported too (the first row wins).
 */
export async function validateRoster(csv: string, mapping: RosterMapping) {
  const { headers, records } = await traced("papaparse", () => parseCsvInSlices(csv));
  phase("validate rows");
  for (const field of ROSTER_FIELDS) {
    const column = mapping[field];
    if (column && !headers.includes(column)) throw new RuleError(`The file has no column “${column}”.`, field);
  }
  const errors: RosterRowError[] = [];
  const good: PersonInput[] = [];
  const seen = new Map<string, number>();
  let slice = performance.now();
  for (const [index, record] of records.entries()) {
    // A 20,000-row file takes over a second to check: other requests (the door's) run every few ms.
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
    const row = index + 2;
    const cell = (field: keyof RosterMapping) => (mapping[field] ? (record[mapping[field]] ?? "") : "");
    const result = PersonSchema.safeParse({ name: cell("name"), email: cell("email"), school: cell("school"), staffId: cell("staffId") });
    if (!result.success) {
      errors.push({ row, message: result.error.issues.map((issue) => issue.message).join(" ") });
      continue;
    }
    const earlier = seen.get(result.data.email);
    if (earlier) {
      errors.push({ row, message: `${result.data.email} is already on row ${earlier}.` });
      continue;
    }
    seen.set(result.data.email, row);
    good.push(result.data);
  }
  return { good, errors };
}

/** A person who arrives without being on the roster (registered at the door, so volunteers may too). */
export async function addWalkIn(actorId: string, eventId: string, person: PersonInput) {
  const actor = await assertEventDoor(actorId, eventId);
  const editsRoster = actor.isDistrictCoordinator || (await isEventCoordinator(actorId, eventId));
  return db.$transaction(async (tx) => {
    const { person: user, membership } = await addToRoster(tx, eventId, person, { keepRostered: !editsRoster });
    await recordAudit(tx, { eventId, actorId, action: "roster.walk_in", entity: "User", entityId: user.userId, detail: { email: user.email } });
    return { user, membership };
  });
}

/** The PD day's attendees as this day knows them, by name. */
export async function listRoster(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const members = await db.membership.findMany({ where: { eventId, role: "attendee" }, select: { userId: true } });
  const people = await dayPeople(eventId, members.map((m) => m.userId));
  return [...people.values()].sort(byDayName);
}
