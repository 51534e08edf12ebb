// Attack: someone opts into circles and is then taken off the PD day (removed by a
// coordinator, or they leave). Circles are for the day's attendees and presenters:
// they must not be placed in one, mailed the others' names, roles and schools, or
// read and post in a circle they were already in.
import { describe, expect, it } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { NotFoundError } from "../errors";
import { leaveEvent, removeMember } from "../events/people";
import { postToCircle, readCircle } from "./circle-page";
import { optIntoCircles } from "./opt-in";
import { formCirclePreview, publishCircles, saveCircleSettings } from "./rounds";

const PUBLISHED_AT = new Date("2027-03-13T12:00:00Z");
const OPT_IN = { intent: "opt-in", subject: "Math", gradeBand: "6-8", role: "Librarian", otherSchools: true } as const;
const version = async (eventId: string) => (await db.circleRound.findUniqueOrThrow({ where: { eventId } })).version;

async function optedInDay() {
  const event = await createEvent({ status: "archived", subjectTags: "Math" });
  const coordinator = await createUser({ name: "Dana Whitfield" });
  await addMember(event.id, coordinator.id, "coordinator");
  await saveCircleSettings(coordinator.id, event.slug, {
    intent: "settings",
    groupSize: 4,
    reminderWeeks: 3,
    roles: "Librarian",
  });
  const people = [];
  for (let i = 0; i < 4; i++) {
    const user = await createUser();
    await addMember(event.id, user.id, "attendee");
    await optIntoCircles(user.id, event.slug, OPT_IN);
    people.push(user);
  }
  return { event, coordinator, people };
}

const removeAttendee = async (coordinatorId: string, eventId: string, userId: string) => {
  const membership = await db.membership.findFirstOrThrow({ where: { eventId, userId, role: "attendee" } });
  await removeMember(coordinatorId, eventId, {
    intent: "remove-member",
    membershipId: membership.id,
    role: "attendee",
  });
};

describe("circles and people taken off the PD day", () => {
  it("someone removed after opting in is placed in no circle and mailed no one's name", async () => {
    const { event, coordinator, people } = await optedInDay();
    const [removed, left, ...stay] = people;
    await removeAttendee(coordinator.id, event.id, removed!.id);
    await leaveEvent(left!.id, event.id, ["attendee"]);
    await formCirclePreview(coordinator.id, event.slug, await version(event.id));
    await publishCircles(coordinator.id, event.slug, await version(event.id), PUBLISHED_AT);

    const members = await db.circleMember.findMany({ where: { circle: { round: { eventId: event.id } } } });
    expect(members.map((m) => m.userId).sort()).toEqual(stay.map((p) => p.id).sort());
    const mailed = await db.outboxMessage.findMany({ where: { subject: { startsWith: "Meet your circle" } } });
    for (const gone of [removed!, left!]) {
      expect(mailed.map((m) => m.to)).not.toContain(gone.email);
      for (const m of mailed) expect(m.text).not.toContain(gone.name);
    }
  });

  it("someone removed from the day after circles are published no longer reads or posts in theirs", async () => {
    const { event, coordinator, people } = await optedInDay();
    await formCirclePreview(coordinator.id, event.slug, await version(event.id));
    await publishCircles(coordinator.id, event.slug, await version(event.id), PUBLISHED_AT);
    const circle = await db.circle.findFirstOrThrow({ where: { round: { eventId: event.id } } });
    const [removed, stays] = people;
    await removeAttendee(coordinator.id, event.id, removed!.id);

    await expect(readCircle(removed!.id, event.slug, circle.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      postToCircle(removed!.id, event.slug, circle.id, { intent: "post", text: "Still here" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // The others do not see them listed any more; they carry on.
    const view = await readCircle(stays!.id, event.slug, circle.id);
    expect(view.members.map((m) => m.userId)).not.toContain(removed!.id);
    await postToCircle(stays!.id, event.slug, circle.id, { intent: "post", text: "Meeting Tuesday?" });
    // Invited back, they are in their circle again.
    await addMember(event.id, removed!.id, "attendee");
    expect((await readCircle(removed!.id, event.slug, circle.id)).isMember).toBe(true);
  });
});
