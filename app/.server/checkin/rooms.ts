// Drop-in room attendance. The door sign's QR opens the room page; "Check in to
// this room" records a visit for the block running now. Moving to another room
// in the same block closes the first visit (law of two feet), so time is only
// ever counted in one room at once.
import { dateFormat } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { fromDbTime, statement } from "~/utils/sqlite.server";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { isMemberOf } from "../events/permissions";
import { presentsSession } from "../proposals/proposal-access";
import { latestPublished } from "../schedule/publish";
import type { ScheduleSnapshot, SnapshotBlock, SnapshotSession } from "../schedule/snapshot";
import { wallClockToInstant } from "../schedule/times";

// A published snapshot never changes, and the room page's part (the block running now)
// and credit (every session's span) ask for the same few spans again and again: each
// snapshot's are worked out once (the zone's clock is the costly part).
const knownSpans = new WeakMap<ScheduleSnapshot, Map<string, readonly [number, number]>>();

export function blockSpan(snapshot: ScheduleSnapshot, block: Pick<SnapshotBlock, "startTime" | "endTime">) {
  const { date, timeZone } = snapshot.event;
  let spans = knownSpans.get(snapshot);
  if (!spans) knownSpans.set(snapshot, (spans = new Map()));
  const key = `${block.startTime}-${block.endTime}`;
  let span = spans.get(key);
  if (!span) {
    span = [
      wallClockToInstant(date, block.startTime, timeZone).getTime(),
      wallClockToInstant(date, block.endTime, timeZone).getTime(),
    ];
    spans.set(key, span);
  }
  return { start: new Date(span[0]), end: new Date(span[1]) };
}

export function sessionSpan(snapshot: ScheduleSnapshot, session: Pick<SnapshotSession, "startTime" | "endTime">) {
  return blockSpan(snapshot, session);
}

/** The session block whose time contains `at` in the PD day's zone, if any. */
export function blockAt(snapshot: ScheduleSnapshot, at: Date) {
  return (
    snapshot.blocks.find((block) => {
      if (block.kind !== "sessions") return false;
      const { start, end } = blockSpan(snapshot, block);
      return start <= at && at < end;
    }) ?? null
  );
}

/** The session in `roomId` during `block`, including a two-block session that started earlier. */
export function sessionInRoom(snapshot: ScheduleSnapshot, roomId: string, block: SnapshotBlock) {
  return (
    snapshot.sessions.find(
      (s) =>
        s.roomId === roomId &&
        (s.blockId === block.id || (s.startTime <= block.startTime && s.endTime >= block.endTime)),
    ) ?? null
  );
}

/** Why a room check-in at `at` has nothing to attach to, and what to do instead. */
export function noBlockMessage(snapshot: ScheduleSnapshot, at: Date) {
  const sessionBlocks = snapshot.blocks.filter((b) => b.kind === "sessions");
  const next = sessionBlocks
    .map((b) => ({ block: b, ...blockSpan(snapshot, b) }))
    .filter((b) => b.start > at)
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
  const none = "No session block is running right now, so there is nothing to check in to.";
  if (!next) {
    return `${none} Today's sessions are over. If you attended a session without checking in, ask a coordinator to correct your PD credit.`;
  }
  const { timeZone } = snapshot.event;
  const sameDay = dateFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const when = dateFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(next.start);
  const day =
    sameDay.format(next.start) === sameDay.format(at)
      ? ""
      : ` on ${dateFormat("en-US", { weekday: "long", month: "long", day: "numeric", timeZone }).format(next.start)}`;
  return `${none} ${next.block.label} starts at ${when}${day}: come back then and press “Check in to this room” again (or scan the code on the door).`;
}

async function openVisit(
  eventId: string,
  userId: string,
  roomId: string,
  block: SnapshotBlock,
  session: SnapshotSession | null,
  at: Date,
  source: "self" | "presenter",
) {
  return db.$transaction(async (tx) => {
    const open = await tx.roomVisit.findMany({ where: { eventId, userId, timeBlockId: block.id, leftAt: null } });
    const here = open.find((v) => v.roomId === roomId);
    // Scanning the same door twice is not a move: keep the visit that is already open.
    if (here) return { visit: here, moved: false };
    await tx.roomVisit.updateMany({ where: { id: { in: open.map((v) => v.id) } }, data: { leftAt: at } });
    const visit = await tx.roomVisit.create({
      data: {
        eventId,
        userId,
        roomId,
        timeBlockId: block.id,
        placementId: session?.placementId ?? null,
        enteredAt: at,
        source,
      },
    });
    return { visit, moved: open.length > 0 };
  });
}

async function publishedFor(eventId: string) {
  const version = await latestPublished(eventId);
  if (!version) throw new NotFoundError("No schedule has been published for this PD day yet.");
  return version.snapshot;
}

/** A signed-in member of the PD day checks themself into a room for the block running at `at`. */
export async function checkIntoRoom(userId: string, eventId: string, roomId: string, at: Date = new Date()) {
  if (!isMemberOf(userId, eventId)) throw new NotAllowedError("Join this PD day first, then check in to rooms.");
  const snapshot = await publishedFor(eventId);
  const room = snapshot.rooms.find((r) => r.id === roomId);
  if (!room) throw new NotFoundError("This room is not on the published schedule.");
  const block = blockAt(snapshot, at);
  if (!block) throw new RuleError(noBlockMessage(snapshot, at));
  const session = sessionInRoom(snapshot, roomId, block);
  const { visit, moved } = await openVisit(eventId, userId, roomId, block, session, at, "self");
  return { visit, room, block, session, moved };
}

/** A presenter marks someone present in their own session (e.g. a phone without a camera). */
export async function markAttendance(
  presenterId: string,
  eventId: string,
  placementId: string,
  attendeeId: string,
  at: Date = new Date(),
) {
  const snapshot = await publishedFor(eventId);
  const session = snapshot.sessions.find((s) => s.placementId === placementId);
  if (!session) throw new NotFoundError("That session is not on the published schedule.");
  if (!(await presentsSession(presenterId, session))) {
    throw new NotAllowedError("Only this session's presenters can mark its attendance.");
  }
  const attendee = await db.membership.findFirst({ where: { eventId, userId: attendeeId }, select: { id: true } });
  if (!attendee) throw new NotFoundError("That person is not on this PD day's list.");
  const block = snapshot.blocks.find((b) => b.id === session.blockId)!;
  // The presenter vouches for the session: the visit starts when the session did
  // (or now, if marked before it began).
  const { start } = sessionSpan(snapshot, session);
  const enteredAt = at < start ? at : start;
  return (await openVisit(eventId, attendeeId, session.roomId, block, session, enteredAt, "presenter")).visit;
}

// The room page's part is asked on every scan of the door's code: these reads are
// prepared statements over the person's own indexed rows (eventId, userId, …), not
// Prisma queries (~0.4 ms each, most of such a request).

/** Since when this person is in this room (an open visit), or null (for the room page). */
export async function currentVisit(userId: string, eventId: string, roomId: string) {
  const row = statement(
    // `+roomId`: look through the person's few visits (eventId, userId index), not the room's many.
    `SELECT enteredAt FROM RoomVisit WHERE eventId = ? AND userId = ? AND +roomId = ? AND leftAt IS NULL
      ORDER BY enteredAt DESC LIMIT 1`,
  ).get(eventId, userId, roomId) as { enteredAt: string } | undefined;
  return row ? { enteredAt: fromDbTime(row.enteredAt) } : null;
}

/** For the room page: may this person check in here (a member of the PD day, as checkIntoRoom has it), and are they here already? */
export async function roomCheckInState(userId: string | null, eventId: string, roomId: string) {
  if (!userId || !isMemberOf(userId, eventId)) return { canCheckIn: false, visit: null };
  return { canCheckIn: true, visit: await currentVisit(userId, eventId, roomId) };
}

/**
 * For a room at capacity right now: other sessions in the same block that still
 * have seats, fullest-first last, so the door page can say "full — try X".
 */
export async function roomsWithSpace(eventId: string, roomId: string, at: Date = new Date()) {
  const version = await latestPublished(eventId);
  if (!version) return null;
  const { snapshot } = version;
  const block = blockAt(snapshot, at);
  const room = snapshot.rooms.find((r) => r.id === roomId);
  if (!block || !room) return null;
  // Most rooms have seats: count this room's people first (an indexed count), and
  // everyone's in the block only when it is full.
  const here = statement(
    "SELECT COUNT(*) AS n FROM RoomVisit WHERE eventId = ? AND roomId = ? AND timeBlockId = ? AND leftAt IS NULL",
  ).get(eventId, roomId, block.id) as { n: number };
  if (here.n < room.capacity) return null;
  const counts = await db.roomVisit.groupBy({
    by: ["roomId"],
    where: { eventId, timeBlockId: block.id, leftAt: null },
    _count: { _all: true },
  });
  const present = new Map(counts.map((c) => [c.roomId, c._count._all]));
  if ((present.get(roomId) ?? 0) < room.capacity) return null;
  const capacity = new Map(snapshot.rooms.map((r) => [r.id, r.capacity]));
  return snapshot.sessions
    .filter((s) => s.roomId !== roomId && sessionInRoom(snapshot, s.roomId, block)?.placementId === s.placementId)
    .map((s) => ({
      placementId: s.placementId,
      title: s.title,
      roomId: s.roomId,
      roomName: s.roomName,
      seatsLeft: (capacity.get(s.roomId) ?? 0) - (present.get(s.roomId) ?? 0),
    }))
    .filter((s) => s.seatsLeft > 0)
    .sort((a, b) => b.seatsLeft - a.seatsLeft)
    .slice(0, 3);
}
