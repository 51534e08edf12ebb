import { describe, expect, it } from "vitest";
import { addMember, createPublishedDay, createUser } from "tests/factories";
import { rowsRead } from "tests/support/rows-read";
import { db } from "~/utils/db.server";
import { getMyDay, getMyDayFeed, pickSession } from "../attendees/picks";
import { issueCertificate, verifyCertificate } from "../credit/verify";
import { currentFeedLink, ensureFeedLink, findFeedLink, resetFeedLink } from "./feed-links";
import { getPresenterSchedule, myPresenterFeeds, resetPresenterFeed } from "./public-schedule";

describe("private feed links", () => {
  it("are per person, per PD day and per kind; stable until reset", async () => {
    const a = await createPublishedDay();
    const b = await createPublishedDay();
    const maria = a.presenter;
    const inA = await ensureFeedLink(maria.id, a.event.id, "presenter");
    expect(inA).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(await ensureFeedLink(maria.id, a.event.id, "presenter")).toBe(inA);
    // The same presenter on another PD day has another link (it used to be one signature for every day).
    await addMember(b.event.id, maria.id, "presenter");
    expect(await ensureFeedLink(maria.id, b.event.id, "presenter")).not.toBe(inA);
    expect(await ensureFeedLink(maria.id, a.event.id, "my-day")).not.toBe(inA);
    expect(await findFeedLink(inA, "presenter")).toEqual({ userId: maria.id, eventId: a.event.id });
    // Another kind's link is not this kind's.
    expect(await findFeedLink(inA, "my-day")).toBeNull();
    expect(inA).not.toContain(maria.id);
  });

  it("a link made up, tampered with or rebuilt from the database alone finds no one", async () => {
    const day = await createPublishedDay();
    const token = await ensureFeedLink(day.presenter.id, day.event.id, "presenter");
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await findFeedLink(tampered, "presenter")).toBeNull();
    // What a leaked database holds (the lookup half) does not make a link without the server's secret.
    const { lookup } = await db.feedLink.findUniqueOrThrow({
      where: { eventId_userId_kind: { eventId: day.event.id, userId: day.presenter.id, kind: "presenter" } },
    });
    expect(await findFeedLink(lookup + "A".repeat(22), "presenter")).toBeNull();
    for (const junk of ["", "x", "A".repeat(44), `${token}A`]) expect(await findFeedLink(junk, "presenter")).toBeNull();
  });

  it("a presenter resets their own link from My proposals: the old feed and print page answer 404", async () => {
    const day = await createPublishedDay();
    // Published without mail (the factory): no link yet, and showing the page makes none.
    expect((await myPresenterFeeds(day.presenter.id)).map((f) => [f.event.slug, f.token])).toEqual([
      [day.event.slug, null],
    ]);
    expect(await currentFeedLink(day.presenter.id, day.event.id, "presenter")).toBeNull();
    const old = (await resetPresenterFeed(day.presenter.id, day.event.id)).token;
    expect((await myPresenterFeeds(day.presenter.id))[0]!.token).toBe(old);
    expect((await getPresenterSchedule(day.event.slug, old)).userId).toBe(day.presenter.id);
    const fresh = (await resetPresenterFeed(day.presenter.id, day.event.id)).token;
    expect((await getPresenterSchedule(day.event.slug, fresh)).userId).toBe(day.presenter.id);
    await expect(getPresenterSchedule(day.event.slug, old)).rejects.toThrow(/does not match a presenter/);
    expect((await myPresenterFeeds(day.presenter.id))[0]!.token).toBe(fresh);
    // Someone who does not present there has nothing to reset, and no feed listed.
    const attendee = await createUser();
    await addMember(day.event.id, attendee.id, "attendee");
    await expect(resetPresenterFeed(attendee.id, day.event.id)).rejects.toThrow(/do not present/);
    expect(await myPresenterFeeds(attendee.id)).toEqual([]);
  });

  it("a presenter's link for one PD day does not open another day's page", async () => {
    const a = await createPublishedDay();
    const b = await createPublishedDay();
    const token = await ensureFeedLink(a.presenter.id, a.event.id, "presenter");
    await expect(getPresenterSchedule(b.event.slug, token)).rejects.toThrow(/does not match a presenter/);
  });
});

/** A published day with `people` attendees on its list, every one of them with a pick and a stored certificate code. */
async function dayOf(people: number) {
  const day = await createPublishedDay();
  const stamp = `${people}-${Date.now().toString(36)}`;
  const users = Array.from({ length: people }, (_, i) => ({
    id: `u-${stamp}-${i}`,
    email: `t${i}.${stamp}@springfield.k12.test`,
    name: `Teacher ${i}`,
  }));
  await db.user.createMany({ data: users });
  await db.membership.createMany({
    data: users.map((u) => ({ eventId: day.event.id, userId: u.id, role: "attendee" })),
  });
  await db.pick.createMany({
    data: users.map((u, i) => ({
      eventId: day.event.id,
      userId: u.id,
      placementId: day.a1.id,
      proposalId: "p",
      clientId: `c-${stamp}-${i}`,
    })),
  });
  const someone = users[0]!.id;
  await pickSession(someone, day.event.slug, { placementId: day.b1.id, clientId: `c-${stamp}-b1` });
  return { ...day, someone };
}

describe("a bad link or code costs the same on a day of 3,000 as on a day of 30", () => {
  it(
    "my-day feeds, presenter feeds and certificate codes are one indexed lookup, not a pass over the roster",
    { timeout: 60_000 },
    async () => {
      const small = await dayOf(30);
      const big = await dayOf(3000);
      const figures: Record<string, { small: number; big: number }> = {};
      for (const [name, lookup] of Object.entries({
        "my-day feed, made-up link": (day: typeof small) => getMyDayFeed(day.event.slug, "A".repeat(44)),
        "my-day feed, a link since reset": async (day: typeof small) => {
          const old = (await resetFeedLink(day.someone, day.event.id, "my-day")).token;
          await resetFeedLink(day.someone, day.event.id, "my-day");
          return () => getMyDayFeed(day.event.slug, old);
        },
        "presenter feed, made-up link": (day: typeof small) => getPresenterSchedule(day.event.slug, "A".repeat(44)),
        "certificate, made-up code": () => verifyCertificate("ABCDEFGHJK"),
      })) {
        const measure = async (day: typeof small) => {
          const prepared = await lookup(day).catch(() => undefined);
          const run = typeof prepared === "function" ? (prepared as () => Promise<unknown>) : () => lookup(day);
          await run().catch(() => undefined); // warm the published-version cache, as a running server has it
          return rowsRead(run);
        };
        figures[name] = { small: await measure(small), big: await measure(big) };
      }
      console.info("rows read for one bad link or code (30 people / 3,000 people):", figures);
      for (const [name, { small: few, big: many }] of Object.entries(figures)) {
        expect(many, name).toBe(few);
        expect(many, name).toBeLessThanOrEqual(3);
      }
      // And the right link still finds its person among the 3,000.
      const token = (await getMyDay(big.someone, big.event.slug)).feedToken!;
      expect((await getMyDayFeed(big.event.slug, token)).sessions.map((s) => s.placementId).sort()).toEqual(
        [big.a1.id, big.b1.id].sort(),
      );
      const code = await issueCertificate(big.someone, big.event.id);
      expect(await verifyCertificate(code)).toMatchObject({ name: "Teacher 0" });
    },
  );
});
