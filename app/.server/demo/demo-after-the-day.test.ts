import { expect, test, vi } from "vitest";
import { db } from "~/utils/db.server";
import { readCircle } from "../circles/circle-page";
import { sessionPostsFor } from "../takeaways/takeaways";
import { readSessionResourceFile } from "../takeaways/resources";
import { seedDemoIfEmpty } from "./demo-day";

test(
  "the demo PD day has takeaways, presenter resources and one published set of circles the attendee login is in",
  { timeout: 60_000 },
  async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await seedDemoIfEmpty();
    } finally {
      log.mockRestore();
    }
    const event = await db.event.findUniqueOrThrow({ where: { slug: "demo" } });
    const takeaway = await db.sessionPost.findFirstOrThrow({ where: { eventId: event.id, kind: "takeaway" } });
    // Posted by someone who was there: they can read the session's takeaways.
    const seen = await sessionPostsFor(takeaway.authorId, "demo", takeaway.placementId);
    expect(seen.takeaways.length).toBeGreaterThan(0);
    expect(await db.sessionPost.count({ where: { eventId: event.id, kind: "resource" } })).toBeGreaterThan(0);
    // The PDF handout downloads for someone who was in the session, and is a PDF.
    const file = await db.sessionPost.findFirstOrThrow({ where: { eventId: event.id, storedName: { not: "" } } });
    const someoneThere = await db.roomVisit.findFirst({ where: { eventId: event.id, placementId: file.placementId } });
    const reader = someoneThere?.userId ?? file.authorId;
    const download = await readSessionResourceFile(reader, "demo", file.placementId, file.id);
    expect(Buffer.from(download.bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(download.bytes.byteLength).toBe(file.fileBytes);
    expect(download.type).toBe("application/pdf");

    const round = await db.circleRound.findUniqueOrThrow({
      where: { eventId: event.id },
      include: { circles: { include: { members: true } } },
    });
    expect(round.status).toBe("published");
    expect(round.circles.length).toBeGreaterThanOrEqual(4);
    for (const c of round.circles) {
      expect(c.members.length).toBeGreaterThanOrEqual(4);
      expect(c.members.length).toBeLessThanOrEqual(6);
    }
    const attendee = await db.user.findUniqueOrThrow({ where: { email: "attendee@demo.dropin.test" } });
    const mine = round.circles.find((c) => c.members.some((m) => m.userId === attendee.id))!;
    const page = await readCircle(attendee.id, "demo", mine.id);
    expect(page.posts.length).toBeGreaterThan(0);
    expect(page.circle.nextMeetingOn).not.toBeNull();
  },
);
