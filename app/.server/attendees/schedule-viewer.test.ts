import { describe, expect, test } from "vitest";
import { getEnv } from "~/utils/env.server";
import { createAttendee, createPublishedDay, createUser } from "../../../tests/factories";
import { sessionCookie } from "../../../tests/support/session-cookie";
import { createSession } from "../accounts/sessions";
import { createKioskLink, openKioskLink } from "../events/kiosk-links";
import { pickSession, unpickSession } from "./picks";
import { mayGetStoredPage, myPicksAnswer, sharedViewerOf } from "./schedule-viewer";

async function cookieOf(userId: string, expiresAt?: Date) {
  const session = await createSession(userId, expiresAt);
  return sessionCookie(session.id, getEnv().SESSION_SECRET);
}

describe("the signed-in schedule's stored render", () => {
  test("is shared by viewers who may do the same things, and never chosen by a name or a pick", async () => {
    const day = await createPublishedDay();
    const ann = await createAttendee(day.event.id);
    const ben = await createAttendee(day.event.id);
    await pickSession(ann.user.id, day.event.slug, { placementId: day.a1.id, clientId: "ann-pick-0001" });

    const forAnn = await sharedViewerOf(await cookieOf(ann.user.id), day.event.slug);
    const forBen = await sharedViewerOf(await cookieOf(ben.user.id), day.event.slug);
    expect(forAnn).toEqual({
      key: "member:/events",
      viewer: { canPick: true, nav: { home: "/events", links: [{ to: "/events", label: "PD days" }] } },
      member: true,
    });
    expect(forBen).toEqual(forAnn);
    // Nothing of either person is in what the render is made from.
    expect(JSON.stringify(forAnn)).not.toMatch(new RegExp(`${ann.user.id}|${ann.user.name}|ann-pick`));
  });

  test("has other kinds for other header links and for people who cannot pick", async () => {
    const day = await createPublishedDay();
    const outsider = await createUser();
    const presenter = await sharedViewerOf(await cookieOf(day.presenter.id), day.event.slug);
    const coordinator = await sharedViewerOf(await cookieOf(day.coordinator.id), day.event.slug);
    const stranger = await sharedViewerOf(await cookieOf(outsider.id), day.event.slug);
    expect(presenter?.key).toBe("member:/events,/proposals");
    expect(coordinator?.key).toBe("member:/events,/outbox");
    expect(stranger?.key).toBe("viewer:/events");
    expect(stranger?.viewer.canPick).toBe(false);
  });

  test("of the credit page is for the day's members only; a district coordinator from outside gets their own render", async () => {
    const day = await createPublishedDay();
    const ann = await createAttendee(day.event.id);
    const district = await createUser({ districtCoordinator: true });
    const outsider = await createUser();
    const forAnn = (await sharedViewerOf(await cookieOf(ann.user.id), day.event.slug))!;
    const forDistrict = (await sharedViewerOf(await cookieOf(district.id), day.event.slug))!;
    const forOutsider = (await sharedViewerOf(await cookieOf(outsider.id), day.event.slug))!;
    expect(["credit", "my-day", "schedule"].map((page) => mayGetStoredPage(forAnn, page))).toEqual([true, true, true]);
    // getMyCredit refuses them (403); My day and picking are open to district coordinators.
    expect(["credit", "my-day", "schedule"].map((page) => mayGetStoredPage(forDistrict, page))).toEqual([
      false,
      true,
      true,
    ]);
    expect(["credit", "my-day", "schedule"].map((page) => mayGetStoredPage(forOutsider, page))).toEqual([
      false,
      false,
      true,
    ]);
  });

  test("is not used without a valid session, for a kiosk device, or for a PD day that does not exist", async () => {
    const day = await createPublishedDay();
    const ann = await createAttendee(day.event.id);
    expect(await sharedViewerOf(null, day.event.slug)).toBeNull();
    expect(await sharedViewerOf("__dropin_session=forged.value", day.event.slug)).toBeNull();
    expect(await sharedViewerOf(await cookieOf(ann.user.id, new Date(Date.now() - 1000)), day.event.slug)).toBeNull();
    expect(await sharedViewerOf(await cookieOf(ann.user.id), "no-such-day")).toBeNull();

    const before = new Date("2027-03-01T12:00:00Z");
    const link = await createKioskLink(day.coordinator.id, day.event.id, "Front door", before);
    const device = await openKioskLink(link.path.split("/").pop()!, before);
    expect(await sharedViewerOf(await cookieOf(device.deviceId, device.expiresAt), day.event.slug)).toBeNull();
  });
});

describe("GET /e/<slug>/my-picks", () => {
  test("answers each person with their own picks only, undone ones gone", async () => {
    const day = await createPublishedDay();
    const ann = await createAttendee(day.event.id);
    const ben = await createAttendee(day.event.id);
    await pickSession(ann.user.id, day.event.slug, { placementId: day.a1.id, clientId: "ann-pick-0001" });
    await pickSession(ann.user.id, day.event.slug, { placementId: day.a2.id, clientId: "ann-pick-0002" });
    await pickSession(ben.user.id, day.event.slug, { placementId: day.b1.id, clientId: "ben-pick-0001" });
    await unpickSession(ann.user.id, day.event.slug, { placementId: day.a2.id, clientId: "ann-pick-0002" });

    expect(await myPicksAnswer(await cookieOf(ann.user.id), day.event.slug)).toEqual({
      status: 200,
      body: { canPick: true, picks: { [day.a1.id]: "ann-pick-0001" } },
    });
    expect(await myPicksAnswer(await cookieOf(ben.user.id), day.event.slug)).toEqual({
      status: 200,
      body: { canPick: true, picks: { [day.b1.id]: "ben-pick-0001" } },
    });
  });

  test("tells visitors to sign in, outsiders they cannot pick, and a made-up PD day that it does not exist", async () => {
    const day = await createPublishedDay();
    const outsider = await createUser();
    const otherDay = await createPublishedDay();
    const ann = await createAttendee(otherDay.event.id);
    await pickSession(ann.user.id, otherDay.event.slug, { placementId: otherDay.a1.id, clientId: "ann-pick-0001" });

    expect((await myPicksAnswer(null, day.event.slug)).status).toBe(401);
    expect((await myPicksAnswer(await cookieOf(outsider.id), "no-such-day")).status).toBe(404);
    // Ann's picks on her own PD day are not this one's.
    expect(await myPicksAnswer(await cookieOf(ann.user.id), day.event.slug)).toEqual({
      status: 200,
      body: { canPick: false, picks: {} },
    });
  });
});
