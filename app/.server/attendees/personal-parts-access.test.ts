// Attack: the per-person parts are read with prepared statements now, not through the
// services' Prisma reads. Whoever could not read a part before still cannot: someone
// taken off the PD day (their rows are kept), a district coordinator from outside it,
// a kiosk device, and another person's id put in the address.
import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { addMember, createAttendee, createPublishedDay, createUser } from "../../../tests/factories";
import { sessionCookie } from "../../../tests/support/session-cookie";
import { createSession } from "../accounts/sessions";
import { checkIntoRoom } from "../checkin/rooms";
import { createKioskLink, openKioskLink } from "../events/kiosk-links";
import { removeMember } from "../events/people";
import { mineAnswer } from "./personal-parts";
import { pickSession } from "./picks";

async function cookieOf(userId: string, expiresAt?: Date) {
  const session = await createSession(userId, expiresAt);
  return sessionCookie(session.id, getEnv().SESSION_SECRET);
}

// 2027-03-12 in Chicago is CST (UTC-6): Block 1 runs 15:00–15:50Z.
const inBlock1 = new Date("2027-03-12T15:02:00Z");

async function dayWithRae() {
  const day = await createPublishedDay();
  const rae = await createUser({ name: "Rae Removed" });
  const membership = await addMember(day.event.id, rae.id, "attendee");
  await pickSession(rae.id, day.event.slug, { placementId: day.a1.id, clientId: "rae-pick-0001" });
  await checkIntoRoom(rae.id, day.event.id, day.roomA.id, inBlock1);
  await db.doorCheckIn.create({ data: { eventId: day.event.id, userId: rae.id, checkedInAt: inBlock1 } });
  return { ...day, rae, membership };
}

const parts = (day: { a1: { id: string }; roomA: { id: string } }) =>
  [
    ["session", day.a1.id],
    ["room", day.roomA.id],
    ["my-day", ""],
    ["credit", ""],
  ] as const;

describe("who may read each part of the stored attendee pages", () => {
  test("a member sees their own rows; once taken off the PD day, their kept rows are no longer theirs to read", async () => {
    const day = await dayWithRae();
    const cookie = await cookieOf(day.rae.id);
    const before = await Promise.all(parts(day).map(([page, id]) => mineAnswer(cookie, day.event.slug, page, id)));
    expect(before.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(before[1]!.body).toMatchObject({ canCheckIn: true, hereSince: "9:02 AM" });
    expect(before[2]!.body).toMatchObject({ picks: { [day.a1.id]: "rae-pick-0001" } });
    expect(before[3]!.body).toMatchObject({ total: 0.75, doorCheckIn: "9:02 AM" });

    await removeMember(day.coordinator.id, day.event.id, {
      intent: "remove-member",
      membershipId: day.membership.id,
      role: "attendee",
    });
    const [session, room, myDay, credit] = await Promise.all(
      parts(day).map(([page, id]) => mineAnswer(cookie, day.event.slug, page, id)),
    );
    expect(session).toEqual({ status: 200, body: { feedback: null, isPresenter: false } });
    expect(room!.body).toMatchObject({ canCheckIn: false, hereSince: null });
    expect(myDay!.status).toBe(403);
    expect(credit!.status).toBe(403);
    expect(JSON.stringify([myDay, credit])).not.toContain("rae-pick-0001");
  });

  test("a district coordinator from outside may open My day (empty) but has no credit or check-in here", async () => {
    const day = await dayWithRae();
    const district = await createUser({ districtCoordinator: true });
    const cookie = await cookieOf(district.id);
    const [session, room, myDay, credit] = await Promise.all(
      parts(day).map(([page, id]) => mineAnswer(cookie, day.event.slug, page, id)),
    );
    expect(session).toEqual({ status: 200, body: { feedback: null, isPresenter: false } });
    expect(room!.body).toMatchObject({ canCheckIn: false, hereSince: null, presenting: [] });
    expect(myDay).toMatchObject({ status: 200, body: { day: [], picks: {}, leave: null } });
    expect(credit!.status).toBe(403);
  });

  test("a kiosk device is nobody, and another person's id in the address still answers for the cookie's person", async () => {
    const day = await dayWithRae();
    const link = await createKioskLink(day.coordinator.id, day.event.id, "Front door", inBlock1);
    const device = await openKioskLink(link.path.split("/").pop()!, inBlock1);
    const kiosk = await cookieOf(device.deviceId, device.expiresAt);
    const answers = await Promise.all(parts(day).map(([page, id]) => mineAnswer(kiosk, day.event.slug, page, id)));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);

    const ann = await createAttendee(day.event.id);
    const annCookie = await cookieOf(ann.user.id);
    for (const page of ["my-day", "credit"]) {
      const answer = await mineAnswer(annCookie, day.event.slug, page, day.rae.id);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toMatch(/rae-pick-0001|9:02 AM|"total":0.75/);
    }
  });
});
