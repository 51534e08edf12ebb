// The rows one PD day's credit is worked out from (visits, corrections, given
// feedback, the sessions' categories and who presents them now), read with
// prepared statements. The attendee's credit page asks for its person's part on
// every open, and through Prisma these reads (with every proposal of the day)
// were ~15 ms on a 300-session day; for one person they are now their own rows
// by indexed reads, and only the proposals their lines can be about.
import { fromDbTime, statement } from "~/utils/sqlite.server";
import type { ScheduleSnapshot } from "../schedule/snapshot";

type Scope = { eventId: string; userId?: string };

// One statement per scope: everyone's rows of the day, or one person's (by the
// (eventId, userId) indexes).
function rows<T>(scope: Scope, sql: string, orderBy = "") {
  return (
    scope.userId
      ? statement(`${sql} AND x.userId = ?${orderBy}`).all(scope.eventId, scope.userId)
      : statement(`${sql}${orderBy}`).all(scope.eventId)
  ) as T[];
}

const VISITS = `SELECT x.userId, x.placementId, x.timeBlockId, x.enteredAt, x.leftAt
  FROM RoomVisit x WHERE x.eventId = ?`;
// The coordinator who made a correction is named on it; a deleted account is "A coordinator".
// Read oldest first (below): the last correction is the one that stands.
const ADJUSTMENTS = `SELECT x.userId, x.placementId, x.minutes, x.reason, x.createdAt, u.name AS byName
  FROM CreditAdjustment x LEFT JOIN User u ON u.id = x.actorId WHERE x.eventId = ?`;
const FEEDBACK = "SELECT x.userId, x.placementId FROM Feedback x WHERE x.eventId = ?";

// A proposal's categories and its presenters now (the lead and confirmed co-presenters,
// as presentedBy in proposal-access.ts has it): the whole day's, or the listed ids'.
const PROPOSALS = "SELECT id, creditCategories, presenterId FROM Proposal WHERE eventId = ?";
// CROSS JOIN keeps the listed ids outside: one primary-key read each, not a walk of the day's proposals.
const PROPOSALS_LISTED = `SELECT p.id, p.creditCategories, p.presenterId
  FROM json_each(?) j CROSS JOIN Proposal p WHERE p.id = j.value AND p.eventId = ?`;
const CO_PRESENTERS = `SELECT c.proposalId, c.userId FROM ProposalCoPresenter c JOIN Proposal p ON p.id = c.proposalId
  WHERE p.eventId = ? AND c.confirmedAt IS NOT NULL AND c.userId IS NOT NULL`;
const CO_PRESENTERS_LISTED = `SELECT c.proposalId, c.userId FROM ProposalCoPresenter c
  WHERE c.proposalId IN (SELECT value FROM json_each(?)) AND c.confirmedAt IS NOT NULL AND c.userId IS NOT NULL`;

type ProposalRow = { id: string; creditCategories: string; presenterId: string };
type CoPresenterRow = { proposalId: string; userId: string };

/** Everyone's rows for the PD day, or one person's (`scope.userId`). */
export function creditRows(scope: Scope, snapshot: ScheduleSnapshot) {
  const visits = rows<{
    userId: string;
    placementId: string | null;
    timeBlockId: string;
    enteredAt: string;
    leftAt: string | null;
  }>(scope, VISITS).map((v) => ({
    ...v,
    enteredAt: fromDbTime(v.enteredAt),
    leftAt: v.leftAt === null ? null : fromDbTime(v.leftAt),
  }));
  const adjustments = rows<{
    userId: string;
    placementId: string;
    minutes: number;
    reason: string;
    createdAt: string;
    byName: string | null;
  }>(scope, ADJUSTMENTS, " ORDER BY x.createdAt ASC, x.id ASC").map(({ byName, createdAt, ...a }) => ({
    ...a,
    createdAt: fromDbTime(createdAt),
    by: byName || "A coordinator",
  }));
  const feedback = rows<{ userId: string; placementId: string }>(scope, FEEDBACK);

  let proposals: ProposalRow[];
  let coPresenters: CoPresenterRow[];
  if (scope.userId) {
    // One person's lines can only be about sessions they were in, were corrected for, or are listed to present.
    const placements = new Set([...visits, ...adjustments].map((r) => r.placementId));
    const ids = JSON.stringify([
      ...new Set(
        snapshot.sessions
          .filter((s) => placements.has(s.placementId) || s.presenters.some((p) => p.userId === scope.userId))
          .map((s) => s.proposalId),
      ),
    ]);
    proposals = statement(PROPOSALS_LISTED).all(ids, scope.eventId) as ProposalRow[];
    coPresenters = statement(CO_PRESENTERS_LISTED).all(ids) as CoPresenterRow[];
  } else {
    proposals = statement(PROPOSALS).all(scope.eventId) as ProposalRow[];
    coPresenters = statement(CO_PRESENTERS).all(scope.eventId) as CoPresenterRow[];
  }
  const presentsNow = new Map(proposals.map((p) => [p.id, new Set([p.presenterId])]));
  for (const c of coPresenters) presentsNow.get(c.proposalId)?.add(c.userId);
  return { visits, adjustments, feedback, proposals, presentsNow };
}
