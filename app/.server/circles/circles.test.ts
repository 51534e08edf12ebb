import { describe, expect, it } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { leaveCircle, postToCircle, readCircle, setNextMeeting } from "./circle-page";
import { readUnsubscribe, sendDueCircleReminders, unsubscribe, unsubscribeToken } from "./nudges";
import { optIntoCircles } from "./opt-in";
import {
  circleBoard,
  circleCounts,
  formCirclePreview,
  publishCircles,
  saveCircleSettings,
  swapCircleMembers,
} from "./rounds";

const ROLES = "Classroom teacher\nInstructional coach\nLibrarian";
const SCHOOLS = ["Lincoln Elementary", "Roosevelt Middle", "Jefferson High"];
const PUBLISHED_AT = new Date("2027-03-13T12:00:00Z");

async function dayWithOptIns(people = 10) {
  const event = await createEvent({ status: "archived", subjectTags: "Math\nELA" });
  const coordinator = await createUser({ name: "Dana Whitfield" });
  await addMember(event.id, coordinator.id, "coordinator");
  await saveCircleSettings(coordinator.id, event.slug, {
    intent: "settings",
    groupSize: 5,
    reminderWeeks: 3,
    roles: ROLES,
  });
  const attendees = [];
  for (let i = 0; i < people; i++) {
    const user = await createUser({ school: SCHOOLS[i % 3] });
    await addMember(event.id, user.id, "attendee");
    await optIntoCircles(user.id, event.slug, {
      intent: "opt-in",
      subject: i < 5 ? "Math" : "ELA",
      gradeBand: "6-8",
      role: "Classroom teacher",
      otherSchools: true,
    });
    attendees.push(user);
  }
  return { event, coordinator, attendees };
}

async function version(eventId: string) {
  return (await db.circleRound.findUniqueOrThrow({ where: { eventId } })).version;
}

async function publishedDay() {
  const day = await dayWithOptIns();
  await formCirclePreview(day.coordinator.id, day.event.slug, await version(day.event.id));
  await publishCircles(day.coordinator.id, day.event.slug, await version(day.event.id), PUBLISHED_AT);
  const circles = await db.circle.findMany({
    where: { round: { eventId: day.event.id } },
    orderBy: { number: "asc" },
    include: { members: true },
  });
  return { ...day, circles };
}

describe("opting in", () => {
  it("takes attendees' choices from the district's lists and refuses people outside the PD day", async () => {
    const { event, attendees } = await dayWithOptIns(1);
    const optIn = await db.circleOptIn.findFirstOrThrow({ where: { userId: attendees[0]!.id } });
    expect(optIn).toMatchObject({ subject: "Math", role: "Classroom teacher", school: "Lincoln Elementary" });
    await expect(
      optIntoCircles(attendees[0]!.id, event.slug, {
        intent: "opt-in",
        subject: "Math",
        gradeBand: "6-8",
        role: "Astronaut",
        otherSchools: true,
      }),
    ).rejects.toMatchObject({ field: "role" });
    const outsider = await createUser();
    await expect(
      optIntoCircles(outsider.id, event.slug, {
        intent: "opt-in",
        subject: "Math",
        gradeBand: "6-8",
        role: "Librarian",
        otherSchools: true,
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("lets only the PD day's coordinators open circles", async () => {
    const event = await createEvent();
    const attendee = await createUser();
    await addMember(event.id, attendee.id, "attendee");
    await expect(
      saveCircleSettings(attendee.id, event.slug, { intent: "settings", groupSize: 5, reminderWeeks: 3, roles: ROLES }),
    ).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe("forming, swapping and publishing", () => {
  it("forms circles from the opt-ins, matching subjects", async () => {
    const { event, coordinator } = await dayWithOptIns();
    expect(await formCirclePreview(coordinator.id, event.slug, await version(event.id))).toBe(2);
    const board = await circleBoard(coordinator.id, event.slug);
    expect(board.circles.map((c) => c.members.length)).toEqual([5, 5]);
    for (const c of board.circles) expect(new Set(c.members.map((m) => m.subject)).size).toBe(1);
    // Members cannot see a preview.
    const member = board.circles[0]!.members[0]!.userId;
    await expect(readCircle(member, event.slug, board.circles[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("swaps two people between circles, and refuses a swap made on a stale preview", async () => {
    const { event, coordinator } = await dayWithOptIns();
    await formCirclePreview(coordinator.id, event.slug, await version(event.id));
    const before = await circleBoard(coordinator.id, event.slug);
    const a = before.circles[0]!.members[0]!.userId;
    const b = before.circles[1]!.members[0]!.userId;
    const read = await version(event.id);
    await swapCircleMembers(coordinator.id, event.slug, { intent: "swap", version: read, first: a, second: b });
    const after = await circleBoard(coordinator.id, event.slug);
    expect(after.circles[0]!.members.map((m) => m.userId)).toContain(b);
    expect(after.circles[1]!.members.map((m) => m.userId)).toContain(a);
    // The same swap again, carrying the version read before the first one.
    await expect(
      swapCircleMembers(coordinator.id, event.slug, { intent: "swap", version: read, first: b, second: a }),
    ).rejects.toThrow(/Someone else changed/);
    expect((await circleBoard(coordinator.id, event.slug)).circles[0]!.members.map((m) => m.userId)).toContain(b);
  });

  it("publishes: every member gets “Meet your circle” naming the others, with an unsubscribe link", async () => {
    const { event, attendees, circles } = await publishedDay();
    const mails = await db.outboxMessage.findMany({
      where: { eventId: event.id, subject: { startsWith: "Meet your circle" } },
    });
    expect(mails.map((m) => m.to).sort()).toEqual(attendees.map((a) => a.email).sort());
    const first = circles[0]!;
    const member = attendees.find((a) => a.id === first.members[0]!.userId)!;
    const mail = mails.find((m) => m.to === member.email)!;
    const others = await db.user.findMany({ where: { id: { in: first.members.map((m) => m.userId) } } });
    for (const o of others) expect(mail.text).toContain(o.name);
    expect(mail.text).toContain(`/e/${event.slug}/circles/${first.id}`);
    expect(mail.text).toMatch(/circles\/unsubscribe\//);
    // The link is the recipient's: the outbox keeps a copy without it for coordinators.
    expect(mail.redactedText).not.toMatch(/circles\/unsubscribe\//);
    // Published circles are final.
    const round = await db.circleRound.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(round.reminderDueAt).toEqual(new Date(PUBLISHED_AT.getTime() + 3 * 7 * 24 * 3600 * 1000));
  });

  it("refuses opt-ins and changes once published", async () => {
    const { event, coordinator, attendees } = await publishedDay();
    await expect(formCirclePreview(coordinator.id, event.slug, await version(event.id))).rejects.toBeInstanceOf(
      RuleError,
    );
    await expect(
      optIntoCircles(attendees[0]!.id, event.slug, {
        intent: "opt-in",
        subject: "ELA",
        gradeBand: "K-2",
        role: "Librarian",
        otherSchools: false,
      }),
    ).rejects.toBeInstanceOf(RuleError);
  });
});

describe("a circle's page", () => {
  it("is read by its members and the PD day's coordinators only", async () => {
    const { event, coordinator, circles } = await publishedDay();
    const [mine, theirs] = circles;
    const member = mine!.members[0]!.userId;
    const page = await readCircle(member, event.slug, mine!.id);
    expect(page.members).toHaveLength(5);
    expect(page.members[0]).toMatchObject({ role: "Classroom teacher" });
    expect((await readCircle(coordinator.id, event.slug, mine!.id)).isMember).toBe(false);
    await expect(readCircle(member, event.slug, theirs!.id)).rejects.toBeInstanceOf(NotFoundError);
    const otherCoordinator = await createUser();
    await addMember((await createEvent()).id, otherCoordinator.id, "coordinator");
    await expect(readCircle(otherCoordinator.id, event.slug, mine!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows the sessions two or more members were in", async () => {
    const { event, circles } = await publishedDay();
    const [a, b, c] = circles[0]!.members.map((m) => m.userId);
    const snapshot = {
      sessions: [
        { placementId: "p1", proposalId: "x1", title: "Desmos for Algebra I" },
        { placementId: "p2", proposalId: "x2", title: "Solo session" },
      ],
      rooms: [],
      blocks: [],
    };
    await db.scheduleVersion.create({ data: { eventId: event.id, number: 1, snapshot: JSON.stringify(snapshot) } });
    const visit = (userId: string, placementId: string) =>
      db.roomVisit.create({
        data: { eventId: event.id, userId, roomId: "r", timeBlockId: "b", placementId, enteredAt: new Date() },
      });
    await visit(a!, "p1");
    await visit(b!, "p1");
    await visit(c!, "p2");
    const page = await readCircle(a!, event.slug, circles[0]!.id);
    expect(page.sessionsInCommon).toEqual([{ title: "Desmos for Algebra I", placementId: "p1", count: 2 }]);
  });

  it("takes members' posts and meeting date; a member who leaves can no longer read it, the circle goes on", async () => {
    const { event, coordinator, circles } = await publishedDay();
    const circle = circles[0]!;
    const [leaver, stayer] = circle.members.map((m) => m.userId);
    await postToCircle(leaver!, event.slug, circle.id, {
      intent: "post",
      text: "Tried exit tickets on Monday",
      url: "https://example.org/tickets",
    });
    await setNextMeeting(
      stayer!,
      event.slug,
      circle.id,
      { nextMeetingOn: "2027-04-02" },
      new Date("2027-03-20T12:00:00Z"),
    );
    await expect(
      postToCircle(coordinator.id, event.slug, circle.id, { intent: "post", text: "Hi" }),
    ).rejects.toBeInstanceOf(RuleError);
    await leaveCircle(leaver!, event.slug, circle.id);
    await expect(readCircle(leaver!, event.slug, circle.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(leaveCircle(leaver!, event.slug, circle.id)).rejects.toBeInstanceOf(NotFoundError);
    const page = await readCircle(stayer!, event.slug, circle.id);
    expect(page.members).toHaveLength(4);
    expect(page.circle.nextMeetingOn).toBe("2027-04-02");
    expect(page.posts).toEqual([
      expect.objectContaining({ text: "Tried exit tickets on Monday", url: "https://example.org/tickets" }),
    ]);
    expect((await circleCounts(event.id))?.members).toBe(9);
  });
});

describe("the next meeting date", () => {
  it("is today or later, and a date another member set meanwhile is not overwritten unseen", async () => {
    const { event, circles } = await publishedDay();
    const circle = circles[0]!;
    const [first, second] = circle.members.map((m) => m.userId);
    // 01:00 UTC on March 20 is still March 19 in the PD day's time zone (Chicago).
    const now = new Date("2027-03-20T01:00:00Z");
    await expect(
      setNextMeeting(first!, event.slug, circle.id, { nextMeetingOn: "2027-03-18" }, now),
    ).rejects.toMatchObject({ field: "nextMeetingOn" });
    await setNextMeeting(first!, event.slug, circle.id, { nextMeetingOn: "2027-03-19" }, now);
    // The second member's page showed no date yet: their change is refused, the first one's date stands.
    await expect(
      setNextMeeting(second!, event.slug, circle.id, { nextMeetingOn: "2027-04-02", was: "" }, now),
    ).rejects.toMatchObject({ field: "nextMeetingOn" });
    expect((await readCircle(second!, event.slug, circle.id)).circle.nextMeetingOn).toBe("2027-03-19");
    await setNextMeeting(second!, event.slug, circle.id, { nextMeetingOn: "2027-04-02", was: "2027-03-19" }, now);
    expect((await readCircle(first!, event.slug, circle.id)).circle.nextMeetingOn).toBe("2027-04-02");
  });
});

describe("the reminder and unsubscribing", () => {
  it("sends “What did you try?” once, when due, to members still in circle mail", async () => {
    const { event, attendees, circles } = await publishedDay();
    const stopped = attendees[0]!;
    const optIn = await db.circleOptIn.findFirstOrThrow({ where: { userId: stopped.id } });
    await unsubscribe(unsubscribeToken(optIn.id));
    const leaver = circles[1]!.members.find((m) => m.userId !== stopped.id)!.userId;
    await leaveCircle(leaver, event.slug, circles[1]!.id);

    const due = new Date(PUBLISHED_AT.getTime() + 3 * 7 * 24 * 3600 * 1000);
    expect(await sendDueCircleReminders(new Date(due.getTime() - 60_000))).toBe(0);
    const [first, again] = await Promise.all([sendDueCircleReminders(due), sendDueCircleReminders(due)]);
    expect(first + again).toBe(8);
    expect(await sendDueCircleReminders(new Date(due.getTime() + 60_000))).toBe(0);
    const reminders = await db.outboxMessage.findMany({
      where: { eventId: event.id, subject: { startsWith: "What did you try?" } },
    });
    expect(reminders).toHaveLength(8);
    const to = reminders.map((m) => m.to);
    expect(to).not.toContain(stopped.email);
    expect(to).not.toContain(attendees.find((a) => a.id === leaver)!.email);
  });

  it("unsubscribes without signing in, once, however often the link is used; a forged link is refused", async () => {
    const { attendees } = await publishedDay();
    const optIn = await db.circleOptIn.findFirstOrThrow({ where: { userId: attendees[0]!.id } });
    const token = unsubscribeToken(optIn.id);
    expect(await readUnsubscribe(token)).toMatchObject({ stopped: false });
    await unsubscribe(token, new Date("2027-03-20T10:00:00Z"));
    await unsubscribe(token, new Date("2027-03-21T10:00:00Z"));
    expect((await db.circleOptIn.findUniqueOrThrow({ where: { id: optIn.id } })).mailStoppedAt).toEqual(
      new Date("2027-03-20T10:00:00Z"),
    );
    expect(await readUnsubscribe(token)).toMatchObject({ stopped: true });
    const other = await db.circleOptIn.findFirstOrThrow({ where: { userId: attendees[1]!.id } });
    const forged = `${other.id}.${token.split(".")[1]}`;
    await expect(unsubscribe(forged)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.circleOptIn.findUniqueOrThrow({ where: { id: other.id } })).mailStoppedAt).toBeNull();
  });
});
