// Attack: a door volunteer uploads "queued" scans with whatever scannedAt they like.
// With early check-in on nothing refuses an early time, so a friend who walked in at
// noon could be recorded as there since dawn (or since last week). A queued scan
// cannot have been made before the volunteer signed in on the kiosk, nor later than now.
import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { addMember, createAttendee, createEvent, createUser } from "../../../tests/factories";
import { sessionCookie } from "../../../tests/support/session-cookie";
import { createSession } from "../accounts/sessions";
import { kioskSync } from "./kiosk-sync";

const HOUR = 60 * 60 * 1000;

async function volunteerSignedInAt(eventId: string, signedInAt: Date) {
  const volunteer = await createUser({ name: "Val Volunteer" });
  await addMember(eventId, volunteer.id, "door");
  const session = await createSession(volunteer.id);
  await db.session.update({ where: { id: session.id }, data: { createdAt: signedInAt } });
  return sessionCookie(session.id, getEnv().SESSION_SECRET);
}

function upload(cookie: string, slug: string, scans: Array<{ clientId: string; token: string; scannedAt: string }>) {
  return kioskSync({ cookie, contentType: "application/json", slug, body: JSON.stringify({ scans }) });
}

describe("queued door scans' times", () => {
  test("are never before the volunteer signed in on the kiosk, nor in the future", async () => {
    const event = await createEvent({ earlyCheckIn: true, doorsOpenAt: "2099-01-01T07:00" });
    const signedIn = new Date(Date.now() - 2 * HOUR);
    const cookie = await volunteerSignedInAt(event.id, signedIn);
    const friend = await createAttendee(event.id, { name: "Frankie Friend" });
    const later = await createAttendee(event.id, { name: "Lee Later" });
    const honest = await createAttendee(event.id, { name: "Hana Honest" });
    const honestAt = new Date(Date.now() - HOUR);

    const answer = await upload(cookie, event.slug, [
      {
        clientId: "scan-friend-0001",
        token: friend.token,
        scannedAt: new Date(Date.now() - 30 * 24 * HOUR).toISOString(),
      },
      { clientId: "scan-later-00001", token: later.token, scannedAt: new Date(Date.now() + 5 * HOUR).toISOString() },
      { clientId: "scan-honest-0001", token: honest.token, scannedAt: honestAt.toISOString() },
    ]);
    expect(answer.status).toBe(200);
    const at = async (userId: string) =>
      (await db.doorCheckIn.findUniqueOrThrow({ where: { eventId_userId: { eventId: event.id, userId } } }))
        .checkedInAt;
    expect((await at(friend.user.id)).getTime()).toBeGreaterThanOrEqual(signedIn.getTime());
    expect((await at(later.user.id)).getTime()).toBeLessThanOrEqual(Date.now());
    // A scan made while offline after the sign-in keeps its own time.
    expect((await at(honest.user.id)).getTime()).toBe(honestAt.getTime());
  });
});
