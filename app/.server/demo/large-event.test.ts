import { expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { latestPublished } from "../schedule/publish";
import { seedLargeEvent } from "./large-event";

// `npm run seed:large` scaled down: the same code path, in seconds.
test("seeds a published day with skewed interest and one door check-in per person at most", async () => {
  const size = { attendees: 200, sessions: 30, rooms: 6, blocks: 6, picks: 2000, checkIns: 320 };
  const { eventId, counts } = await seedLargeEvent(size);
  expect(counts).toEqual({
    attendees: 200,
    sessions: 30,
    rooms: 6,
    blocks: 6,
    picks: 2000,
    doorCheckIns: 184,
    roomCheckIns: 136,
  });

  const version = await latestPublished(eventId);
  expect(version?.snapshot.sessions).toHaveLength(30);
  expect(await db.membership.count({ where: { eventId, role: "attendee", badgeToken: { not: null } } })).toBe(200);
  expect(await db.doorCheckIn.count({ where: { eventId } })).toBe(184);

  // Realistic, not uniform: the most-picked session draws several times the median.
  const perSession = await db.pick.groupBy({ by: ["placementId"], where: { eventId }, _count: { _all: true } });
  const sorted = perSession.map((p) => p._count._all).sort((a, b) => b - a);
  expect(sorted[0]!).toBeGreaterThan(3 * sorted[Math.floor(sorted.length / 2)]!);

  // Seeding again replaces the day rather than doubling it.
  await seedLargeEvent(size);
  expect(await db.event.count({ where: { slug: "large" } })).toBe(1);
  expect(await db.user.count({ where: { email: { endsWith: "@large.dropin.test" } } })).toBe(1 + 27 + 200);
}, 30_000);
