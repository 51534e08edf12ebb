// Attack: someone taken off a PD day (removed by a coordinator, or who left it)
// keeps their picks and check-ins there (REMOVAL_KEEPS_DATA). Those must not
// still count as "was in the session": the takeaways, their authors' names and
// the presenters' files are for the PD day's people, as ratings are.
import { describe, expect, it } from "vitest";
import { createAttendee, createPublishedDay } from "tests/factories";
import { db } from "~/utils/db.server";
import { NotAllowedError } from "../errors";
import { leaveEvent, removeMember } from "../events/people";
import { postTakeaway, sessionPostsFor } from "./takeaways";
import { addSessionResourceFile, readSessionResourceFile } from "./resources";

// 2027-03-12 in Chicago is UTC-6: block 1 (09:00–09:50) starts at 15:00 UTC.
const DURING = new Date("2027-03-12T15:20:00Z");
const TAKEAWAY = { intent: "takeaway" as const, text: "Exit tickets on sticky notes" };

async function dayWithHandout() {
  const day = await createPublishedDay();
  const ann = (await createAttendee(day.event.id, { name: "Ann Removed" })).user;
  const ben = (await createAttendee(day.event.id, { name: "Ben Leaver" })).user;
  for (const person of [ann, ben]) {
    await db.pick.create({
      data: { eventId: day.event.id, userId: person.id, placementId: day.a1.id, proposalId: day.a1.proposalId },
    });
    await db.roomVisit.create({
      data: {
        eventId: day.event.id,
        userId: person.id,
        roomId: day.roomA.id,
        timeBlockId: day.block1.id,
        placementId: day.a1.id,
        enteredAt: DURING,
      },
    });
  }
  const bytes = new Uint8Array(500).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  const handout = await addSessionResourceFile(
    day.presenter.id,
    day.event.slug,
    day.a1.id,
    { intent: "file", label: "Handout" },
    { name: "handout.pdf", bytes },
    DURING,
  );
  await postTakeaway(ann.id, day.event.slug, day.a1.id, TAKEAWAY, DURING);
  return { ...day, ann, ben, handout };
}

describe("takeaways after someone is taken off the PD day", () => {
  it("a removed attendee and one who left can no longer read, post or download, though their picks and check-ins are kept", async () => {
    const { event, a1, coordinator, ann, ben, handout } = await dayWithHandout();
    const annMembership = await db.membership.findFirstOrThrow({ where: { eventId: event.id, userId: ann.id } });
    await removeMember(coordinator.id, event.id, {
      intent: "remove-member",
      membershipId: annMembership.id,
      role: "attendee",
    });
    await leaveEvent(ben.id, event.id, ["attendee"]);
    // Their data stays, as the people page promises.
    expect(await db.pick.count({ where: { eventId: event.id, userId: { in: [ann.id, ben.id] } } })).toBe(2);
    expect(await db.roomVisit.count({ where: { eventId: event.id, userId: { in: [ann.id, ben.id] } } })).toBe(2);

    for (const gone of [ann, ben]) {
      await expect(sessionPostsFor(gone.id, event.slug, a1.id, DURING)).rejects.toBeInstanceOf(NotAllowedError);
      await expect(postTakeaway(gone.id, event.slug, a1.id, TAKEAWAY, DURING)).rejects.toBeInstanceOf(NotAllowedError);
      await expect(readSessionResourceFile(gone.id, event.slug, a1.id, handout.id)).rejects.toBeInstanceOf(
        NotAllowedError,
      );
    }
    expect(await db.sessionPost.count({ where: { eventId: event.id, kind: "takeaway" } })).toBe(1);
  });

  it("invited back, they read and post again (their picks and check-ins were kept)", async () => {
    const { event, a1, coordinator, ann } = await dayWithHandout();
    const membership = await db.membership.findFirstOrThrow({ where: { eventId: event.id, userId: ann.id } });
    await removeMember(coordinator.id, event.id, {
      intent: "remove-member",
      membershipId: membership.id,
      role: "attendee",
    });
    await db.membership.create({ data: { eventId: event.id, userId: ann.id, role: "attendee" } });
    expect((await sessionPostsFor(ann.id, event.slug, a1.id, DURING)).role).toBe("participant");
    await postTakeaway(ann.id, event.slug, a1.id, TAKEAWAY, DURING);
  });
});
