// Conflict warnings for the working grid: loads the event's rows and runs the pure
// rules in conflict-rules.ts. The types and conflictsForEvent() are the contract the
// publish page uses.
import { db } from "~/utils/db.server";
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

/** The rows findConflicts needs for one event, in one round of queries. */
export async function loadConflictInput(eventId: string) {
  // Only the columns the rules and the grid show: a proposal's description and
  // notes are most of its row, and the grid reads this on every request.
  const [rooms, blocks, placements, proposals, picks] = await Promise.all([
    db.room.findMany({
      where: { eventId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, capacity: true, features: true, building: true, floor: true },
    }),
    db.timeBlock.findMany({
      where: { eventId },
      orderBy: { startTime: "asc" },
      select: { id: true, label: true, startTime: true, endTime: true, kind: true },
    }),
    db.placement.findMany({
      where: { eventId },
      orderBy: { createdAt: "asc" },
      select: { id: true, proposalId: true, roomId: true, timeBlockId: true, version: true },
    }),
    db.proposal.findMany({
      where: { eventId, OR: [{ state: { in: ["accepted", "confirmed"] } }, { placements: { some: {} } }] },
      select: {
        id: true,
        title: true,
        state: true,
        presenterId: true,
        audience: true,
        format: true,
        lengthBlocks: true,
        techNeeds: true,
        maxParticipants: true,
        unavailableBlockIds: true,
        presenter: { select: { name: true } },
        coPresenters: { select: { userId: true, name: true, confirmedAt: true, user: { select: { name: true } } } },
      },
    }),
    // Attendees pick one placement (one repeat), so rooms are sized per placement.
    db.pick.groupBy({ by: ["placementId"], where: { eventId }, _count: { _all: true } }),
  ]);
  return {
    rooms,
    blocks,
    placements,
    interest: new Map(picks.map((row) => [row.placementId, row._count._all])),
    proposals: proposals.map((p) => ({
      ...p,
      presenterName: p.presenter.name,
      coPresenters: p.coPresenters.map((co) => ({
        userId: co.userId,
        name: co.user?.name || co.name,
        confirmedAt: co.confirmedAt,
      })),
    })),
  };
}

/** Every warning for the event's working (unpublished) grid. */
export async function conflictsForEvent(eventId: string): Promise<Conflict[]> {
  return findConflicts(await loadConflictInput(eventId));
}
