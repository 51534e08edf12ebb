// PD credit from actual time in rooms. Per attendee per session: the minutes of
// their visits that overlap the session (an open visit runs to its block's end),
// capped at the session's length; it counts only past the PD day's minimum stay.
// A coordinator's correction replaces the computed minutes (earlier values stay
// in the line's history); presenters are credited by the PD day's presenter rule;
// then the day's other rules (credit-rules.ts) apply.
import type { CorrectionInput } from "~/schemas/checkin";
import { db } from "~/utils/db.server";
import { fromDbTime, statement } from "~/utils/sqlite.server";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator, eventById, isMemberOf } from "../events/permissions";
import { byDayName, dayPeople, dayPerson } from "../people/day-person";
import { latestPublished } from "../schedule/publish";
import { verificationCode } from "./certificate-codes";
import { computeCredit, splitCategories, type CreditLine } from "./credit-lines";
import { creditRows } from "./credit-rows";
import { NON_CREDIT_BLOCK_KINDS } from "./credit-rules";

/** One PD day's credit lines (everyone's, or one person's): no permission check, callers make it. */
export async function loadCredit(eventId: string, userId?: string) {
  const event = eventById(eventId);
  if (!event) throw new NotFoundError("There is no PD day at that address.");
  const version = await latestPublished(eventId);
  if (!version) return { event, lines: [] as CreditLine[], snapshot: null };
  const { visits, adjustments, feedback, proposals, presentsNow } = creditRows({ eventId, userId }, version.snapshot);
  const offered = new Set(splitCategories(event.creditCategories));
  const lines = computeCredit(version.snapshot, event, visits, adjustments, {
    feedbackGiven: new Set(feedback.map((f) => `${f.userId}|${f.placementId}`)),
    // Only the day's current categories: one the coordinator took off the list no longer shows.
    categories: new Map(
      proposals.map((p) => [p.id, splitCategories(p.creditCategories).filter((c) => offered.has(c))]),
    ),
    presentsNow,
    forUser: userId,
  }).filter((l) => !userId || l.userId === userId);
  return { event, lines, snapshot: version.snapshot };
}

export function totalHours(lines: CreditLine[]) {
  return lines.reduce((sum, l) => sum + l.hours, 0);
}

/**
 * A member's own hours and door check-in (the credit page's part, asked on every
 * open: prepared statements over their own rows, no Prisma query).
 */
export async function getMyCreditLines(userId: string, eventId: string) {
  if (!isMemberOf(userId, eventId)) throw new NotAllowedError("Only people on this PD day's list have PD credit here.");
  // Shown on the credit page: arriving is recorded, but hours come from rooms.
  const door = statement("SELECT checkedInAt FROM DoorCheckIn WHERE eventId = ? AND userId = ?").get(
    eventId,
    userId,
  ) as { checkedInAt: string } | undefined;
  const { event, lines } = await loadCredit(eventId, userId);
  return { event, lines, total: totalHours(lines), doorCheckedInAt: door ? fromDbTime(door.checkedInAt) : null };
}

/** A member's own credit with their name and verification code (certificate). */
export async function getMyCredit(userId: string, eventId: string) {
  const { event, lines, total, doorCheckedInAt } = await getMyCreditLines(userId, eventId);
  const person = await dayPerson(eventId, userId);
  const user = { name: person.name, school: person.school };
  return { event, user, lines, total, code: verificationCode(userId, eventId), doorCheckedInAt };
}

/** Everyone's credit, for the coordinator's page and the HR export. */
export async function getEventCredit(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const { event, lines, snapshot } = await loadCredit(eventId);
  // Everyone on the PD day as the day knows them: a correction may be for someone who never scanned a door.
  const people = await dayPeople(eventId);
  const members = [...people.values()].sort(byDayName).map((p) => ({ id: p.userId, name: p.name, email: p.email }));
  // Credit of someone taken off the list since still shows, under their own name.
  const gone = [...new Set(lines.map((l) => l.userId))].filter((id) => !people.has(id));
  for (const [id, person] of gone.length ? await dayPeople(eventId, gone) : []) people.set(id, person);
  const rows = lines
    .map((l) => ({ ...l, person: people.get(l.userId)! }))
    .sort((a, b) => byDayName(a.person, b.person));
  return { event, rows, sessions: snapshot?.sessions ?? [], members };
}

/** A coordinator sets the minutes for one person and session, with the reason on record. */
export async function correctCredit(actorId: string, eventId: string, input: CorrectionInput) {
  await assertEventCoordinator(actorId, eventId);
  // Credit is pay and licensure: a coordinator who also sat in sessions is corrected by someone else.
  if (input.userId === actorId)
    throw new RuleError(
      "You cannot correct your own PD credit. Ask another coordinator of this PD day, or the district coordinator.",
    );
  const member = await db.membership.findFirst({ where: { eventId, userId: input.userId }, select: { id: true } });
  if (!member) throw new NotFoundError("That person is not on this PD day's list.");
  const version = await latestPublished(eventId);
  const session = version?.snapshot.sessions.find((s) => s.placementId === input.placementId);
  if (!version || !session) throw new NotFoundError("That session is not on the published schedule.");
  const kind = version.snapshot.blocks.find((b) => b.id === session.blockId)?.kind ?? "";
  if (NON_CREDIT_BLOCK_KINDS.has(kind))
    throw new RuleError(`That session is in a ${kind} block, which never earns credit.`, "placementId");
  return db.$transaction(async (tx) => {
    const adjustment = await tx.creditAdjustment.create({
      data: {
        eventId,
        userId: input.userId,
        placementId: input.placementId,
        minutes: input.minutes,
        reason: input.reason,
        actorId,
      },
    });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "credit.corrected",
      entity: "CreditAdjustment",
      entityId: adjustment.id,
      detail: { userId: input.userId, placementId: input.placementId, minutes: input.minutes, reason: input.reason },
    });
    return adjustment;
  });
}
