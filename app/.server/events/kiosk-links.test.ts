import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createAttendee, createEvent, createUser } from "../../../tests/factories";
import { createSession, findSessionUser } from "../accounts/sessions";
import { hashToken } from "../accounts/tokens";
import { checkInByToken } from "../checkin/door";
import { getLiveView } from "../checkin/live";
import { listRoster } from "../checkin/roster";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { listPeople } from "./invitations";
import { deviceMayOpen } from "./kiosk-device";
import { createKioskLink, kioskLinkExpiry, openKioskLink, revokeKioskLink } from "./kiosk-links";

async function dayWithCoordinator() {
  // 2027-03-12 in Chicago: the link works until midnight there (06:00 UTC the next day).
  const event = await createEvent({ date: "2027-03-12", timeZone: "America/Chicago" });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

const BEFORE_THE_DAY = new Date("2027-03-01T12:00:00Z");
const tokenOf = (path: string) => path.split("/").pop()!;

describe("kiosk links", () => {
  test("expire at midnight ending the PD day, in its time zone", () => {
    expect(kioskLinkExpiry({ date: "2027-03-12", timeZone: "America/Chicago" }).toISOString()).toBe(
      "2027-03-13T06:00:00.000Z",
    );
  });

  test("the code is stored hashed; opening it gives a door-only device session that ends with the PD day", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const made = await createKioskLink(coordinator.id, event.id, "Front door iPad", BEFORE_THE_DAY);
    const token = tokenOf(made.path);
    const stored = await db.kioskLink.findUniqueOrThrow({ where: { id: made.id } });
    expect(stored.codeHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const opened = await openKioskLink(token, BEFORE_THE_DAY);
    expect(opened.expiresAt.toISOString()).toBe("2027-03-13T06:00:00.000Z");
    const session = await createSession(opened.deviceId, opened.expiresAt);
    const device = await findSessionUser(session.id);
    expect(device?.kioskSlug).toBe(event.slug);

    // The device works the door…
    const { token: badge } = await createAttendee(event.id);
    expect((await checkInByToken(opened.deviceId, event.id, badge)).status).toBe("checked_in");
    await expect(getLiveView(opened.deviceId, event.id)).resolves.toMatchObject({ checkedIn: 1 });
    // …and nothing else: not the roster, not the people page.
    await expect(listRoster(opened.deviceId, event.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(listPeople(opened.deviceId, event.id)).rejects.toBeInstanceOf(NotAllowedError);
    // Its pages: the kiosk, its sync API and the live view of this PD day.
    expect(deviceMayOpen(`/events/${event.slug}/kiosk`, event.slug)).toBe(true);
    expect(deviceMayOpen(`/events/${event.slug}/live`, event.slug)).toBe(true);
    expect(deviceMayOpen(`/events/${event.slug}/roster`, event.slug)).toBe(false);
    expect(deviceMayOpen(`/e/${event.slug}/my-day`, event.slug)).toBe(false);
    expect(deviceMayOpen(`/events/other/kiosk`, event.slug)).toBe(false);
    // Devices are not people: the members list leaves them out.
    expect((await listPeople(coordinator.id, event.id)).memberships.map((m) => m.role)).toEqual(
      ["coordinator", "attendee"].sort(),
    );
  });

  test("revoking signs the device out at once and the link no longer opens", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const made = await createKioskLink(coordinator.id, event.id, "Gym door", BEFORE_THE_DAY);
    const opened = await openKioskLink(tokenOf(made.path), BEFORE_THE_DAY);
    const session = await createSession(opened.deviceId, opened.expiresAt);

    await revokeKioskLink(coordinator.id, event.id, made.id);

    expect(await findSessionUser(session.id)).toBeNull();
    await expect(openKioskLink(tokenOf(made.path), BEFORE_THE_DAY)).rejects.toBeInstanceOf(NotFoundError);
    const { token: badge } = await createAttendee(event.id);
    await expect(checkInByToken(opened.deviceId, event.id, badge)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(revokeKioskLink(coordinator.id, event.id, made.id)).rejects.toBeInstanceOf(RuleError);
    const actions = (await db.auditLog.findMany({ where: { eventId: event.id } })).map((a) => a.action).sort();
    expect(actions).toEqual(["kiosk_link.created", "kiosk_link.revoked"]);
  });

  test("after the PD day the link no longer opens, and none is made for a day that is over", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const made = await createKioskLink(coordinator.id, event.id, "Library", BEFORE_THE_DAY);
    const nextMorning = new Date("2027-03-13T07:00:00Z");
    await expect(openKioskLink(tokenOf(made.path), nextMorning)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createKioskLink(coordinator.id, event.id, "Late", nextMorning)).rejects.toThrow(/PD day is over/);
  });

  test("only the PD day's coordinators make or revoke kiosk links", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const volunteer = await createUser();
    await addMember(event.id, volunteer.id, "door");
    await expect(createKioskLink(volunteer.id, event.id, "Mine", BEFORE_THE_DAY)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    const made = await createKioskLink(coordinator.id, event.id, "Front", BEFORE_THE_DAY);
    await expect(revokeKioskLink(volunteer.id, event.id, made.id)).rejects.toBeInstanceOf(NotAllowedError);
    const other = await createEvent();
    await expect(revokeKioskLink(coordinator.id, other.id, made.id)).rejects.toBeInstanceOf(NotAllowedError);
  });
});
