import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  createAttendee,
  createPublishedDay,
  createPublishedDayWithCoPresenter,
  createUser,
} from "../../../tests/factories";
import { sessionCookie } from "../../../tests/support/session-cookie";
import { createSession } from "../accounts/sessions";
import { removeCoPresenter } from "../proposals/co-presenters";
import { mineAnswer } from "./personal-parts";
import { pickSession } from "./picks";
import { attendeePageStamp } from "./public-page-stamp";

async function cookieOf(userId: string) {
  const session = await createSession(userId);
  return sessionCookie(session.id, getEnv().SESSION_SECRET);
}

type Day = { day: Array<{ session: { placementId: string } }>; picks: Record<string, string> };

describe("GET /e/<slug>/mine/… (the per-person part of a stored attendee page)", () => {
  test("answers each person with their own day, never someone else's", async () => {
    const day = await createPublishedDay();
    const ann = await createAttendee(day.event.id);
    const ben = await createAttendee(day.event.id);
    await pickSession(ann.user.id, day.event.slug, { placementId: day.a1.id, clientId: "ann-pick-0001" });
    await pickSession(ben.user.id, day.event.slug, { placementId: day.a2.id, clientId: "ben-pick-0001" });

    const forAnn = await mineAnswer(await cookieOf(ann.user.id), day.event.slug, "my-day", "");
    const forBen = await mineAnswer(await cookieOf(ben.user.id), day.event.slug, "my-day", "");
    expect(forAnn.status).toBe(200);
    expect((forAnn.body as Day).day.map((d) => d.session.placementId)).toEqual([day.a1.id]);
    expect((forAnn.body as Day).picks).toEqual({ [day.a1.id]: "ann-pick-0001" });
    expect((forBen.body as Day).day.map((d) => d.session.placementId)).toEqual([day.a2.id]);
    expect(JSON.stringify(forBen.body)).not.toContain("ann-pick");
  });

  test("says who presents a session and what they present in a room, from the cookie's person only", async () => {
    const day = await createPublishedDay();
    const ann = await createAttendee(day.event.id);
    const presenterCookie = await cookieOf(day.presenter.id);
    const annCookie = await cookieOf(ann.user.id);
    expect((await mineAnswer(presenterCookie, day.event.slug, "session", day.a1.id)).body).toMatchObject({
      isPresenter: true,
    });
    expect((await mineAnswer(annCookie, day.event.slug, "session", day.a1.id)).body).toMatchObject({
      isPresenter: false,
    });
    const room = await mineAnswer(presenterCookie, day.event.slug, "room", day.roomA.id);
    expect(room.body).toMatchObject({
      canCheckIn: true,
      presenting: [{ placementId: day.a1.id }, { placementId: day.a2.id }],
    });
    expect((await mineAnswer(annCookie, day.event.slug, "room", day.roomA.id)).body).toMatchObject({
      canCheckIn: true,
      presenting: [],
    });
  });

  test("refuses the signed-out, and outsiders get the pages' own refusals", async () => {
    const day = await createPublishedDay();
    const outsider = await createUser();
    const cookie = await cookieOf(outsider.id);
    expect((await mineAnswer(null, day.event.slug, "my-day", "")).status).toBe(401);
    expect((await mineAnswer("__dropin_session=forged.value", day.event.slug, "credit", "")).status).toBe(401);
    expect((await mineAnswer(cookie, day.event.slug, "my-day", "")).status).toBe(403);
    expect((await mineAnswer(cookie, day.event.slug, "credit", "")).status).toBe(403);
    expect((await mineAnswer(cookie, day.event.slug, "session", "no-such-placement")).status).toBe(404);
    expect((await mineAnswer(cookie, day.event.slug, "room", day.roomA.id)).body).toMatchObject({ canCheckIn: false });
    expect((await mineAnswer(cookie, day.event.slug, "nothing", "")).status).toBe(404);
  });

  test("credit: each member's own hours and door check-in", async () => {
    const day = await createPublishedDay();
    const ann = await createAttendee(day.event.id);
    const ben = await createAttendee(day.event.id);
    await db.doorCheckIn.create({ data: { eventId: day.event.id, userId: ann.user.id, checkedInAt: new Date() } });
    const forAnn = await mineAnswer(await cookieOf(ann.user.id), day.event.slug, "credit", "");
    const forBen = await mineAnswer(await cookieOf(ben.user.id), day.event.slug, "credit", "");
    expect(forAnn.body).toMatchObject({ total: 0, doorCheckIn: expect.any(String) });
    expect(forBen.body).toMatchObject({ total: 0, doorCheckIn: null });
  });
});

describe("a stored session page's stamp", () => {
  test("changes when its presenter adds or removes a handout, and not for another session's", async () => {
    const day = await createPublishedDay();
    const noon = new Date("2027-03-01T12:00:00Z");
    const before = attendeePageStamp(day.event.slug, "session", day.a1.id, noon);
    const other = attendeePageStamp(day.event.slug, "session", day.b1.id, noon);
    const resource = await db.proposalResource.create({
      data: { proposalId: day.a1.proposalId, label: "Slides", url: "https://example.test/s" },
    });
    const added = attendeePageStamp(day.event.slug, "session", day.a1.id, noon);
    expect(added).not.toBe(before);
    expect(attendeePageStamp(day.event.slug, "session", day.b1.id, noon)).toBe(other);
    await db.proposalResource.delete({ where: { id: resource.id } });
    expect(attendeePageStamp(day.event.slug, "session", day.a1.id, noon)).toBe(before);
    // Other pages follow the schedule's stamp only.
    expect(attendeePageStamp(day.event.slug, "room", day.roomA.id, noon)).toBe(
      attendeePageStamp(day.event.slug, "schedule", "", noon),
    );
  });
});

// Attack: the lead removes a co-presenter after publishing. The published schedule
// still lists them until the next publish, but their presenter links (attendance)
// answer 403 now, so the pages must not offer them either.
describe("a co-presenter removed after publishing", () => {
  test("is no longer told they present the session or shown its attendance link in the room", async () => {
    const { co, row, ...day } = await createPublishedDayWithCoPresenter();
    const cookie = await cookieOf(co.id);
    expect((await mineAnswer(cookie, day.event.slug, "session", day.a1.id)).body).toMatchObject({ isPresenter: true });
    expect((await mineAnswer(cookie, day.event.slug, "room", day.roomA.id)).body).toMatchObject({
      presenting: [{ placementId: day.a1.id }],
    });

    await removeCoPresenter(day.presenter.id, day.a1.proposalId, row.id);
    expect((await mineAnswer(cookie, day.event.slug, "session", day.a1.id)).body).toMatchObject({ isPresenter: false });
    expect((await mineAnswer(cookie, day.event.slug, "room", day.roomA.id)).body).toMatchObject({ presenting: [] });
    // The lead keeps both sessions in the room.
    const lead = await mineAnswer(await cookieOf(day.presenter.id), day.event.slug, "room", day.roomA.id);
    expect(lead.body).toMatchObject({ presenting: [{ placementId: day.a1.id }, { placementId: day.a2.id }] });
  });
});
