import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { interestCounts } from "../attendees/picks";
import { seedDemoAttendees } from "./demo-attendees";
import { seedDemo } from "./demo-day";
import { seedDemoGrid } from "./demo-grid";

describe("seedDemoAttendees", () => {
  it("spreads picks and feedback over published sessions, the demo attendee included", async () => {
    const event = await seedDemo();
    const version = await seedDemoGrid(event.id);
    const { picks, feedback } = await seedDemoAttendees(event.id);
    expect(picks).toBeGreaterThan(150);
    expect(feedback).toBeGreaterThan(20);
    const published = new Set(version.snapshot.sessions.map((s) => s.placementId));
    const counts = await interestCounts(event.id);
    expect([...counts.byPlacement.keys()].every((id) => published.has(id))).toBe(true);
    // Most sessions have someone interested.
    expect(counts.byPlacement.size).toBeGreaterThan(published.size / 2);
    const attendee = await db.user.findUniqueOrThrow({ where: { email: "attendee@demo.dropin.test" } });
    expect(await db.pick.count({ where: { userId: attendee.id } })).toBeGreaterThan(0);
  });
});
