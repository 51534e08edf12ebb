// The pure half of PD credit: from a published snapshot, room visits and corrections
// to one line per person and session (see credit.ts for the rules in words, and for
// loading the rows and the permission-checked services). No database here, so the
// arithmetic is tested on plain values.
import { blockSpan, sessionSpan } from "../checkin/rooms";
import type { ScheduleSnapshot, SnapshotSession } from "../schedule/snapshot";
import { applyDayRules, NON_CREDIT_BLOCK_KINDS, toHours, type CreditRules } from "./credit-rules";

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
  /** Only this person's lines are wanted (their own page): other presenters' lines are not made. */
  forUser?: string;
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
      if (context.forUser && !session.presenters.some((p) => p.userId === context.forUser)) continue;
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
