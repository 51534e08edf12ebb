// The live view: arrivals at the door over time and how full each room is now.
import { db } from "~/utils/db.server";
import { assertEventDoor } from "../events/permissions";
import { latestPublished } from "../schedule/publish";
import { blockAt } from "./rooms";

const BUCKET_MINUTES = 15;

function clock(at: Date, timeZone: string) {
  return at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
}

/** Arrivals per 15 minutes, labelled by the bucket's start on the PD day's clock. */
export function arrivalBuckets(times: Date[], timeZone: string) {
  const counts = new Map<string, number>();
  for (const at of times) {
    const [hh, mm] = clock(at, timeZone).split(":").map(Number) as [number, number];
    const start = Math.floor((hh * 60 + mm) / BUCKET_MINUTES) * BUCKET_MINUTES;
    const label = `${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, count]) => ({ label, count }));
}

export async function getLiveView(actorId: string, eventId: string, now: Date = new Date()) {
  await assertEventDoor(actorId, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const [arrivals, roster, version] = await Promise.all([
    db.doorCheckIn.findMany({ where: { eventId }, select: { checkedInAt: true } }),
    db.membership.count({ where: { eventId, role: "attendee" } }),
    latestPublished(eventId),
  ]);
  const block = version ? blockAt(version.snapshot, now) : null;
  const open = block
    ? await db.roomVisit.groupBy({ by: ["roomId"], where: { eventId, timeBlockId: block.id, leftAt: null }, _count: { _all: true } })
    : [];
  const inRoom = new Map(open.map((g) => [g.roomId, g._count._all]));
  const rooms = (version?.snapshot.rooms ?? []).map((room) => {
    const session = block ? version!.snapshot.sessions.find((s) => s.roomId === room.id && s.blockId === block.id) : undefined;
    return { id: room.id, name: room.name, capacity: room.capacity, present: inRoom.get(room.id) ?? 0, session: session?.title ?? null };
  });
  return {
    event,
    checkedIn: arrivals.length,
    roster,
    buckets: arrivalBuckets(arrivals.map((a) => a.checkedInAt), event.timeZone),
    block: block ? { label: block.label, startTime: block.startTime, endTime: block.endTime } : null,
    rooms,
    updatedAt: clock(now, event.timeZone),
  };
}
