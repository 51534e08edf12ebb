// A teacher's PD record: every PD day in this install they attended or presented
// at, with hours per session and day, totals per school year, over a chosen span
// and per credit category. It is always computed from each day's own credit (the
// same lines as the day's credit page, certificate and HR export), so a
// coordinator's later correction shows here too. Only the person reads their own:
// callers pass the signed-in user's id, never one from the request.
import { db } from "~/utils/db.server";
import { signedToken } from "../accounts/tokens";
import { NotFoundError } from "../errors";
import { loadCredit, totalHours } from "./credit";
import type { CreditLine } from "./credit-lines";
import { isoToday, schoolYearLabel, schoolYearOf } from "./school-year";

export type Span = { from: string; to: string };

export type RecordDay = {
  eventId: string;
  slug: string;
  name: string;
  date: string;
  venue: string;
  providerName: string;
  providerNumber: string;
  schoolYear: string;
  lines: CreditLine[];
  hours: number;
};

type Totals = { label: string; hours: number }[];

function add(map: Map<string, number>, key: string, hours: number) {
  map.set(key, (map.get(key) ?? 0) + hours);
}

const list = (m: Map<string, number>): Totals => [...m].map(([label, hours]) => ({ label, hours }));

/** Hours per credit category (a session in two categories counts in each), most first. */
export function categoryHours(lines: CreditLine[]) {
  const categories = new Map<string, number>();
  for (const l of lines) for (const c of l.categories) if (l.hours > 0) add(categories, c, l.hours);
  return list(categories).sort((a, b) => b.hours - a.hours || a.label.localeCompare(b.label));
}

/** Per-year and per-category totals of these days. */
export function recordTotals(days: RecordDay[]) {
  const years = new Map<string, number>();
  for (const day of days) add(years, day.schoolYear, day.hours);
  const lines = days.flatMap((d) => d.lines);
  return {
    total: totalHours(lines),
    byYear: list(years).sort((a, b) => a.label.localeCompare(b.label)),
    byCategory: categoryHours(lines),
  };
}

/**
 * The person's PD days between `span.from` and `span.to` (inclusive dates) that
 * have already happened, oldest first. A day counts once there is a credit line
 * for them (a room visit, presenting, or a correction).
 */
export async function getPdRecord(userId: string, span: Span, { now = new Date() }: { now?: Date } = {}) {
  const to = span.to < isoToday(now) ? span.to : isoToday(now);
  const [user, memberships] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, school: true, staffId: true } }),
    db.membership.findMany({
      where: { userId, event: { date: { gte: span.from, lte: to } } },
      select: { eventId: true },
      distinct: ["eventId"],
    }),
  ]);
  const days: RecordDay[] = [];
  for (const { eventId } of memberships) {
    const { event, lines } = await loadCredit(eventId, userId);
    if (lines.length === 0) continue;
    days.push({
      eventId,
      slug: event.slug,
      name: event.name,
      date: event.date,
      venue: event.venue,
      providerName: event.providerName,
      providerNumber: event.providerNumber,
      schoolYear: schoolYearLabel(schoolYearOf(event.date)),
      lines,
      hours: totalHours(lines),
    });
  }
  days.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  return { person: user, span: { from: span.from, to: span.to }, days, ...recordTotals(days) };
}

// --- Transcript verification: like a certificate's, a code anyone holding the
// printed transcript can check at /verify/<code>.

/** 10 characters, an HMAC of the person and the span, so it cannot be made up. */
export function transcriptCode(userId: string, span: Span) {
  return signedToken(userId, "transcript", span.from, span.to).replace(/[-_]/g, "").slice(0, 10).toUpperCase();
}

/** Whether the transcript of this span has been made (its code stored). Reading writes nothing. */
export async function isTranscriptIssued(userId: string, span: Span) {
  return Boolean(
    await db.transcriptCode.findUnique({ where: { code: transcriptCode(userId, span) }, select: { code: true } }),
  );
}

/** Store the code of the person's transcript for this span (a POST; the same row every time). */
export async function issueTranscript(userId: string, span: Span) {
  const code = transcriptCode(userId, span);
  await db.transcriptCode.upsert({
    where: { code },
    update: {},
    create: { code, userId, fromDate: span.from, toDate: span.to },
  });
  return code;
}

const UNKNOWN = "No certificate or transcript has this verification code. Check it was typed exactly.";

/**
 * What a holder of the transcript may confirm: the name, the span and the hours
 * (per school year and category). Never the sessions, the email or the staff ID.
 */
export async function verifyTranscript(code: string, { now = new Date() }: { now?: Date } = {}) {
  const match = await db.transcriptCode.findUnique({ where: { code: code.trim().toUpperCase() } });
  if (!match) throw new NotFoundError(UNKNOWN);
  const record = await getPdRecord(match.userId, { from: match.fromDate, to: match.toDate }, { now });
  return {
    name: record.person.name,
    school: record.person.school,
    from: match.fromDate,
    to: match.toDate,
    days: record.days.length,
    total: record.total,
    byYear: record.byYear,
    byCategory: record.byCategory,
  };
}
