import { describe, expect, it } from "vitest";
import {
  addMember,
  createBlock,
  createEvent,
  createPlacement,
  createProposal,
  createRoom,
  createUser,
} from "tests/factories";
import { db } from "~/utils/db.server";
import { conflictsForEvent } from "../schedule/conflicts";
import { freezeVersion } from "../schedule/publish";
import { buildSnapshot } from "../schedule/snapshot";
import { getMyDay, getMyDayFeed, interestCounts, pickSession, resetMyDayFeed, unpickSession } from "./picks";

async function publishedDay() {
  const event = await createEvent({ status: "published" });
  const presenter = await createUser();
  const room = await createRoom(event.id, { name: "Library", capacity: 2 });
  const other = await createRoom(event.id, { name: "Room 114", capacity: 30 });
  const b1 = await createBlock(event.id, { label: "Block 1", startTime: "09:00", endTime: "09:50" });
  const b2 = await createBlock(event.id, { label: "Block 2", startTime: "10:00", endTime: "10:50" });
  const desmos = await createProposal(event.id, presenter.id, { title: "Desmos", state: "confirmed" });
  const rubrics = await createProposal(event.id, presenter.id, { title: "Rubrics", state: "confirmed" });
  const p1 = await createPlacement(event.id, desmos.id, room.id, b1.id);
  const p1again = await createPlacement(event.id, desmos.id, room.id, b2.id);
  const p2 = await createPlacement(event.id, rubrics.id, other.id, b1.id);
  await freezeVersion(event.id, null, await buildSnapshot(event.id), { notify: false });
  const attendee = await createUser();
  await addMember(event.id, attendee.id, "attendee");
  return { event, attendee, p1, p1again, p2, desmos };
}

// A two-block workshop (Block 1 + Block 2) and a one-block talk in Block 2, in other rooms.
async function overlappingDay() {
  const day = await publishedDay();
  const presenter = await createUser();
  const lab = await createRoom(day.event.id, { name: "Lab" });
  const [b1] = await db.timeBlock.findMany({ where: { eventId: day.event.id }, orderBy: { startTime: "asc" } });
  const workshop = await createProposal(day.event.id, presenter.id, {
    title: "Makerspace workshop",
    state: "confirmed",
    lengthBlocks: 2,
  });
  const long = await createPlacement(day.event.id, workshop.id, lab.id, b1!.id);
  await freezeVersion(day.event.id, null, await buildSnapshot(day.event.id), { notify: false });
  return { ...day, long };
}

describe("overlapping picks", () => {
  it("holds back a pick that overlaps one already picked, and says which", async () => {
    const { event, attendee, long, p1again } = await overlappingDay();
    await pickSession(attendee.id, event.slug, { placementId: long.id, clientId: "client-long-1" });
    const result = await pickSession(attendee.id, event.slug, { placementId: p1again.id, clientId: "client-short-1" });
    expect(result.picked).toBe(false);
    expect(result.overlapping?.map((s) => s.title)).toEqual(["Makerspace workshop"]);
    expect(await db.pick.findMany({ where: { userId: attendee.id }, select: { placementId: true } })).toEqual([
      { placementId: long.id },
    ]);
  });

  it("keeps both when asked to, and my day marks the overlap on each", async () => {
    const { event, attendee, long, p1again } = await overlappingDay();
    await pickSession(attendee.id, event.slug, { placementId: long.id, clientId: "client-long-1" });
    await pickSession(attendee.id, event.slug, {
      placementId: p1again.id,
      clientId: "client-short-1",
      overlap: "keep",
    });
    const { day } = await getMyDay(attendee.id, event.slug);
    expect(day.map((d) => [d.session.title, d.overlapsWith])).toEqual([
      ["Makerspace workshop", ["Desmos"]],
      ["Desmos", ["Makerspace workshop"]],
    ]);
  });

  it("replaces the overlapping pick, and a late replay of the replaced pick stays out", async () => {
    const { event, attendee, long, p1again } = await overlappingDay();
    await pickSession(attendee.id, event.slug, { placementId: long.id, clientId: "client-long-1" });
    await pickSession(attendee.id, event.slug, {
      placementId: p1again.id,
      clientId: "client-short-1",
      overlap: "replace",
    });
    await pickSession(attendee.id, event.slug, { placementId: long.id, clientId: "client-long-1", overlap: "keep" });
    expect(await db.pick.findMany({ where: { userId: attendee.id }, select: { placementId: true } })).toEqual([
      { placementId: p1again.id },
    ]);
  });

  it("two picks in the same block stay alternatives, not a question", async () => {
    const { event, attendee, p1, p2 } = await overlappingDay();
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-a-0001" });
    expect((await pickSession(attendee.id, event.slug, { placementId: p2.id, clientId: "client-b-0001" })).picked).toBe(
      true,
    );
  });

  it("two tabs picking overlapping sessions at once: the second one is asked, never both written unasked", async () => {
    const { event, attendee, long, p1again } = await overlappingDay();
    const results = await Promise.all([
      pickSession(attendee.id, event.slug, { placementId: long.id, clientId: "client-long-1" }),
      pickSession(attendee.id, event.slug, { placementId: p1again.id, clientId: "client-short-1" }),
    ]);
    expect(results.filter((r) => r.picked)).toHaveLength(1);
    expect(await db.pick.count({ where: { userId: attendee.id } })).toBe(1);
  });
});

describe("picks", () => {
  it("the same client id twice makes one pick", async () => {
    const { event, attendee, p1 } = await publishedDay();
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-aaaa-1" });
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-aaaa-1" });
    // A second tap from another tab with its own id still leaves one pick.
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-bbbb-2" });
    expect(await db.pick.count({ where: { userId: attendee.id } })).toBe(1);
  });

  it("an undone pick stays undone when its request is replayed late", async () => {
    const { event, attendee, p1, p2 } = await publishedDay();
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-aaaa-1" });
    await unpickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-aaaa-1" });
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-aaaa-1" });
    expect(await db.pick.count({ where: { userId: attendee.id } })).toBe(0);
    // Unpick arriving before its pick (queue replayed out of order).
    await unpickSession(attendee.id, event.slug, { placementId: p2.id, clientId: "client-cccc-3" });
    await pickSession(attendee.id, event.slug, { placementId: p2.id, clientId: "client-cccc-3" });
    expect(await db.pick.count({ where: { userId: attendee.id } })).toBe(0);
    // A fresh pick afterwards works.
    await pickSession(attendee.id, event.slug, { placementId: p2.id, clientId: "client-dddd-4" });
    expect(await db.pick.count({ where: { userId: attendee.id } })).toBe(1);
  });

  it("refuses sessions that are not published, and people outside the PD day", async () => {
    const { event, attendee, desmos } = await publishedDay();
    const room = await createRoom(event.id);
    const block = await createBlock(event.id, { startTime: "11:00", endTime: "11:50" });
    const draft = await createPlacement(event.id, desmos.id, room.id, block.id);
    await expect(
      pickSession(attendee.id, event.slug, { placementId: draft.id, clientId: "client-x-0001" }),
    ).rejects.toThrow(/not on the published schedule/);
    const outsider = await createUser();
    const { p1 } = await publishedDay();
    await expect(
      pickSession(outsider.id, event.slug, { placementId: p1.id, clientId: "client-y-0001" }),
    ).rejects.toThrow(/Join this PD day/);
  });

  it("marks a second pick in the same block as an alternative on my day", async () => {
    const { event, attendee, p1, p2, p1again } = await publishedDay();
    for (const [i, p] of [p1, p2, p1again].entries())
      await pickSession(attendee.id, event.slug, { placementId: p.id, clientId: `client-pick-${i}` });
    const { day } = await getMyDay(attendee.id, event.slug);
    expect(day.map((d) => [d.session.title, d.session.blockLabel, d.alternative])).toEqual([
      ["Desmos", "Block 1", false],
      ["Rubrics", "Block 1", true],
      ["Desmos", "Block 2", false],
    ]);
  });

  it("counts interest per placement and per proposal, and warns when picks outgrow the room", async () => {
    const { event, attendee, p1, p1again, p2 } = await publishedDay();
    const others = await Promise.all([createUser(), createUser()]);
    for (const u of others) await addMember(event.id, u.id, "attendee");
    for (const [i, u] of [attendee, ...others].entries())
      await pickSession(u.id, event.slug, { placementId: p1.id, clientId: `client-p1-${i}` });
    await pickSession(attendee.id, event.slug, { placementId: p1again.id, clientId: "client-p1again" });
    await pickSession(attendee.id, event.slug, { placementId: p2.id, clientId: "client-p2" });
    const counts = await interestCounts(event.id);
    expect(counts.byPlacement.get(p1.id)).toBe(3);
    expect(counts.byPlacement.get(p1again.id)).toBe(1);
    expect(counts.byPlacement.get(p2.id)).toBe(1);
    expect(counts.byProposal.get(p1.proposalId)).toBe(4);
    const warnings = (await conflictsForEvent(event.id))
      .filter((c) => c.kind === "room_too_small")
      .map((c) => c.message);
    expect(warnings).toEqual([expect.stringContaining("has 3 picks, but Library seats 2")]);
  });

  it("serves the private feed only for the right token", async () => {
    const { event, attendee, p1 } = await publishedDay();
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-feed-1" });
    // No address until the attendee asks for one: showing "My day" writes nothing.
    expect((await getMyDay(attendee.id, event.slug)).feedToken).toBeNull();
    const feedToken = (await resetMyDayFeed(attendee.id, event.slug)).token;
    expect((await getMyDay(attendee.id, event.slug)).feedToken).toBe(feedToken);
    const feed = await getMyDayFeed(event.slug, feedToken);
    expect(feed.sessions.map((s) => s.placementId)).toEqual([p1.id]);
    await expect(getMyDayFeed(event.slug, "not-a-real-token")).rejects.toThrow(/does not match/);
    // Another PD day's address with the same link: not found.
    const other = await createEvent({ status: "published" });
    await expect(getMyDayFeed(other.slug, feedToken)).rejects.toThrow(/does not match/);
  });

  it("resetting the feed gives a new address and the old one stops working", async () => {
    const { event, attendee, p1 } = await publishedDay();
    await pickSession(attendee.id, event.slug, { placementId: p1.id, clientId: "client-feed-2" });
    const old = (await resetMyDayFeed(attendee.id, event.slug)).token;
    expect((await getMyDay(attendee.id, event.slug)).feedToken).toBe(old);
    const reset = await resetMyDayFeed(attendee.id, event.slug);
    expect(reset.replaced).toBe(true);
    const fresh = reset.token;
    expect(fresh).not.toBe(old);
    expect((await getMyDay(attendee.id, event.slug)).feedToken).toBe(fresh);
    expect((await getMyDayFeed(event.slug, fresh)).sessions.map((s) => s.placementId)).toEqual([p1.id]);
    await expect(getMyDayFeed(event.slug, old)).rejects.toThrow(/does not match/);
    // Only a member resets their own: an outsider has no feed here to reset.
    await expect(resetMyDayFeed((await createUser()).id, event.slug)).rejects.toThrow(/Join this PD day/);
  });
});
