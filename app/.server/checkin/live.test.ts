import { expect, test } from "vitest";
import { createAttendee, createPublishedDay } from "tests/factories";
import { arrivalBuckets, getLiveView } from "./live";
import { checkIntoRoom } from "./rooms";

test("arrivals are counted per 15 minutes on the PD day's clock", () => {
  const times = ["13:50", "13:59", "14:00", "14:14", "14:31"].map((t) => new Date(`2027-03-12T${t}:00Z`));
  expect(arrivalBuckets(times, "America/Chicago")).toEqual([
    { label: "07:45", count: 2 },
    { label: "08:00", count: 2 },
    { label: "08:30", count: 1 },
  ]);
});

test("room fill counts the people in each room now, moves included, against capacity", async () => {
  const day = await createPublishedDay();
  const now = new Date("2027-03-12T15:20:00Z");
  const people = await Promise.all([1, 2, 3].map(() => createAttendee(day.event.id)));
  for (const { user } of people) await checkIntoRoom(user.id, day.event.id, day.roomA.id, new Date("2027-03-12T15:05:00Z"));
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
