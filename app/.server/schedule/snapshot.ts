// What a published version freezes: the working grid turned into plain JSON that
// attendee pages and exports read without touching the live tables again, and the
// changelog between two such snapshots.
import type { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { blockSequence, occupiedBlocks } from "./conflicts";
import { dayOfProposalIds } from "./day-of-marker";

type SnapshotPresenter = { userId: string; name: string };

export type SnapshotSession = {
  /** Stable across versions while the placement exists: the changelog's identity. */
  placementId: string;
  proposalId: string;
  title: string;
  summary: string;
  audience: string[];
  format: string;
  tags: string[];
  /** Lead presenter first, then confirmed co-presenters. */
  presenters: SnapshotPresenter[];
  roomId: string;
  roomName: string;
  blockId: string;
  blockLabel: string;
  startTime: string;
  /** A two-block session ends when the following session block ends. */
  endTime: string;
  lengthBlocks: number;
  dayOf: boolean;
};

export type SnapshotRoom = {
  id: string;
  name: string;
  building: string;
  floor: string;
  capacity: number;
  accessible: boolean;
};
export type SnapshotBlock = { id: string; label: string; startTime: string; endTime: string; kind: string };

export type ScheduleSnapshot = {
  event: {
    id: string;
    slug: string;
    name: string;
    description: string;
    venue: string;
    date: string;
    startTime: string;
    endTime: string;
    timeZone: string;
  };
  rooms: SnapshotRoom[];
  blocks: SnapshotBlock[];
  sessions: SnapshotSession[];
};

export type SessionWhere = { roomName: string; blockLabel: string; startTime: string; endTime: string };

export type ChangeEntry =
  | { kind: "added"; placementId: string; title: string; presenterIds: string[]; to: SessionWhere }
  | { kind: "moved"; placementId: string; title: string; presenterIds: string[]; from: SessionWhere; to: SessionWhere }
  | { kind: "cancelled"; placementId: string; title: string; presenterIds: string[]; from: SessionWhere };

const splitList = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const placementInclude = {
  room: true,
  timeBlock: true,
  proposal: {
    include: {
      presenter: { select: { id: true, name: true } },
      coPresenters: {
        where: { confirmedAt: { not: null }, userId: { not: null } },
        orderBy: { confirmedAt: "asc" },
        include: { user: { select: { id: true, name: true } } },
      },
    },
  },
} satisfies Prisma.PlacementInclude;

type PlacementRow = Prisma.PlacementGetPayload<{ include: typeof placementInclude }>;

/** Where a session runs, with its end taken from its last block. */
export function sessionFromPlacement(
  placement: PlacementRow,
  blocks: SnapshotBlock[],
  dayOfIds: ReadonlySet<string>,
): SnapshotSession {
  const { proposal, room, timeBlock } = placement;
  // The same reading of "two blocks" as the grid's conflict rules: the start block
  // and the next session block after it, breaks and lunch skipped.
  const occupied = occupiedBlocks(timeBlock.id, proposal.lengthBlocks, blockSequence(blocks).nextSessionBlock);
  const lastBlock = blocks.find((b) => b.id === occupied.at(-1)) ?? timeBlock;
  return {
    placementId: placement.id,
    proposalId: proposal.id,
    title: proposal.title,
    summary: proposal.summary,
    audience: splitList(proposal.audience),
    format: proposal.format,
    tags: splitList(proposal.tags),
    presenters: [
      { userId: proposal.presenter.id, name: proposal.presenter.name },
      ...proposal.coPresenters.flatMap((c) => (c.user ? [{ userId: c.user.id, name: c.user.name }] : [])),
    ],
    roomId: room.id,
    roomName: room.name,
    blockId: timeBlock.id,
    blockLabel: timeBlock.label,
    startTime: timeBlock.startTime,
    endTime: lastBlock.endTime,
    lengthBlocks: proposal.lengthBlocks,
    dayOf: dayOfIds.has(proposal.id),
  };
}

export async function loadPlacementSessions(
  eventId: string,
  where: Prisma.PlacementWhereInput,
  blocks: SnapshotBlock[],
) {
  const [placements, dayOfIds] = await Promise.all([
    db.placement.findMany({ where: { ...where, eventId }, include: placementInclude }),
    dayOfProposalIds(eventId),
  ]);
  return placements.map((p) => sessionFromPlacement(p, blocks, dayOfIds));
}

export function sortSessions(sessions: SnapshotSession[], blocks: SnapshotBlock[], rooms: SnapshotRoom[]) {
  const blockOrder = new Map(blocks.map((b, i) => [b.id, i]));
  const roomOrder = new Map(rooms.map((r, i) => [r.id, i]));
  return [...sessions].sort(
    (a, b) =>
      (blockOrder.get(a.blockId) ?? 0) - (blockOrder.get(b.blockId) ?? 0) ||
      (roomOrder.get(a.roomId) ?? 0) - (roomOrder.get(b.roomId) ?? 0) ||
      a.placementId.localeCompare(b.placementId),
  );
}

export async function loadRoomsAndBlocks(eventId: string) {
  const [rooms, blocks] = await Promise.all([
    db.room.findMany({ where: { eventId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.timeBlock.findMany({ where: { eventId }, orderBy: [{ startTime: "asc" }, { sortOrder: "asc" }] }),
  ]);
  return {
    rooms: rooms.map(({ id, name, building, floor, capacity, accessible }) => ({
      id,
      name,
      building,
      floor,
      capacity,
      accessible,
    })),
    blocks: blocks.map(({ id, label, startTime, endTime, kind }) => ({ id, label, startTime, endTime, kind })),
  };
}

/** The coordinator's working grid as it stands, ready to freeze into a version. */
export async function buildSnapshot(eventId: string): Promise<ScheduleSnapshot> {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const { rooms, blocks } = await loadRoomsAndBlocks(eventId);
  // Withdrawn or reopened proposals may still sit in the grid; attendees only see
  // sessions that are actually going to happen.
  const sessions = await loadPlacementSessions(
    eventId,
    { proposal: { state: { in: ["accepted", "confirmed"] } } },
    blocks,
  );
  return {
    event: {
      id: event.id,
      slug: event.slug,
      name: event.name,
      description: event.description,
      venue: event.venue,
      date: event.date,
      startTime: event.startTime,
      endTime: event.endTime,
      timeZone: event.timeZone,
    },
    rooms,
    blocks,
    sessions: sortSessions(sessions, blocks, rooms),
  };
}

function where(session: SnapshotSession): SessionWhere {
  return {
    roomName: session.roomName,
    blockLabel: session.blockLabel,
    startTime: session.startTime,
    endTime: session.endTime,
  };
}

/** What changed from `previous` (null before v1) to `next`, by placement identity. */
export function diffSnapshots(previous: ScheduleSnapshot | null, next: ScheduleSnapshot): ChangeEntry[] {
  const before = new Map((previous?.sessions ?? []).map((s) => [s.placementId, s]));
  const after = new Map(next.sessions.map((s) => [s.placementId, s]));
  const changes: ChangeEntry[] = [];
  for (const session of next.sessions) {
    const old = before.get(session.placementId);
    const base = {
      placementId: session.placementId,
      title: session.title,
      presenterIds: session.presenters.map((p) => p.userId),
    };
    if (!old) {
      changes.push({ kind: "added", ...base, to: where(session) });
    } else if (
      old.roomId !== session.roomId ||
      old.blockId !== session.blockId ||
      old.startTime !== session.startTime ||
      old.endTime !== session.endTime
    ) {
      // A presenter dropped from the session still needs to hear about the move.
      const presenterIds = [...new Set([...base.presenterIds, ...old.presenters.map((p) => p.userId)])];
      changes.push({ kind: "moved", ...base, presenterIds, from: where(old), to: where(session) });
    }
  }
  for (const old of previous?.sessions ?? []) {
    if (!after.has(old.placementId)) {
      changes.push({
        kind: "cancelled",
        placementId: old.placementId,
        title: old.title,
        presenterIds: old.presenters.map((p) => p.userId),
        from: where(old),
      });
    }
  }
  return changes;
}

export function describeWhere(w: SessionWhere) {
  return `${w.blockLabel} (${w.startTime}–${w.endTime}), ${w.roomName}`;
}

export function describeChange(change: ChangeEntry) {
  switch (change.kind) {
    case "added":
      return `Added: “${change.title}” — ${describeWhere(change.to)}`;
    case "moved":
      return `Moved: “${change.title}” — from ${describeWhere(change.from)} to ${describeWhere(change.to)}`;
    case "cancelled":
      return `Cancelled: “${change.title}” — was ${describeWhere(change.from)}`;
  }
}
