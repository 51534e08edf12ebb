// Demo check-ins: badges for the whole roster, door arrivals for about 60% of it
// and room visits in the published sessions, so the live view, credit pages and
// HR export show something right after setup. Who arrives when is fixed by
// position on the roster, so every seed tells the same story (tokens stay random).
import { db } from "~/utils/db.server";
import { ensureAttendee } from "../checkin/roster";
import { latestPublished } from "../schedule/publish";
import { toMinutes, wallClockToInstant } from "../schedule/times";

function clockAt(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export async function seedDemoCheckIns(eventId: string) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const attendees = await db.membership.findMany({
    where: { eventId, role: "attendee" },
    orderBy: { user: { email: "asc" } },
    select: { userId: true },
  });
  for (const { userId } of attendees) await ensureAttendee(db, eventId, userId);

  const instant = (time: string) => wallClockToInstant(event.date, time, event.timeZone);
  const start = toMinutes(event.startTime);
  const arriving = attendees.filter((_, i) => i % 5 < 3);
  await db.doorCheckIn.createMany({
    data: arriving.map(({ userId }, i) => ({
      eventId,
      userId,
      // Most arrive in the half hour before the start, a few stragglers later.
      checkedInAt: instant(clockAt(start - 30 + ((i * 7) % 45))),
      source: i % 10 === 0 ? "search" : "qr",
    })),
  });

  const version = await latestPublished(eventId);
  if (!version) return { checkIns: arriving.length, visits: 0 };
  const blocks = version.snapshot.blocks.filter((b) => b.kind === "sessions").slice(0, 2);
  const visits: Array<{
    eventId: string;
    userId: string;
    roomId: string;
    timeBlockId: string;
    placementId: string;
    enteredAt: Date;
    leftAt: Date | null;
    source: string;
  }> = [];
  for (const block of blocks) {
    const sessions = version.snapshot.sessions.filter((s) => s.blockId === block.id);
    if (sessions.length === 0) continue;
    const blockStart = toMinutes(block.startTime);
    arriving.forEach(({ userId }, i) => {
      if (i % 3 === 2) return;
      const first = sessions[i % sessions.length]!;
      const enteredAt = instant(clockAt(blockStart + (i % 6)));
      // Every fourth person uses the law of two feet a quarter hour in.
      const moves = i % 4 === 0 && sessions.length > 1;
      const movedAt = instant(clockAt(blockStart + 15));
      visits.push({
        eventId,
        userId,
        roomId: first.roomId,
        timeBlockId: block.id,
        placementId: first.placementId,
        enteredAt,
        leftAt: moves ? movedAt : null,
        source: "self",
      });
      if (moves) {
        const second = sessions[(i + 1) % sessions.length]!;
        visits.push({
          eventId,
          userId,
          roomId: second.roomId,
          timeBlockId: block.id,
          placementId: second.placementId,
          enteredAt: movedAt,
          leftAt: null,
          source: "self",
        });
      }
    });
  }
  await db.roomVisit.createMany({ data: visits });
  return { checkIns: arriving.length, visits: visits.length };
}
