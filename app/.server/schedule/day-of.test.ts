import { describe, expect, it } from "vitest";
import { addMember, createEvent, createProposal, createUser } from "tests/factories";
import { ProposeNowSchema } from "~/schemas/day-of";
import { db } from "~/utils/db.server";
import { NotAllowedError, RuleError } from "../errors";
import { getDayOfBoard, placeAndPublish, proposeNow } from "./day-of";
import { latestPublished, publish } from "./publish";

async function liveDay() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent({ status: "live", date: "2027-03-20" });
  await addMember(event.id, coordinator.id, "coordinator");
  const library = await db.room.create({ data: { eventId: event.id, name: "Library", capacity: 40, sortOrder: 0 } });
  const gym = await db.room.create({ data: { eventId: event.id, name: "Gym", capacity: 90, sortOrder: 1 } });
  const b1 = await db.timeBlock.create({
    data: { eventId: event.id, label: "Block 1", startTime: "09:00", endTime: "10:00" },
  });
  const b2 = await db.timeBlock.create({
    data: { eventId: event.id, label: "Block 2", startTime: "10:15", endTime: "11:15" },
  });
  const maria = await createUser({ name: "Maria Delgado" });
  const planned = await createProposal(event.id, maria.id, { title: "Planned session", state: "confirmed" });
  const placed = await db.placement.create({
    data: { eventId: event.id, proposalId: planned.id, roomId: library.id, timeBlockId: b1.id },
  });
  await publish(coordinator.id, event.id);
  const teacher = await createUser({ name: "Keisha Reyes" });
  await addMember(event.id, teacher.id, "attendee");
  return { coordinator, event, library, gym, b1, b2, maria, placed, teacher };
}

const offer = ProposeNowSchema.parse({
  title: "Kahoot tricks",
  summary: "Ten minutes of tips, then play.",
  audience: "6-8",
});
// Before the day: every block is still ahead.
const beforeTheDay = new Date("2027-03-01T12:00:00Z");

describe("day-of sessions", () => {
  it("a member proposes now: an accepted proposal, and they become a presenter", async () => {
    const d = await liveDay();
    const proposal = await proposeNow(d.teacher.id, d.event.id, offer);
    expect(proposal).toMatchObject({
      state: "accepted",
      presenterId: d.teacher.id,
      audience: "6-8",
      title: "Kahoot tricks",
    });
    expect(await db.membership.count({ where: { eventId: d.event.id, userId: d.teacher.id, role: "presenter" } })).toBe(
      1,
    );
  });

  it("someone outside the PD day cannot propose", async () => {
    const d = await liveDay();
    const stranger = await createUser();
    await expect(proposeNow(stranger.id, d.event.id, offer)).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("the board lists the offer and only free cells; placing publishes just that change", async () => {
    const d = await liveDay();
    const proposal = await proposeNow(d.teacher.id, d.event.id, offer);
    // An unpublished draft edit the day-of publish must not carry along.
    await db.placement.update({ where: { id: d.placed.id }, data: { roomId: d.gym.id } });

    const board = await getDayOfBoard(d.coordinator.id, d.event.slug, { now: beforeTheDay });
    expect(board.offers.map((o) => o.title)).toEqual(["Kahoot tricks"]);
    const cells = board.cells.map((c) => `${c.blockLabel}/${c.roomName}`);
    // Library/Block 1 is taken in the published version, Gym/Block 1 in the draft.
    expect(cells).toEqual(["Block 2/Library", "Block 2/Gym"]);

    await expect(
      placeAndPublish(
        d.coordinator.id,
        d.event.id,
        { proposalId: proposal.id, roomId: d.library.id, timeBlockId: d.b1.id },
        { now: beforeTheDay },
      ),
    ).rejects.toBeInstanceOf(RuleError);

    const { version } = await placeAndPublish(
      d.coordinator.id,
      d.event.id,
      { proposalId: proposal.id, roomId: d.gym.id, timeBlockId: d.b2.id },
      { now: beforeTheDay },
    );
    expect(version.number).toBe(2);
    expect(version.changelog.map((c) => [c.kind, c.title])).toEqual([["added", "Kahoot tricks"]]);
    const latest = await latestPublished(d.event.id);
    const sessions = latest!.snapshot.sessions.map((s) => [s.title, s.roomName, s.blockLabel, s.dayOf]);
    expect(sessions).toEqual([
      ["Planned session", "Library", "Block 1", false],
      ["Kahoot tricks", "Gym", "Block 2", true],
    ]);
    const mail = await db.outboxMessage.findFirst({ where: { eventId: d.event.id, to: d.teacher.email } });
    expect(mail?.text).toContain("Kahoot tricks");
  });

  it("on the day, blocks that are over are not offered", async () => {
    const d = await liveDay();
    // 10:30 in Chicago on March 20, 2027 (CDT, UTC-5): Block 1 is over, Block 2 is on.
    const board = await getDayOfBoard(d.coordinator.id, d.event.slug, { now: new Date("2027-03-20T15:30:00Z") });
    expect([...new Set(board.cells.map((c) => c.blockLabel))]).toEqual(["Block 2"]);
  });

  it("only coordinators see the board or place", async () => {
    const d = await liveDay();
    const proposal = await proposeNow(d.teacher.id, d.event.id, offer);
    await expect(getDayOfBoard(d.teacher.id, d.event.slug)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      placeAndPublish(d.teacher.id, d.event.id, { proposalId: proposal.id, roomId: d.gym.id, timeBlockId: d.b2.id }),
    ).rejects.toBeInstanceOf(NotAllowedError);
  });
});
