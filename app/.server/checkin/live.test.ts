import { expect, test } from "vitest";
import { createAttendee, createPublishedDay } from "tests/factories";
import { db } from "~/utils/db.server";
import { arrivalBuckets, getLiveView } from "./live";
import { checkIntoRoom } from "./rooms";

test("arrivals are counted per 15 minutes on the PD day's clock", () => {
  const times = ["13:50", "13:59", "14:00", "14:14", "14:31"].map((t) => new Date(`2027-03-12T${t}:00Z`));
  expect(arrivalBuckets(times, "America/Chicago")).toEqual([
    { label: "07:45", count: 2, early: false },
    { label: "08:00", count: 2, early: false },
    { label: "08:30", count: 1, early: false },
  ]);
});

test("check-ins before the doors opened are counted apart, first, labelled with their day", () => {
  // Doors open at 7:00 in Chicago on Friday 12 March; one person was checked in the evening before.
  const opensAt = new Date("2027-03-12T13:00:00Z");
  const times = [
    "2027-03-11T23:05:00Z",
    "2027-03-12T12:50:00Z",
    "2027-03-12T12:55:00Z",
    "2027-03-12T13:00:00Z",
    "2027-03-12T13:10:00Z",
  ].map((t) => new Date(t));
  expect(arrivalBuckets(times, "America/Chicago", opensAt)).toEqual([
    { label: "Thu 11 Mar 17:00", count: 1, early: true },
    { label: "Fri 12 Mar 06:45", count: 2, early: true },
    { label: "07:00", count: 2, early: false },
  ]);
});

test("the live view says how many came in early, when the doors opened, and that they are not in drawings", async () => {
  const day = await createPublishedDay();
  await db.event.update({ where: { id: day.event.id }, data: { doorsOpenAt: "2027-03-12T07:00", earlyCheckIn: true } });
  const people = await Promise.all([1, 2, 3].map(() => createAttendee(day.event.id)));
  const at = ["2027-03-12T12:40:00Z", "2027-03-12T13:05:00Z", "2027-03-12T13:20:00Z"];
  for (const [i, { user }] of people.entries())
    await db.doorCheckIn.create({ data: { eventId: day.event.id, userId: user.id, checkedInAt: new Date(at[i]!) } });
  const live = await getLiveView(day.coordinator.id, day.event.id, new Date("2027-03-12T15:20:00Z"));
  expect(live.checkedIn).toBe(3);
  expect(live.early).toEqual({ count: 1, doorsOpened: "Friday, March 12 at 7:00 AM" });
  expect(live.buckets.filter((b) => b.early)).toEqual([{ label: "Fri 12 Mar 06:30", count: 1, early: true }]);
  // Without early check-ins there is nothing to mark.
  await db.doorCheckIn.deleteMany({ where: { eventId: day.event.id, checkedInAt: new Date(at[0]!) } });
  expect((await getLiveView(day.coordinator.id, day.event.id, new Date("2027-03-12T15:20:00Z"))).early).toBeNull();
});

test("room fill counts the people in each room now, moves included, against capacity", async () => {
  const day = await createPublishedDay();
  const now = new Date("2027-03-12T15:20:00Z");
  const people = await Promise.all([1, 2, 3].map(() => createAttendee(day.event.id)));
  for (const { user } of people)
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, new Date("2027-03-12T15:05:00Z"));
  await checkIntoRoom(people[0]!.user.id, day.event.id, day.roomB.id, new Date("2027-03-12T15:10:00Z"));
  const live = await getLiveView(day.coordinator.id, day.event.id, now);
  expect(live.block?.label).toBe("Block 1");
  expect(live.rooms.map((r) => [r.name, r.present, r.capacity])).toEqual([
    ["Room A", 2, 2],
    ["Room B", 1, 30],
  ]);
  await expect(getLiveView(people[0]!.user.id, day.event.id, now)).rejects.toThrow("coordinators");
});

test("a full room suggests sessions with seats in the same block", async () => {
  const day = await createPublishedDay();
  const now = new Date("2027-03-12T15:20:00Z");
  const { roomsWithSpace } = await import("./rooms");
  const [a, b] = await Promise.all([createAttendee(day.event.id), createAttendee(day.event.id)]);
  expect(await roomsWithSpace(day.event.id, day.roomA.id, now)).toBeNull();
  await checkIntoRoom(a.user.id, day.event.id, day.roomA.id, new Date("2027-03-12T15:05:00Z"));
  await checkIntoRoom(b.user.id, day.event.id, day.roomA.id, new Date("2027-03-12T15:06:00Z"));
  expect(await roomsWithSpace(day.event.id, day.roomA.id, now)).toEqual([
    expect.objectContaining({ title: "Schoology rubrics", roomName: "Room B", seatsLeft: 30 }),
  ]);
});
