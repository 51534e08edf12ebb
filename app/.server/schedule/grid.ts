// Everything the grid editor shows in one load: rooms, blocks, placements (with
// their versions, for stale-move checks), the unplaced tray and the live warnings.
import { db } from "~/utils/db.server";
import { assertEventCoordinator } from "../events/permissions";
import { blockSequence, findConflicts, loadConflictInput, occupiedBlocks } from "./conflicts";

export type TrayFilters = { audience?: string; format?: string; q?: string; show?: string };

export async function getGrid(actorId: string, eventId: string, filters: TrayFilters = {}) {
  await assertEventCoordinator(actorId, eventId);
  const input = await loadConflictInput(eventId);
  const versions = await db.placement.findMany({ where: { eventId }, select: { id: true, version: true } });
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));
  const conflicts = findConflicts(input);
  const { ordered, nextSessionBlock } = blockSequence(input.blocks);

  // Attendee picks across every placement of the session (its repeats), for the card.
  const picksOf = new Map<string, number>();
  for (const p of input.placements) picksOf.set(p.proposalId, (picksOf.get(p.proposalId) ?? 0) + (input.interest.get(p.id) ?? 0));

  const placedCount = new Map<string, number>();
  for (const p of input.placements) placedCount.set(p.proposalId, (placedCount.get(p.proposalId) ?? 0) + 1);

  const sessions = input.proposals.map((p) => ({
    id: p.id,
    title: p.title,
    state: p.state,
    presenterName: p.presenterName,
    coPresenterNames: p.coPresenters.filter((co) => co.confirmedAt && co.userId).map((co) => co.name),
    audience: p.audience,
    format: p.format,
    lengthBlocks: p.lengthBlocks,
    techNeeds: p.techNeeds,
    maxParticipants: p.maxParticipants,
    placed: placedCount.get(p.id) ?? 0,
    picks: picksOf.get(p.id) ?? 0,
  }));
  const lengthOf = new Map(sessions.map((s) => [s.id, s.lengthBlocks]));

  const q = filters.q?.trim().toLowerCase();
  const tray = sessions
    .filter((s) => s.state === "accepted" || s.state === "confirmed")
    .filter((s) => filters.show === "all" || s.placed === 0)
    .filter((s) => !filters.audience || s.audience.split(",").includes(filters.audience))
    .filter((s) => !filters.format || s.format === filters.format)
    .filter((s) => !q || s.title.toLowerCase().includes(q) || s.presenterName.toLowerCase().includes(q))
    .sort((a, b) => a.title.localeCompare(b.title));

  return {
    rooms: input.rooms.map(({ id, name, capacity, features, building, floor }) => ({ id, name, capacity, features, building, floor })),
    blocks: ordered.map(({ id, label, startTime, endTime, kind }) => ({ id, label, startTime, endTime, kind })),
    placements: input.placements.map((p) => ({
      id: p.id,
      proposalId: p.proposalId,
      roomId: p.roomId,
      timeBlockId: p.timeBlockId,
      version: versionOf.get(p.id) ?? 1,
      picks: input.interest.get(p.id) ?? 0,
      // A two-block session also shows (as "continued") in the block after its start.
      blockIds: occupiedBlocks(p.timeBlockId, lengthOf.get(p.proposalId) ?? 1, nextSessionBlock),
    })),
    sessions,
    tray,
    conflicts,
    canUndo: (await db.auditLog.count({ where: { eventId, entity: "Placement" } })) > 0,
  };
}
