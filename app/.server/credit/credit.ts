// PD credit from actual time in rooms. Per attendee per session: the minutes of
// their visits that overlap the session (an open visit runs to its block's end),
// capped at the session's length; it counts only past the PD day's minimum stay.
// A coordinator's correction replaces the computed minutes (earlier values stay
// in the line's history); presenters are credited by the PD day's presenter rule;
// then the day's other rules (credit-rules.ts) apply.
import type { CorrectionInput } from "~/schemas/checkin";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { blockSpan, sessionSpan } from "../checkin/rooms";
import { byDayName, dayPeople, dayPerson } from "../people/day-person";
import { latestPublished } from "../schedule/publish";
import { verificationCode } from "./certificate-codes";
import { applyDayRules, NON_CREDIT_BLOCK_KINDS, toHours, type CreditRules } from "./credit-rules";
import type { ScheduleSnapshot, SnapshotSession } from "../schedule/snapshot";

export type Interval = { start: Date; end: Date };

/** Minutes of `visits` inside `span`, overlapping visits counted once, never more than the span. */
export function minutesInside(span: Interval, visits: Interval[]) {
  const clipped = visits
    .map((v) => ({
      start: Math.max(v.start.getTime(), span.start.getTime()),
      end: Math.min(v.end.getTime(), span.end.getTime()),
    }))
    .filter((v) => v.end > v.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let cursor = -Infinity;
  for (const v of clipped) {
    const from = Math.max(v.start, cursor);
    if (v.end > from) total += v.end - from;
    cursor = Math.max(cursor, v.end);
  }
  const cap = (span.end.getTime() - span.start.getTime()) / 60_000;
  return Math.min(Math.floor(total / 60_000), cap);
}

export { toHours };

export type CreditKind = "attended" | "presented" | "adjusted";
/** One coordinator correction, kept when a later one replaces it. */
export type CorrectionEntry = { minutes: number; reason: string; by: string; at: Date };
export type CreditLine = {
  userId: string;
  placementId: string;
  title: string;
  presenters: string[];
  blockLabel: string;
  startTime: string;
  endTime: string;
  roomName: string;
  kind: CreditKind;
  minutes: number;
  /** 0 when the stay was shorter than the minimum. */
  hours: number;
  counts: boolean;
  note: string;
  /** The district's credit categories the coordinator gave this session. */
  categories: string[];
  /** Held until the attendee gives the session's feedback (credit-rules.ts). */
  pending: boolean;
  /** What check-ins or presenting gave before any correction (null: nothing). */
  recordedMinutes: number | null;
  /** Every correction, oldest first; the last one stands. */
  history: CorrectionEntry[];
};

function line(
  session: SnapshotSession,
  userId: string,
  kind: CreditKind,
  minutes: number,
  counts: boolean,
  note = "",
): CreditLine {
  return {
    userId,
    placementId: session.placementId,
    title: session.title,
    presenters: session.presenters.map((p) => p.name),
    blockLabel: session.blockLabel,
    startTime: session.startTime,
    endTime: session.endTime,
    roomName: session.roomName,
    kind,
    minutes,
    hours: counts ? toHours(minutes) : 0,
    counts,
    note,
    categories: [],
    pending: false,
    recordedMinutes: null,
    history: [],
  };
}

type VisitRow = {
  userId: string;
  placementId: string | null;
  timeBlockId: string;
  enteredAt: Date;
  leftAt: Date | null;
};
type AdjustmentRow = {
  userId: string;
  placementId: string;
  minutes: number;
  reason: string;
  createdAt: Date;
  by?: string;
};
/**
 * What the rules need beyond the snapshot: given feedback ("userId|placementId"), each
 * proposal's categories, and who presents each proposal now (by proposal id, as
 * presentedBy in proposal-access.ts has it, for every proposal of the day at once; a
 * co-presenter the lead removed is still on the snapshot until the next publish).
 */
export type CreditContext = {
  feedbackGiven?: Set<string>;
  categories?: Map<string, string[]>;
  presentsNow?: Map<string, Set<string>>;
};

/** Pure: every credit line of the PD day from its published snapshot, visits and corrections. */
export function computeCredit(
  snapshot: ScheduleSnapshot,
  rules: Pick<CreditRules, "minStayMinutes" | "presenterCreditRule"> & Partial<CreditRules>,
  visits: VisitRow[],
  adjustments: AdjustmentRow[],
  context: CreditContext = {},
) {
  const blocks = new Map(snapshot.blocks.map((b) => [b.id, b]));
  // Breaks and lunch never count: a session someone placed in one earns nothing.
  const sessions = new Map(
    snapshot.sessions
      .filter((s) => !NON_CREDIT_BLOCK_KINDS.has(blocks.get(s.blockId)?.kind ?? ""))
      .map((s) => [s.placementId, s]),
  );
  const lines = new Map<string, CreditLine>();
  const key = (userId: string, placementId: string) => `${userId}|${placementId}`;

  const byPair = new Map<string, VisitRow[]>();
  for (const visit of visits) {
    if (!visit.placementId || !sessions.has(visit.placementId)) continue;
    const k = key(visit.userId, visit.placementId);
    byPair.set(k, [...(byPair.get(k) ?? []), visit]);
  }
  for (const [k, rows] of byPair) {
    const session = sessions.get(rows[0]!.placementId!)!;
    const span = sessionSpan(snapshot, session);
    const intervals = rows.map((v) => {
      const block = blocks.get(v.timeBlockId);
      // Still in the room when the block ended (nobody checks out): count to the block's end.
      const end = v.leftAt ?? (block ? blockSpan(snapshot, block).end : span.end);
      return { start: v.enteredAt, end };
    });
    const minutes = minutesInside(span, intervals);
    const counts = minutes >= rules.minStayMinutes;
    lines.set(
      k,
      line(
        session,
        rows[0]!.userId,
        "attended",
        minutes,
        counts,
        counts ? "" : `Under the ${rules.minStayMinutes}-minute minimum stay`,
      ),
    );
  }

  if (rules.presenterCreditRule !== "none") {
    const factor = rules.presenterCreditRule === "double" ? 2 : 1;
    for (const session of sessions.values()) {
      const span = sessionSpan(snapshot, session);
      const minutes = Math.round(((span.end.getTime() - span.start.getTime()) / 60_000) * factor);
      for (const presenter of session.presenters) {
        if (context.presentsNow && !context.presentsNow.get(session.proposalId)?.has(presenter.userId)) continue;
        lines.set(
          key(presenter.userId, session.placementId),
          line(session, presenter.userId, "presented", minutes, true, factor === 2 ? "Presenting counts double" : ""),
        );
      }
    }
  }

  // The latest correction for a person and session is the one that stands (rows come oldest first);
  // the earlier ones and what the check-ins said stay in its history.
  const history = new Map<string, AdjustmentRow[]>();
  for (const adj of adjustments) {
    const k = key(adj.userId, adj.placementId);
    history.set(k, [...(history.get(k) ?? []), adj]);
  }
  for (const [k, rows] of history) {
    const adj = rows.at(-1)!;
    const session = sessions.get(adj.placementId);
    if (!session) continue;
    const corrected = line(session, adj.userId, "adjusted", adj.minutes, adj.minutes > 0, `Corrected: ${adj.reason}`);
    corrected.recordedMinutes = lines.get(k)?.minutes ?? null;
    corrected.history = rows.map((r) => ({ minutes: r.minutes, reason: r.reason, by: r.by ?? "", at: r.createdAt }));
    lines.set(k, corrected);
  }

  const order = new Map(snapshot.sessions.map((s, i) => [s.placementId, i]));
  const sorted = [...lines.values()]
    .map((l) => ({ ...l, categories: context.categories?.get(sessions.get(l.placementId)!.proposalId) ?? [] }))
    .sort((a, b) => (order.get(a.placementId) ?? 0) - (order.get(b.placementId) ?? 0));
  return applyDayRules(
    sorted,
    { feedbackForCredit: false, dailyCapMinutes: null, ...rules },
    context.feedbackGiven ?? new Set(),
  );
}

/** A proposal's stored categories (one per line) as a list. */
export const splitCategories = (value: string) =>
  value
    .split("\n")
    .map((c) => c.trim())
    .filter(Boolean);

/** One PD day's credit lines (everyone's, or one person's): no permission check, callers make it. */
export async function loadCredit(eventId: string, userId?: string) {
  const [event, version] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId } }),
    latestPublished(eventId),
  ]);
  if (!version) return { event, lines: [] as CreditLine[], snapshot: null };
  const where = userId ? { eventId, userId } : { eventId };
  const [visits, adjustments, feedback, proposals] = await Promise.all([
    db.roomVisit.findMany({
      where,
      select: { userId: true, placementId: true, timeBlockId: true, enteredAt: true, leftAt: true },
    }),
    db.creditAdjustment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { userId: true, placementId: true, minutes: true, reason: true, createdAt: true, actorId: true },
    }),
    db.feedback.findMany({ where, select: { userId: true, placementId: true } }),
    db.proposal.findMany({
      where: { eventId },
      select: {
        id: true,
        creditCategories: true,
        presenterId: true,
        coPresenters: { where: { confirmedAt: { not: null } }, select: { userId: true } },
      },
    }),
  ]);
  const actorIds = [...new Set(adjustments.map((a) => a.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const offered = new Set(splitCategories(event.creditCategories));
  const lines = computeCredit(
    version.snapshot,
    event,
    visits,
    adjustments.map((a) => ({ ...a, by: (a.actorId && actors.get(a.actorId)) || "A coordinator" })),
    {
      feedbackGiven: new Set(feedback.map((f) => `${f.userId}|${f.placementId}`)),
      // Only the day's current categories: one the coordinator took off the list no longer shows.
      categories: new Map(
        proposals.map((p) => [p.id, splitCategories(p.creditCategories).filter((c) => offered.has(c))]),
      ),
      presentsNow: new Map(
        proposals.map((p) => [
          p.id,
          new Set([p.presenterId, ...p.coPresenters.flatMap((c) => (c.userId ? [c.userId] : []))]),
        ]),
      ),
    },
  ).filter((l) => !userId || l.userId === userId);
  return { event, lines, snapshot: version.snapshot };
}

export function totalHours(lines: CreditLine[]) {
  return lines.reduce((sum, l) => sum + l.hours, 0);
}

/** A member's own credit (attendee page and certificate). */
export async function getMyCredit(userId: string, eventId: string) {
  const member = await db.membership.findFirst({ where: { eventId, userId }, select: { id: true } });
  if (!member) throw new NotAllowedError("Only people on this PD day's list have PD credit here.");
  const [person, door] = await Promise.all([
    dayPerson(eventId, userId),
    // Shown on the credit page: arriving is recorded, but hours come from rooms.
    db.doorCheckIn.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { checkedInAt: true } }),
  ]);
  const user = { name: person.name, school: person.school };
  const { event, lines } = await loadCredit(eventId, userId);
  return {
    event,
    user,
    lines,
    total: totalHours(lines),
    code: verificationCode(userId, eventId),
    doorCheckedInAt: door?.checkedInAt ?? null,
  };
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
