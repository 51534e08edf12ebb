// Conflict warnings for the working grid: loads the event's rows and runs the pure
// rules in conflict-rules.ts. The types and conflictsForEvent() are the contract the
// publish page uses.
import { statement } from "~/utils/sqlite.server";
import { findConflicts, type Conflict } from "./conflict-rules";

export {
  blockSequence,
  CONFLICT_LABELS,
  findConflicts,
  occupiedBlocks,
  type Conflict,
  type ConflictInput,
  type ConflictKind,
} from "./conflict-rules";

type CoPresenterRow = {
  proposalId: string;
  userId: string | null;
  name: string;
  userName: string | null;
  confirmedAt: string | null;
};
type ProposalRow = {
  id: string;
  title: string;
  state: string;
  presenterId: string;
  presenterName: string;
  audience: string;
  format: string;
  lengthBlocks: number;
  techNeeds: string;
  maxParticipants: number | null;
  unavailableBlockIds: string;
};

/**
 * The rows findConflicts needs for one event. The grid editor reads them on every
 * request of a 300-session day, so they come straight from SQLite (the direct
 * connection, see sqlite.server.ts): six indexed reads of only the columns shown,
 * where Prisma's relation loading and row mapping took most of the request.
 */
export async function loadConflictInput(eventId: string) {
  const rooms = statement(
    "SELECT id, name, capacity, features, building, floor FROM Room WHERE eventId = ? ORDER BY sortOrder, name",
  ).all(eventId) as Array<{
    id: string;
    name: string;
    capacity: number;
    features: string;
    building: string;
    floor: string;
  }>;
  const blocks = statement(
    "SELECT id, label, startTime, endTime, kind FROM TimeBlock WHERE eventId = ? ORDER BY startTime",
  ).all(eventId) as Array<{ id: string; label: string; startTime: string; endTime: string; kind: string }>;
  const placements = statement(
    "SELECT id, proposalId, roomId, timeBlockId, version FROM Placement WHERE eventId = ? ORDER BY createdAt",
  ).all(eventId) as Array<{ id: string; proposalId: string; roomId: string; timeBlockId: string; version: number }>;
  // Accepted and confirmed sessions, and any other still on the grid (withdrawn after placing: a warning).
  const proposals = statement(
    `SELECT p.id, p.title, p.state, p.presenterId, u.name AS presenterName, p.audience, p.format, p.lengthBlocks,
            p.techNeeds, p.maxParticipants, p.unavailableBlockIds
       FROM Proposal p JOIN User u ON u.id = p.presenterId
      WHERE p.eventId = ? AND (p.state IN ('accepted', 'confirmed') OR EXISTS (SELECT 1 FROM Placement pl WHERE pl.proposalId = p.id))`,
  ).all(eventId) as ProposalRow[];
  const coPresenters = statement(
    `SELECT c.proposalId, c.userId, c.name, u.name AS userName, c.confirmedAt
       FROM ProposalCoPresenter c JOIN Proposal p ON p.id = c.proposalId LEFT JOIN User u ON u.id = c.userId
      WHERE p.eventId = ?`,
  ).all(eventId) as CoPresenterRow[];
  // Attendees pick one placement (one repeat), so rooms are sized per placement.
  const picks = statement("SELECT placementId, COUNT(*) AS n FROM Pick WHERE eventId = ? GROUP BY placementId").all(
    eventId,
  ) as Array<{
    placementId: string;
    n: number;
  }>;

  const coPresentersOf = new Map<string, Array<{ userId: string | null; name: string; confirmedAt: string | null }>>();
  for (const co of coPresenters) {
    const list = coPresentersOf.get(co.proposalId) ?? [];
    list.push({ userId: co.userId, name: co.userName || co.name, confirmedAt: co.confirmedAt });
    coPresentersOf.set(co.proposalId, list);
  }
  return {
    rooms,
    blocks,
    placements,
    interest: new Map(picks.map((row) => [row.placementId, row.n])),
    proposals: proposals.map((p) => ({ ...p, coPresenters: coPresentersOf.get(p.id) ?? [] })),
  };
}

/** Every warning for the event's working (unpublished) grid. */
export async function conflictsForEvent(eventId: string): Promise<Conflict[]> {
  return findConflicts(await loadConflictInput(eventId));
}
