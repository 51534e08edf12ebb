// The conflict rules of the working grid, as one pure function over plain rows: no
// database here, so they are unit-tested and benchmarked in memory (tests/bench).
// Warnings never block a move: they are advice for the coordinator (and, when the
// coordinator says so, a gate on publishing).
import { CONFLICT_LABELS, ROOM_FEATURE_PHRASES, splitList, type RoomFeature } from "../../schemas/schedule";
import { count } from "~/utils/plural";

export { CONFLICT_LABELS };

export type ConflictKind =
  | "presenter_double_booked"
  | "presenter_unavailable"
  | "room_double_booked"
  | "room_missing_feature"
  | "room_too_small"
  | "placed_in_break"
  | "unplaced_confirmed";

export type Conflict = {
  kind: ConflictKind;
  /** Plain language, e.g. "Maria Delgado is in Library and Room 114 during Block 2". */
  message: string;
  placementIds: string[];
  proposalId?: string;
  roomId?: string;
  timeBlockId?: string;
};

export type ConflictInput = {
  rooms: ReadonlyArray<{ id: string; name: string; capacity: number; features: string }>;
  blocks: ReadonlyArray<{ id: string; label: string; startTime: string; kind: string }>;
  placements: ReadonlyArray<{ id: string; proposalId: string; roomId: string; timeBlockId: string }>;
  proposals: ReadonlyArray<{
    id: string;
    title: string;
    state: string;
    presenterId: string;
    presenterName: string;
    /** Only confirmed co-presenters with an account present; the rest are ignored. */
    coPresenters: ReadonlyArray<{ userId: string | null; name: string; confirmedAt: Date | string | null }>;
    unavailableBlockIds: string;
    techNeeds: string;
    maxParticipants: number | null;
    lengthBlocks: number;
  }>;
  /**
   * Attendee picks, keyed by placement id (a pick of one repeat) or proposal id (a pick
   * of the session wherever it runs). Absent until attendee picks exist.
   */
  interest?: ReadonlyMap<string, number>;
};

/** Block ids in day order, each with the next session block after it (a two-block session's second half). */
export function blockSequence<B extends ConflictInput["blocks"][number]>(blocks: readonly B[]) {
  const ordered = [...blocks].sort((a, b) => a.startTime.localeCompare(b.startTime));
  const nextSessionBlock = new Map<string, string | undefined>();
  ordered.forEach((block, index) => {
    nextSessionBlock.set(block.id, ordered.slice(index + 1).find((b) => b.kind === "sessions")?.id);
  });
  return { ordered, nextSessionBlock };
}

/** The blocks a placement occupies: its start block, plus the next session block for two-block sessions. */
export function occupiedBlocks(
  timeBlockId: string,
  lengthBlocks: number,
  nextSessionBlock: ReadonlyMap<string, string | undefined>,
) {
  const ids = [timeBlockId];
  let current = timeBlockId;
  for (let i = 1; i < lengthBlocks; i++) {
    const next = nextSessionBlock.get(current);
    if (!next) break;
    ids.push(next);
    current = next;
  }
  return ids;
}

function quoted(title: string) {
  return `“${title}”`;
}

function listNames(names: string[]) {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function findConflicts(input: ConflictInput): Conflict[] {
  const rooms = new Map(input.rooms.map((room) => [room.id, room]));
  const blocks = new Map(input.blocks.map((block) => [block.id, block]));
  const proposals = new Map(input.proposals.map((proposal) => [proposal.id, proposal]));
  const { ordered, nextSessionBlock } = blockSequence(input.blocks);
  const blockOrder = new Map(ordered.map((block, index) => [block.id, index]));
  const conflicts: Conflict[] = [];

  // Who is where: per block, the placements occupying it (two-block sessions count twice).
  type Occupancy = { placementId: string; proposalId: string; roomId: string };
  const byRoomBlock = new Map<string, Occupancy[]>();
  const byPersonBlock = new Map<string, { name: string; personId: string; blockId: string; stays: Occupancy[] }>();
  const placedProposalIds = new Set<string>();

  for (const placement of input.placements) {
    const proposal = proposals.get(placement.proposalId);
    const room = rooms.get(placement.roomId);
    const block = blocks.get(placement.timeBlockId);
    if (!proposal || !room || !block) continue;
    placedProposalIds.add(proposal.id);
    const title = quoted(proposal.title);
    const occupied = occupiedBlocks(block.id, proposal.lengthBlocks, nextSessionBlock);
    const stay: Occupancy = { placementId: placement.id, proposalId: proposal.id, roomId: room.id };

    const people = new Map<string, string>([[proposal.presenterId, proposal.presenterName]]);
    for (const co of proposal.coPresenters) {
      if (co.userId && co.confirmedAt && !people.has(co.userId)) people.set(co.userId, co.name);
    }
    const unavailable = new Set(proposal.unavailableBlockIds.split(",").map((id) => id.trim()));

    for (const blockId of occupied) {
      const roomKey = `${room.id}|${blockId}`;
      const inRoom = byRoomBlock.get(roomKey);
      if (inRoom) inRoom.push(stay);
      else byRoomBlock.set(roomKey, [stay]);
      for (const [personId, name] of people) {
        const personKey = `${personId}|${blockId}`;
        const entry = byPersonBlock.get(personKey);
        if (entry) entry.stays.push(stay);
        else byPersonBlock.set(personKey, { name, personId, blockId, stays: [stay] });
      }
      if (unavailable.has(blockId)) {
        conflicts.push({
          kind: "presenter_unavailable",
          message: `${proposal.presenterName} marked ${blocks.get(blockId)!.label} as a time they cannot present, but ${title} is placed then.`,
          placementIds: [placement.id],
          proposalId: proposal.id,
          roomId: room.id,
          timeBlockId: blockId,
        });
      }
    }

    const roomFeatures = new Set(splitList(room.features));
    for (const need of splitList(proposal.techNeeds)) {
      if (roomFeatures.has(need)) continue;
      const phrase = ROOM_FEATURE_PHRASES[need as RoomFeature] ?? need.replace(/_/g, " ");
      conflicts.push({
        kind: "room_missing_feature",
        message: `${title} needs ${phrase}, but ${room.name} does not have it.`,
        placementIds: [placement.id],
        proposalId: proposal.id,
        roomId: room.id,
        timeBlockId: block.id,
      });
    }

    const picks = input.interest?.get(placement.id) ?? input.interest?.get(proposal.id);
    if (picks !== undefined && picks > room.capacity) {
      conflicts.push({
        kind: "room_too_small",
        message: `${title} has ${count(picks, "pick")}, but ${room.name} seats ${room.capacity}.`,
        placementIds: [placement.id],
        proposalId: proposal.id,
        roomId: room.id,
        timeBlockId: block.id,
      });
    } else if (proposal.maxParticipants !== null && proposal.maxParticipants > room.capacity) {
      conflicts.push({
        kind: "room_too_small",
        message: `${title} takes up to ${proposal.maxParticipants} people, but ${room.name} seats ${room.capacity}.`,
        placementIds: [placement.id],
        proposalId: proposal.id,
        roomId: room.id,
        timeBlockId: block.id,
      });
    }

    if (block.kind !== "sessions") {
      conflicts.push({
        kind: "placed_in_break",
        message: `${title} is placed in ${block.label}, which is a ${block.kind === "keynote" ? "keynote / all-hands" : block.kind} block, not a session block.`,
        placementIds: [placement.id],
        proposalId: proposal.id,
        roomId: room.id,
        timeBlockId: block.id,
      });
    }
  }

  for (const [key, stays] of byRoomBlock) {
    const distinct = uniqueStays(stays);
    if (distinct.length < 2) continue;
    const [roomId, blockId] = key.split("|") as [string, string];
    const titles = distinct.map((stay) => quoted(proposals.get(stay.proposalId)!.title));
    conflicts.push({
      kind: "room_double_booked",
      message: `${rooms.get(roomId)!.name} has ${distinct.length} sessions during ${blocks.get(blockId)!.label}: ${listNames(titles)}.`,
      placementIds: distinct.map((stay) => stay.placementId),
      roomId,
      timeBlockId: blockId,
    });
  }

  for (const { name, blockId, stays } of byPersonBlock.values()) {
    const distinct = uniqueStays(stays);
    if (distinct.length < 2) continue;
    const roomNames = [...new Set(distinct.map((stay) => rooms.get(stay.roomId)!.name))];
    const where = roomNames.length === 1 ? `in ${roomNames[0]} twice` : `in ${listNames(roomNames)}`;
    conflicts.push({
      kind: "presenter_double_booked",
      message: `${name} is ${where} during ${blocks.get(blockId)!.label}.`,
      placementIds: distinct.map((stay) => stay.placementId),
      timeBlockId: blockId,
    });
  }

  for (const proposal of input.proposals) {
    if (proposal.state !== "confirmed" || placedProposalIds.has(proposal.id)) continue;
    conflicts.push({
      kind: "unplaced_confirmed",
      message: `${quoted(proposal.title)} is confirmed but not on the grid yet.`,
      placementIds: [],
      proposalId: proposal.id,
    });
  }

  // Day order, then by kind, so the list reads top to bottom like the grid.
  const kindOrder = Object.keys(CONFLICT_LABELS);
  return conflicts.sort(
    (a, b) =>
      (blockOrder.get(a.timeBlockId ?? "") ?? Infinity) - (blockOrder.get(b.timeBlockId ?? "") ?? Infinity) ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      a.message.localeCompare(b.message),
  );
}

function uniqueStays<T extends { placementId: string }>(stays: T[]) {
  const seen = new Set<string>();
  return stays.filter((stay) => (seen.has(stay.placementId) ? false : (seen.add(stay.placementId), true)));
}
