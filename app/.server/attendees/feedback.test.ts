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
import { freezeVersion } from "../schedule/publish";
import { buildSnapshot } from "../schedule/snapshot";
import { feedbackSummary, leaveFeedback } from "./feedback";

// 2027-03-12 in Chicago is UTC-6: the 09:00–09:50 block ends at 15:50 UTC.
const DURING = new Date("2027-03-12T15:30:00Z");
const AFTER = new Date("2027-03-12T15:50:00Z");

async function ratedDay() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent({ status: "live" });
  await addMember(event.id, coordinator.id, "coordinator");
  const presenter = await createUser({ name: "Maria Delgado" });
  const room = await createRoom(event.id);
  const block = await createBlock(event.id, { startTime: "09:00", endTime: "09:50" });
  const proposal = await createProposal(event.id, presenter.id, { title: "Desmos", state: "confirmed" });
  const placement = await createPlacement(event.id, proposal.id, room.id, block.id);
  await freezeVersion(event.id, null, await buildSnapshot(event.id), { notify: false });
  const attendees = await Promise.all([createUser({ name: "Ann Rater" }), createUser({ name: "Bo Rater" })]);
  for (const a of attendees) await addMember(event.id, a.id, "attendee");
  return { coordinator, event, presenter, proposal, placement, attendees };
}

describe("feedback", () => {
  it("is refused until the session's block has ended", async () => {
    const { event, placement, attendees } = await ratedDay();
    await expect(leaveFeedback(attendees[0].id, event.slug, placement.id, { rating: 5 }, DURING)).rejects.toThrow(
      /once it has ended/,
    );
    await leaveFeedback(attendees[0].id, event.slug, placement.id, { rating: 5 }, AFTER);
  });

  it("keeps one rating per person, editable, and refuses non-members", async () => {
    const { event, placement, attendees, proposal, presenter } = await ratedDay();
    await leaveFeedback(attendees[0].id, event.slug, placement.id, { rating: 2, comment: "Too fast" }, AFTER);
    await leaveFeedback(
      attendees[0].id,
      event.slug,
      placement.id,
      { rating: 4, comment: "Better on reflection" },
      AFTER,
    );
    const summary = await feedbackSummary(presenter.id, proposal.id);
    expect(summary.count).toBe(1);
    expect(summary.average).toBe(4);
    const outsider = await createUser();
    await expect(leaveFeedback(outsider.id, event.slug, placement.id, { rating: 5 }, AFTER)).rejects.toThrow(
      /Only people attending/,
    );
  });

  it("shows presenters a summary without names; coordinators see names", async () => {
    const { event, placement, attendees, proposal, presenter, coordinator } = await ratedDay();
    await leaveFeedback(attendees[0].id, event.slug, placement.id, { rating: 5, comment: "Loved the sliders" }, AFTER);
    await leaveFeedback(attendees[1].id, event.slug, placement.id, { rating: 4 }, AFTER);
    const mine = await feedbackSummary(presenter.id, proposal.id);
    expect(mine).toMatchObject({ count: 2, average: 4.5, comments: [{ comment: "Loved the sliders", by: null }] });
    expect(JSON.stringify(mine)).not.toContain("Ann Rater");
    const all = await feedbackSummary(coordinator.id, proposal.id);
    expect(all.comments).toEqual([expect.objectContaining({ by: "Ann Rater" })]);
    await expect(feedbackSummary(attendees[1].id, proposal.id)).rejects.toThrow();
  });
});
