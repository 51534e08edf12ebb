// Who may win: computed from what actually happened on the day (door check-ins,
// room visits, feedback), never from sign-ups.
import type { GradeBand } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { doorRule, isEarly } from "../checkin/doors";
import { dayPeople } from "../people/day-person";
import { canonicalPool } from "./picker";

export type DrawingRules = {
  minSessions: number;
  requireFeedback: boolean;
  school?: string;
  gradeBand?: GradeBand;
  excludePresenters: boolean;
  allowMultiplePrizes: boolean;
  /**
   * The prizes (donation ids) this drawing gives away. Absent only on drawings
   * created before prizes were chosen; those still draw every undrawn prize.
   */
  prizeIds?: string[];
};

export const DEFAULT_RULES: DrawingRules = {
  minSessions: 0,
  requireFeedback: false,
  excludePresenters: false,
  allowMultiplePrizes: false,
};

export function parseRules(json: string): DrawingRules {
  return { ...DEFAULT_RULES, ...(JSON.parse(json) as Partial<DrawingRules>) };
}

/**
 * People have a school, not a grade, so a grade band is read from the school's name:
 * "Elementary"/"Primary" → K-2 and 3-5, "Middle"/"Junior High" → 6-8, "High" → 9-12,
 * "K-8" → K-2 to 6-8. A person without a school matches no band.
 */
export function gradeBandsOfSchool(school: string | null | undefined): GradeBand[] {
  const name = (school ?? "").toLowerCase();
  if (/\bk-?8\b/.test(name)) return ["K-2", "3-5", "6-8"];
  if (/elementary|primary/.test(name)) return ["K-2", "3-5"];
  if (/middle|junior high/.test(name)) return ["6-8"];
  if (/high/.test(name)) return ["9-12"];
  return [];
}

type Facts = Awaited<ReturnType<typeof loadFacts>>;

async function loadFacts(eventId: string) {
  const [checkIns, visits, feedback, memberships] = await Promise.all([
    db.doorCheckIn.findMany({ where: { eventId }, select: { userId: true, checkedInAt: true } }),
    db.roomVisit.findMany({
      where: { eventId, placementId: { not: null } },
      select: { userId: true, placementId: true },
      distinct: ["userId", "placementId"],
    }),
    db.feedback.findMany({ where: { eventId }, select: { userId: true }, distinct: ["userId"] }),
    db.membership.findMany({ where: { eventId, role: { in: ["coordinator", "vendor", "presenter"] } } }),
  ]);
  const sessions = new Map<string, number>();
  // A simple count of distinct sessions visited; the precise minimum-stay rule for
  // PD credit lives in the credit service (app/.server/credit/credit.ts).
  for (const v of visits) sessions.set(v.userId, (sessions.get(v.userId) ?? 0) + 1);
  const roles = new Map<string, Set<string>>();
  for (const m of memberships) {
    if (!roles.has(m.userId)) roles.set(m.userId, new Set());
    roles.get(m.userId)!.add(m.role);
  }
  const vendorContacts = await db.vendorContact.findMany({
    where: { vendor: { eventId } },
    select: { userId: true },
  });
  for (const c of vendorContacts) {
    if (!roles.has(c.userId)) roles.set(c.userId, new Set());
    roles.get(c.userId)!.add("vendor");
  }
  // A shared kiosk device signs in as a User of its own; it is not a person who can win.
  for (const link of await db.kioskLink.findMany({ where: { eventId }, select: { deviceId: true } })) {
    if (!roles.has(link.deviceId)) roles.set(link.deviceId, new Set());
    roles.get(link.deviceId)!.add("device");
  }
  // Early check-ins (allowed by the coordinator before the doors opened) are not being at the PD day.
  const rule = doorRule(eventId);
  const early = (at: Date) => (rule ? isEarly(rule, at) : false);
  // The school this PD day has for each person (its roster's, else their account's).
  const people = await dayPeople(
    eventId,
    checkIns.map((c) => c.userId),
  );
  return {
    checkedIn: new Map(
      checkIns.filter((c) => !early(c.checkedInAt)).map((c) => [c.userId, people.get(c.userId)?.school ?? null]),
    ),
    checkedInEarly: new Set(checkIns.filter((c) => early(c.checkedInAt)).map((c) => c.userId)),
    sessions,
    gaveFeedback: new Set(feedback.map((f) => f.userId)),
    roles,
  };
}

/** What stands between this person and the drawing, in words for them; [] = eligible. */
function missingFor(facts: Facts, rules: DrawingRules, userId: string, school: string | null | undefined) {
  const roles = facts.roles.get(userId);
  if (roles?.has("coordinator")) return ["Coordinators cannot win prizes."];
  if (roles?.has("vendor")) return ["Vendors cannot win prizes."];
  if (roles?.has("device")) return ["A kiosk device is not in drawings."];
  if (rules.excludePresenters && roles?.has("presenter")) return ["Presenters are not in this drawing."];
  if (rules.school && school !== rules.school) return [`This drawing is for ${rules.school} staff.`];
  if (rules.gradeBand && !gradeBandsOfSchool(school).includes(rules.gradeBand)) {
    return [`This drawing is for ${rules.gradeBand} teachers.`];
  }
  const missing: string[] = [];
  if (facts.checkedInEarly.has(userId))
    missing.push("Your door check-in was before the doors opened; early check-ins are not in drawings.");
  else if (!facts.checkedIn.has(userId)) missing.push("Check in at the door.");
  const attended = facts.sessions.get(userId) ?? 0;
  if (attended < rules.minSessions) {
    const more = rules.minSessions - attended;
    missing.push(`Attend ${more} more session${more === 1 ? "" : "s"} (you have ${attended} of ${rules.minSessions}).`);
  }
  if (rules.requireFeedback && !facts.gaveFeedback.has(userId)) {
    missing.push("Give feedback on one session to qualify.");
  }
  return missing;
}

/** The eligible people, sorted by user id: the pool a drawing freezes. */
export async function eligiblePool(eventId: string, rules: DrawingRules) {
  const facts = await loadFacts(eventId);
  const eligible = [...facts.checkedIn].filter(
    ([userId, school]) => missingFor(facts, rules, userId, school).length === 0,
  );
  return canonicalPool(eligible.map(([userId]) => userId));
}

/** For the attendee's prizes page: what this person still needs, per set of rules. */
export async function missingForUser(eventId: string, rulesList: DrawingRules[], userId: string) {
  const facts = await loadFacts(eventId);
  const person = (await dayPeople(eventId, [userId])).get(userId);
  return rulesList.map((rules) => missingFor(facts, rules, userId, person?.school));
}
