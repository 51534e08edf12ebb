// Everything the grid editor shows in one load: the rooms of one room group (see
// room-groups.ts), every block, the placements in those rooms (with their versions,
// for stale-move checks), the unplaced tray and the warnings. Warnings are worked out
// for the whole day; the ones in other groups come back as counts per group.
import { db } from "~/utils/db.server";
import { assertEventCoordinator } from "../events/permissions";
import { blockSequence, findConflicts, loadConflictInput, occupiedBlocks } from "./conflicts";
import { groupsOfConflict, roomGroups } from "./room-groups";

export type TrayFilters = { audience?: string; format?: string; q?: string; show?: string };
/** Which rooms to show (a group key; the first group when absent or unknown) and which session's move/place form is open. */
export type GridView = { rooms?: string; moving?: string | null; placing?: string | null };

export async function getGrid(actorId: string, eventId: string, filters: TrayFilters = {}, view: GridView = {}) {
  await assertEventCoordinator(actorId, eventId);
  const [input, lastMove] = await Promise.all([
    loadConflictInput(eventId),
    db.auditLog.findFirst({ where: { eventId, entity: "Placement" }, select: { id: true } }),
  ]);
  const conflicts = findConflicts(input);
  const { ordered, nextSessionBlock } = blockSequence(input.blocks);

  const groups = roomGroups(input.rooms);
  const group = groups.find((g) => g.key === view.rooms) ?? groups[0]!;
  const shownRooms = new Set(group.roomIds);
  const groupOfRoom = new Map(groups.flatMap((g) => g.roomIds.map((id) => [id, g.key] as const)));
  const roomOfPlacement = new Map(input.placements.map((p) => [p.id, p.roomId]));

  // Each warning once per group it touches; one about no room at all shows everywhere.
  const warningsIn = new Map<string, number>();
  const shownConflicts = conflicts.filter((conflict) => {
    const keys = groupsOfConflict(conflict, groupOfRoom, roomOfPlacement);
    for (const key of keys) warningsIn.set(key, (warningsIn.get(key) ?? 0) + 1);
    return keys.size === 0 || keys.has(group.key);
  });

  // Attendee picks across every placement of the session (its repeats), for the card.
  const picksOf = new Map<string, number>();
  const placedCount = new Map<string, number>();
  for (const p of input.placements) {
    picksOf.set(p.proposalId, (picksOf.get(p.proposalId) ?? 0) + (input.interest.get(p.id) ?? 0));
    placedCount.set(p.proposalId, (placedCount.get(p.proposalId) ?? 0) + 1);
  }

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
  const sessionById = new Map(sessions.map((s) => [s.id, s]));

  const q = filters.q?.trim().toLowerCase();
  const tray = sessions
    .filter((s) => s.state === "accepted" || s.state === "confirmed")
    .filter((s) => filters.show === "all" || s.placed === 0)
    .filter((s) => !filters.audience || s.audience.split(",").includes(filters.audience))
    .filter((s) => !filters.format || s.format === filters.format)
    .filter((s) => !q || s.title.toLowerCase().includes(q) || s.presenterName.toLowerCase().includes(q))
    .sort((a, b) => a.title.localeCompare(b.title));

  const moving = view.moving ? input.placements.find((p) => p.id === view.moving) : undefined;
  const placements = input.placements
    .filter((p) => shownRooms.has(p.roomId) || p.id === moving?.id)
    .map((p) => ({
      id: p.id,
      proposalId: p.proposalId,
      roomId: p.roomId,
      timeBlockId: p.timeBlockId,
      version: p.version,
      picks: input.interest.get(p.id) ?? 0,
      // A two-block session also shows (as "continued") in the block after its start.
      blockIds: occupiedBlocks(p.timeBlockId, sessionById.get(p.proposalId)?.lengthBlocks ?? 1, nextSessionBlock),
    }));

  // The browser gets the sessions it shows: on the board, in the tray, in the open form.
  const wanted = new Set([...placements.map((p) => p.proposalId), ...tray.map((s) => s.id), view.placing ?? ""]);
  const roomName = new Map(input.rooms.map((r) => [r.id, r.name]));
  const blockLabel = new Map(input.blocks.map((b) => [b.id, b.label]));

  return {
    roomGroups: groups.map((g) => ({
      key: g.key,
      label: g.label,
      rooms: g.roomIds.length,
      warnings: warningsIn.get(g.key) ?? 0,
    })),
    roomGroup: group.key,
    rooms: input.rooms
      .filter((r) => shownRooms.has(r.id))
      .map(({ id, name, capacity, features, building, floor }) => ({ id, name, capacity, features, building, floor })),
    /** Every room, for the move and place forms: a session can go to a room in another group. */
    roomChoices: input.rooms.map(({ id, name, capacity }) => ({ id, name, capacity })),
    blocks: ordered.map(({ id, label, startTime, endTime, kind }) => ({ id, label, startTime, endTime, kind })),
    placements,
    sessions: sessions.filter((s) => wanted.has(s.id)),
    tray,
    // Only for an open move form: the swap list names every other placed session.
    swapChoices: moving
      ? input.placements
          .filter((p) => p.id !== moving.id)
          .map((p) => ({
            value: p.id,
            label: `${sessionById.get(p.proposalId)?.title} — ${roomName.get(p.roomId)}, ${blockLabel.get(p.timeBlockId)}`,
          }))
      : [],
    conflicts: shownConflicts,
    warningsForDay: conflicts.length,
    canUndo: lastMove !== null,
  };
}
