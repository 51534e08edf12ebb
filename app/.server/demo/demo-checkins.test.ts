import { expect, test } from "vitest";
import { createAttendee, createPublishedDay } from "tests/factories";
import { db } from "~/utils/db.server";
import { getEventCredit } from "../credit/credit";
import { seedDemoCheckIns } from "./demo-checkins";

test("demo check-ins: badges for all, ~60% at the door, visits that earn credit", async () => {
  const day = await createPublishedDay();
  for (let i = 0; i < 10; i++) await createAttendee(day.event.id);
  await db.membership.create({
    data: {
      eventId: day.event.id,
      userId: (await db.user.create({ data: { email: "nobadge@x.us", name: "No Badge" } })).id,
      role: "attendee",
    },
  });
  const result = await seedDemoCheckIns(day.event.id);
  expect(await db.membership.count({ where: { eventId: day.event.id, role: "attendee", badgeToken: null } })).toBe(0);
  expect(result.checkIns).toBe(7);
  expect(result.visits).toBeGreaterThan(0);
  const { rows } = await getEventCredit(day.coordinator.id, day.event.id);
  expect(rows.some((r) => r.kind === "attended" && r.counts)).toBe(true);
});
