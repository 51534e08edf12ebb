import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { conflictsForEvent } from "../schedule/conflicts";
import { frabSchedule } from "../schedule/exports/frab";
import { scheduleCalendar } from "../schedule/exports/ics";
import { frabValidator, hasFrabSchema, parseIcs } from "../../../tests/support/schedule-validators";
import { latestPublished } from "../schedule/publish";
import { seedDemo } from "./demo-day";
import { seedDemoGrid } from "./demo-grid";

describe("seedDemoGrid", () => {
  it("publishes v1 of a full grid whose schedule.json validates and whose .ics parses", async () => {
    const event = await seedDemo();
    const version = await seedDemoGrid(event.id);

    expect(version.number).toBe(1);
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@demo.dropin.test" } });
    expect(version.publishedById).toBe(coordinator.id);
    const placeable = await db.proposal.count({
      where: { eventId: event.id, state: { in: ["accepted", "confirmed"] } },
    });
    const { sessions } = version.snapshot;
    // Every accepted/confirmed proposal is on the grid, plus two repeats.
    expect(new Set(sessions.map((s) => s.proposalId)).size).toBe(placeable);
    expect(sessions).toHaveLength(placeable + 2);
    // Seeding does not flood the outbox with "your sessions" mail.
    expect(await db.outboxMessage.count({ where: { eventId: event.id } })).toBe(1);
    const clashes = (await conflictsForEvent(event.id)).filter((c) => c.kind.endsWith("double_booked"));
    expect(clashes).toEqual([]);

    const latest = await latestPublished(event.id);
    if (hasFrabSchema) {
      const validate = frabValidator();
      const doc = frabSchedule(latest!.snapshot, latest!.number);
      expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }

    const calendar = parseIcs(scheduleCalendar(latest!.snapshot, { publishedAt: latest!.publishedAt }));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(sessions.length);
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("America/Chicago");
  });
});
