import { describe, expect, test } from "vitest";
import { addMember, createAttendee, createBlock, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { DEFAULT_RULES, eligiblePool, missingForUser } from "../drawings/eligibility";
import { checkInByToken, checkInByUser, registerWalkIn, syncQueued } from "./door";
import { defaultDoorsOpen, doorRule } from "./doors";

// A PD day on Friday 2027-03-12 in Chicago (CST, UTC-6), first block at 08:30:
// by default its doors open at 07:30 that morning, 13:30 UTC.
async function fridayDay(overrides: { earlyCheckIn?: boolean; doorsOpenAt?: string | null } = {}) {
  const event = await createEvent({ date: "2027-03-12", doorsOpenAt: null, ...overrides });
  await createBlock(event.id, { label: "Block 1", startTime: "08:30", endTime: "09:20" });
  const volunteer = await createUser();
  await addMember(event.id, volunteer.id, "coordinator");
  return { event, volunteer };
}

describe("when the door opens", () => {
  test("by default on the day, one hour before the first block (never before midnight)", async () => {
    expect(defaultDoorsOpen("2027-03-12", "08:30")).toBe("2027-03-12T07:30");
    expect(defaultDoorsOpen("2027-03-12", "00:20")).toBe("2027-03-12T00:00");
    const { event } = await fridayDay();
    expect(doorRule(event.id)).toMatchObject({
      opensAt: new Date("2027-03-12T13:30:00Z"),
      opensLabel: "Friday, March 12 at 7:30 AM",
    });
  });

  test("a scan before the doors open is refused with the day, and nothing is recorded", async () => {
    const { event, volunteer } = await fridayDay();
    const { user, token } = await createAttendee(event.id);
    const early = await checkInByToken(volunteer.id, event.id, token, { at: new Date("2027-03-12T13:29:00Z") });
    expect(early).toEqual({
      status: "closed",
      message:
        "Door check-in opens Friday, March 12 at 7:30 AM. To check people in before then, a coordinator can turn on “Early check-in” in the PD day's settings.",
    });
    expect(
      (await checkInByUser(volunteer.id, event.id, user.id, { at: new Date("2027-03-11T15:00:00Z") })).status,
    ).toBe("closed");
    // A walk-in registered today (long before the day) is refused before anyone is added.
    expect(
      (
        await registerWalkIn(volunteer.id, event.id, {
          name: "Walt Inn",
          email: "walt.inn@springfield.k12.us",
          school: "",
          staffId: "",
        })
      ).status,
    ).toBe("closed");
    expect(await db.user.count({ where: { email: "walt.inn@springfield.k12.us" } })).toBe(0);
    // A scan queued offline counts from when it was made, not when it was uploaded.
    const [queued] = await syncQueued(volunteer.id, event.id, [
      { clientId: "queued-early-1", token, scannedAt: "2027-03-12T13:00:00Z" },
    ]);
    expect(queued!.result.status).toBe("closed");
    expect(await db.doorCheckIn.count({ where: { eventId: event.id } })).toBe(0);
    // At 07:30 sharp the door is open.
    expect((await checkInByToken(volunteer.id, event.id, token, { at: new Date("2027-03-12T13:30:00Z") })).status).toBe(
      "checked_in",
    );
  });

  test("the coordinator's own opening time replaces the default", async () => {
    const { event, volunteer } = await fridayDay({ doorsOpenAt: "2027-03-11T16:00" });
    const { token } = await createAttendee(event.id);
    expect((await checkInByToken(volunteer.id, event.id, token, { at: new Date("2027-03-11T21:59:00Z") })).status).toBe(
      "closed",
    );
    expect((await checkInByToken(volunteer.id, event.id, token, { at: new Date("2027-03-11T22:00:00Z") })).status).toBe(
      "checked_in",
    );
  });

  test("with early check-in on, early arrivals are checked in but are not in drawings", async () => {
    const { event, volunteer } = await fridayDay({ earlyCheckIn: true });
    const early = await createAttendee(event.id);
    const onTime = await createAttendee(event.id);
    expect(
      (await checkInByToken(volunteer.id, event.id, early.token, { at: new Date("2027-03-11T22:00:00Z") })).status,
    ).toBe("checked_in");
    expect(
      (await checkInByToken(volunteer.id, event.id, onTime.token, { at: new Date("2027-03-12T14:00:00Z") })).status,
    ).toBe("checked_in");
    expect(await eligiblePool(event.id, DEFAULT_RULES)).toEqual([onTime.user.id]);
    expect(await missingForUser(event.id, [DEFAULT_RULES], early.user.id)).toEqual([
      ["Your door check-in was before the doors opened; early check-ins are not in drawings."],
    ]);
  });
});

describe("queued scans are applied once", () => {
  test("the same client id sent again (its answer was lost) makes one check-in, still reported as checked in", async () => {
    const event = await createEvent();
    const volunteer = await createUser();
    await addMember(event.id, volunteer.id, "coordinator");
    const { user, token } = await createAttendee(event.id);
    const scan = { clientId: "kiosk-scan-0001", token, scannedAt: new Date().toISOString() };
    const [first, second] = await Promise.all([
      syncQueued(volunteer.id, event.id, [scan]),
      syncQueued(volunteer.id, event.id, [scan]),
    ]);
    const later = await syncQueued(volunteer.id, event.id, [scan]);
    for (const answer of [first, second, later])
      expect(answer[0]!.result).toMatchObject({ status: "checked_in", userId: user.id });
    expect(await db.doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
  });

  test("a queued walk-in sent twice registers one person with one check-in", async () => {
    const event = await createEvent();
    const volunteer = await createUser();
    await addMember(event.id, volunteer.id, "coordinator");
    const walkIn = {
      name: "Walt Inn",
      email: "walt.inn@springfield.k12.us",
      school: "Lincoln Elementary",
      staffId: "",
    };
    const scan = { clientId: "kiosk-walk-in-0001", walkIn, scannedAt: new Date().toISOString() };
    const [first] = await syncQueued(volunteer.id, event.id, [scan]);
    const [again] = await syncQueued(volunteer.id, event.id, [{ ...scan }]);
    expect(first!.result).toMatchObject({ status: "checked_in", name: "Walt Inn" });
    expect(again!.result).toMatchObject({ status: "checked_in", name: "Walt Inn" });
    expect(await db.user.count({ where: { email: walkIn.email } })).toBe(1);
    expect(await db.doorCheckIn.findMany({ where: { eventId: event.id }, select: { source: true } })).toEqual([
      { source: "walk_in" },
    ]);
  });
});
