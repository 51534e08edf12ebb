// The live view: arrivals at the door over time (early check-ins, before the doors
// opened, marked apart) and how full each room is now.
import { db } from "~/utils/db.server";
import { assertEventDoor } from "../events/permissions";
import { latestPublished } from "../schedule/publish";
import { doorRule, isEarly } from "./doors";
import { blockAt } from "./rooms";

const BUCKET_MINUTES = 15;

function clock(at: Date, timeZone: string) {
  return at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
}

function day(at: Date, timeZone: string) {
  return at.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone });
}

export type ArrivalBucket = { label: string; count: number; early: boolean };

/**
 * Arrivals per 15 minutes, labelled by the bucket's start on the PD day's clock.
 * Check-ins before the doors opened (let in by "early check-in", not counted for
 * drawings) are bucketed apart, first, with their day: they may be days early.
 */
export function arrivalBuckets(times: Date[], timeZone: string, opensAt: Date | null = null): ArrivalBucket[] {
  const counts = new Map<string, ArrivalBucket & { key: string }>();
  for (const at of times) {
    const [hh, mm] = clock(at, timeZone).split(":").map(Number) as [number, number];
    const start = Math.floor((hh * 60 + mm) / BUCKET_MINUTES) * BUCKET_MINUTES;
    const time = `${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")}`;
    const early = opensAt !== null && at.getTime() < opensAt.getTime();
    // Early ones sort first, by day ("2027-02-12", the zone's calendar) then time.
    const key = early ? `0 ${at.toLocaleDateString("en-CA", { timeZone })} ${time}` : `1 ${time}`;
    const bucket = counts.get(key) ?? { key, label: early ? `${day(at, timeZone)} ${time}` : time, count: 0, early };
    bucket.count++;
    counts.set(key, bucket);
  }
  return [...counts.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ label, count, early }) => ({ label, count, early }));
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
  const rule = doorRule(eventId);
  const early = rule ? arrivals.filter((a) => isEarly(rule, a.checkedInAt)).length : 0;
  const open = block
    ? await db.roomVisit.groupBy({
        by: ["roomId"],
        where: { eventId, timeBlockId: block.id, leftAt: null },
        _count: { _all: true },
      })
    : [];
  const inRoom = new Map(open.map((g) => [g.roomId, g._count._all]));
  const rooms = (version?.snapshot.rooms ?? []).map((room) => {
    const session = block
      ? version!.snapshot.sessions.find((s) => s.roomId === room.id && s.blockId === block.id)
      : undefined;
    return {
      id: room.id,
      name: room.name,
      capacity: room.capacity,
      present: inRoom.get(room.id) ?? 0,
      session: session?.title ?? null,
    };
  });
  return {
    event,
    checkedIn: arrivals.length,
    roster,
    buckets: arrivalBuckets(
      arrivals.map((a) => a.checkedInAt),
      event.timeZone,
      rule?.opensAt ?? null,
    ),
    /** Checked in before the doors opened (early check-in): here, but not in prize drawings. */
    early: early > 0 ? { count: early, doorsOpened: rule!.opensLabel } : null,
    block: block ? { label: block.label, startTime: block.startTime, endTime: block.endTime } : null,
    rooms,
    updatedAt: clock(now, event.timeZone),
  };
}
