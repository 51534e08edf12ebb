// The credit rules a district chooses per PD day, applied to one day's credit
// lines after the minutes are known. Pure, so the attendee's page, the
// certificate, the transcript and the HR exports all agree by construction.
import type { CreditLine } from "./credit-lines";

export type CreditRules = {
  minStayMinutes: number;
  presenterCreditRule: string;
  feedbackForCredit: boolean;
  dailyCapMinutes: number | null;
};

/** Sessions placed in these blocks never earn credit, whatever the check-ins say. */
export const NON_CREDIT_BLOCK_KINDS = new Set(["break", "lunch"]);

/** Hours on the certificate: quarter hours, rounded to the nearest. */
export function toHours(minutes: number) {
  return Math.round((minutes / 60) * 4) / 4;
}

export const PENDING_FEEDBACK_NOTE = "Pending feedback: give this session’s feedback and its hours count at once";

/**
 * Feedback-gated credit, then the daily cap, per person in session order.
 * `feedbackGiven` holds "userId|placementId". Presenting and a coordinator's
 * correction are never held for feedback (nobody rates their own session; the
 * coordinator has decided).
 */
export function applyDayRules(lines: CreditLine[], rules: CreditRules, feedbackGiven: Set<string>) {
  const used = new Map<string, number>();
  return lines.map((original) => {
    let l = original;
    if (
      rules.feedbackForCredit &&
      l.kind === "attended" &&
      l.counts &&
      !feedbackGiven.has(`${l.userId}|${l.placementId}`)
    ) {
      l = { ...l, counts: false, hours: 0, pending: true, note: PENDING_FEEDBACK_NOTE };
    }
    if (rules.dailyCapMinutes !== null && l.counts) {
      const before = used.get(l.userId) ?? 0;
      const credited = Math.max(0, Math.min(l.minutes, rules.dailyCapMinutes - before));
      used.set(l.userId, before + credited);
      if (credited < l.minutes) {
        const note = `Daily cap of ${toHours(rules.dailyCapMinutes)} hours reached`;
        l = { ...l, hours: toHours(credited), counts: credited > 0, note: l.note ? `${l.note} · ${note}` : note };
      }
    }
    return l;
  });
}

/** Each rule in the attendee's words, for the credit page. */
export function explainRules(rules: CreditRules) {
  const presenter: Record<string, string> = {
    none: "Presenting earns no credit on this PD day.",
    session: "Presenters earn the length of each session they present.",
    double: "Presenters earn twice the length of each session they present.",
  };
  return [
    `A session counts once you stay at least ${rules.minStayMinutes} minutes. Time counts from when you check in to a room until you check in somewhere else or the block ends. Hours are rounded to the nearest quarter hour.`,
    presenter[rules.presenterCreditRule] ?? "",
    rules.feedbackForCredit
      ? "A session’s hours are held as “pending feedback” until you give that session’s feedback; they count the moment you do."
      : "",
    rules.dailyCapMinutes !== null ? `At most ${toHours(rules.dailyCapMinutes)} hours count for the day.` : "",
    "Breaks and lunch never count.",
  ].filter(Boolean);
}
