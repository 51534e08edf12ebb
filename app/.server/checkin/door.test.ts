import { describe, expect, test } from "vitest";
import { addMember, createAttendee, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { checkInByToken, checkInByUser, clockTime, registerWalkIn, searchRoster, syncQueued } from "./door";

async function setup() {
  const event = await createEvent();
  const volunteer = await createUser();
  await addMember(event.id, volunteer.id, "coordinator");
  return { event, volunteer };
}

describe("door check-in", () => {
  test("a badge scan checks in once; a second scan reports the first time in the event's zone", async () => {
    const { event, volunteer } = await setup();
    const { user, token } = await createAttendee(event.id);
    const first = await checkInByToken(volunteer.id, event.id, token, { at: new Date("2027-03-12T13:52:00Z") });
    expect(first).toMatchObject({ status: "checked_in", userId: user.id });
    const again = await checkInByToken(volunteer.id, event.id, token, { at: new Date("2027-03-12T14:10:00Z") });
    expect(again.status).toBe("already");
    expect(again.status === "already" && clockTime(again.checkedInAt, event.timeZone)).toBe("7:52 AM");
    expect(await db.doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
  });

  test("a token of another PD day, or none at all, is unknown here", async () => {
    const { event, volunteer } = await setup();
    const other = await createEvent();
    const { token } = await createAttendee(other.id);
    expect(await checkInByToken(volunteer.id, event.id, token)).toEqual({ status: "unknown" });
    expect(await checkInByToken(volunteer.id, event.id, "made-up-token")).toEqual({ status: "unknown" });
    expect(await db.doorCheckIn.count()).toBe(0);
  });

  test("a coordinator of event A cannot check people into event B, and attendees cannot run the kiosk", async () => {
    const { event: a, volunteer } = await setup();
    const b = await createEvent();
    const { user, token } = await createAttendee(b.id);
    await expect(checkInByToken(volunteer.id, b.id, token)).rejects.toThrow("coordinators");
    await expect(checkInByUser(volunteer.id, b.id, user.id)).rejects.toThrow("coordinators");
    const { user: attendee, token: own } = await createAttendee(a.id);
    await expect(checkInByToken(attendee.id, a.id, own)).rejects.toThrow("coordinators");
    await expect(
      syncQueued(attendee.id, a.id, [{ clientId: "c1", token: own, scannedAt: new Date().toISOString() }]),
    ).rejects.toThrow("coordinators");
    expect(await db.doorCheckIn.count()).toBe(0);
  });

  test("search by name or school, then check in; walk-ins are registered and checked in at once", async () => {
    const { event, volunteer } = await setup();
    const { user } = await createAttendee(event.id, { name: "Keisha Reyes", school: "Roosevelt Middle" });
    expect((await searchRoster(volunteer.id, event.id, "keisha")).map((p) => p.id)).toEqual([user.id]);
    expect((await searchRoster(volunteer.id, event.id, "Roosevelt")).map((p) => p.id)).toContain(user.id);
    expect(await checkInByUser(volunteer.id, event.id, user.id)).toMatchObject({ status: "checked_in" });
    expect((await searchRoster(volunteer.id, event.id, "keisha"))[0]!.checkedInAt).toBeInstanceOf(Date);
    const walkIn = await registerWalkIn(volunteer.id, event.id, {
      name: "Walt Inn",
      email: "walt@springfield.k12.us",
      school: "",
      staffId: "",
    });
    expect(walkIn.status).toBe("checked_in");
    expect(await db.doorCheckIn.findFirst({ where: { eventId: event.id, source: "walk_in" } })).not.toBeNull();
  });
});

describe("offline sync", () => {
  test("repeated uploads apply each scan exactly once", async () => {
    const { event, volunteer } = await setup();
    const people = await Promise.all([1, 2, 3].map(() => createAttendee(event.id)));
    const scans = people.map((p, i) => ({
      clientId: `kiosk-1-${i}`,
      token: p.token,
      scannedAt: `2027-03-12T14:0${i}:00Z`,
    }));
    const first = await syncQueued(volunteer.id, event.id, scans);
    expect(first.map((s) => s.result.status)).toEqual(["checked_in", "checked_in", "checked_in"]);
    const second = await syncQueued(volunteer.id, event.id, scans);
    expect(second.map((s) => s.result.status)).toEqual(["checked_in", "checked_in", "checked_in"]);
    await syncQueued(volunteer.id, event.id, [...scans, ...scans]);
    expect(await db.doorCheckIn.count({ where: { eventId: event.id } })).toBe(3);
  });

  test("out-of-order uploads from two kiosks keep the earliest arrival", async () => {
    const { event, volunteer } = await setup();
    const { user, token } = await createAttendee(event.id);
    await syncQueued(volunteer.id, event.id, [{ clientId: "late", token, scannedAt: "2027-03-12T14:30:00Z" }]);
    await syncQueued(volunteer.id, event.id, [{ clientId: "early", token, scannedAt: "2027-03-12T14:05:00Z" }]);
    await syncQueued(volunteer.id, event.id, [{ clientId: "late", token, scannedAt: "2027-03-12T14:30:00Z" }]);
    const rows = await db.doorCheckIn.findMany({ where: { eventId: event.id, userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.checkedInAt.toISOString()).toBe("2027-03-12T14:05:00.000Z");
  });

  test("one upload holding the same person twice, newest first, counts once at the earlier time", async () => {
    const { event, volunteer } = await setup();
    const { token } = await createAttendee(event.id);
    const results = await syncQueued(volunteer.id, event.id, [
      { clientId: "b", token, scannedAt: "2027-03-12T14:20:00Z" },
      { clientId: "a", token, scannedAt: "2027-03-12T14:10:00Z" },
    ]);
    expect(results.map((r) => [r.clientId, r.result.status])).toEqual([
      ["b", "already"],
      ["a", "checked_in"],
    ]);
    const row = await db.doorCheckIn.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row.checkedInAt.toISOString()).toBe("2027-03-12T14:10:00.000Z");
  });
});
