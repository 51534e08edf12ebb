import { describe, expect, it } from "vitest";
import { createAttendee, createPublishedDay, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { NotAllowedError, RuleError } from "../errors";
import { hideSessionPost, postTakeaway, sessionPostsFor, takeawayCounts, takeawaysForPresenter } from "./takeaways";
import { addSessionResource } from "./resources";

// 2027-03-12 in Chicago is UTC-6: block 1 (09:00–09:50) starts at 15:00 UTC.
const BEFORE = new Date("2027-03-12T14:55:00Z");
const DURING = new Date("2027-03-12T15:20:00Z");
const TAKEAWAY = { intent: "takeaway" as const, text: "One thing I'll try on Monday: sliders for slope" };

async function dayWithPeople() {
  const day = await createPublishedDay();
  const checkedIn = (await createAttendee(day.event.id, { name: "Ann Present" })).user;
  await db.roomVisit.create({
    data: {
      eventId: day.event.id,
      userId: checkedIn.id,
      roomId: day.roomA.id,
      timeBlockId: day.block1.id,
      placementId: day.a1.id,
      enteredAt: DURING,
    },
  });
  const picked = (await createAttendee(day.event.id, { name: "Pat Picker" })).user;
  await db.pick.create({
    data: { eventId: day.event.id, userId: picked.id, placementId: day.a1.id, proposalId: day.a1.proposalId },
  });
  const absent = (await createAttendee(day.event.id, { name: "Abe Elsewhere" })).user;
  return { ...day, checkedIn, picked, absent };
}

describe("takeaways", () => {
  it("are posted by someone checked in to the session (or who picked it) and refused for someone who was not there", async () => {
    const { event, a1, checkedIn, picked, absent } = await dayWithPeople();
    await postTakeaway(checkedIn.id, event.slug, a1.id, TAKEAWAY, DURING);
    await postTakeaway(picked.id, event.slug, a1.id, { intent: "takeaway", text: "Exit tickets on paper" }, DURING);
    await expect(postTakeaway(absent.id, event.slug, a1.id, TAKEAWAY, DURING)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(sessionPostsFor(absent.id, event.slug, a1.id, DURING)).rejects.toBeInstanceOf(NotAllowedError);
    const seen = await sessionPostsFor(picked.id, event.slug, a1.id, DURING);
    expect(seen.takeaways.map((t) => [t.text, t.by])).toEqual([
      [TAKEAWAY.text, "Ann Present"],
      ["Exit tickets on paper", "Pat Picker"],
    ]);
  });

  it("open once the session has started", async () => {
    const { event, a1, checkedIn } = await dayWithPeople();
    await expect(postTakeaway(checkedIn.id, event.slug, a1.id, TAKEAWAY, BEFORE)).rejects.toMatchObject({
      field: "text",
    });
    expect((await sessionPostsFor(checkedIn.id, event.slug, a1.id, BEFORE)).canTakeaway).toBe(false);
  });

  it("are hidden by a coordinator: gone for everyone else, kept for the record", async () => {
    const { event, a1, checkedIn, coordinator, presenter } = await dayWithPeople();
    const post = await postTakeaway(checkedIn.id, event.slug, a1.id, TAKEAWAY, DURING);
    await expect(hideSessionPost(checkedIn.id, event.slug, post.id)).rejects.toBeInstanceOf(NotAllowedError);
    await hideSessionPost(coordinator.id, event.slug, post.id);
    await expect(hideSessionPost(coordinator.id, event.slug, post.id)).rejects.toBeInstanceOf(RuleError);
    expect((await sessionPostsFor(checkedIn.id, event.slug, a1.id, DURING)).takeaways).toEqual([]);
    expect(await takeawaysForPresenter(a1.proposalId)).toEqual([]);
    expect((await sessionPostsFor(coordinator.id, event.slug, a1.id, DURING)).takeaways).toHaveLength(1);
    expect((await sessionPostsFor(presenter.id, event.slug, a1.id, DURING)).takeaways).toEqual([]);
  });
});

describe("presenter resources", () => {
  it("are added by the session's presenters only, after it starts", async () => {
    const { event, a1, presenter, checkedIn } = await dayWithPeople();
    const link = { intent: "resource" as const, label: "Slides", url: "https://example.org/slides" };
    await expect(addSessionResource(presenter.id, event.slug, a1.id, link, BEFORE)).rejects.toBeInstanceOf(RuleError);
    await addSessionResource(presenter.id, event.slug, a1.id, link, DURING);
    await expect(addSessionResource(checkedIn.id, event.slug, a1.id, link, DURING)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    const outsider = await createUser();
    await expect(addSessionResource(outsider.id, event.slug, a1.id, link, DURING)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    expect((await sessionPostsFor(checkedIn.id, event.slug, a1.id, DURING)).resources).toEqual([
      expect.objectContaining({ text: "Slides", url: link.url }),
    ]);
  });
});

describe("takeaway counts", () => {
  it("count visible takeaways per session", async () => {
    const { event, a1, checkedIn, picked } = await dayWithPeople();
    await postTakeaway(checkedIn.id, event.slug, a1.id, TAKEAWAY, DURING);
    await postTakeaway(picked.id, event.slug, a1.id, TAKEAWAY, DURING);
    expect(await takeawayCounts(event.id)).toEqual([
      { proposalId: a1.proposalId, title: "Desmos for Algebra I", count: 2 },
    ]);
  });
});
