import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import {
  addMember,
  createBlock,
  createEvent,
  createPlacement,
  createProposal,
  createRoom,
  createUser,
} from "../../../tests/factories";
import { NotAllowedError, RuleError } from "../errors";
import { move, place, remove, STALE_MESSAGE, swap, undoLastMove } from "./placements";

async function setup() {
  const event = await createEvent();
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  const presenter = await createUser();
  await addMember(event.id, presenter.id, "presenter");
  const library = await createRoom(event.id, { name: "Library" });
  const lab = await createRoom(event.id, { name: "STEM Lab" });
  const block1 = await createBlock(event.id, { label: "Block 1", startTime: "09:00", endTime: "09:50" });
  const lunch = await createBlock(event.id, { label: "Lunch", startTime: "12:00", endTime: "12:45", kind: "lunch" });
  const block2 = await createBlock(event.id, { label: "Block 2", startTime: "13:00", endTime: "13:50" });
  const proposal = await createProposal(event.id, presenter.id, { state: "accepted", title: "Station rotation" });
  return { event, coordinator, presenter, library, lab, block1, lunch, block2, proposal };
}

const spots = (eventId: string) =>
  db.placement.findMany({
    where: { eventId },
    select: { roomId: true, timeBlockId: true },
    orderBy: { createdAt: "asc" },
  });

describe("place", () => {
  test("an accepted or confirmed proposal goes on the grid, more than once if wanted, and is audited", async () => {
    const { event, coordinator, library, lab, block1, block2, proposal } = await setup();
    await place(coordinator.id, event.id, { proposalId: proposal.id, roomId: library.id, timeBlockId: block1.id });
    await place(coordinator.id, event.id, { proposalId: proposal.id, roomId: lab.id, timeBlockId: block2.id });
    expect(await spots(event.id)).toEqual([
      { roomId: library.id, timeBlockId: block1.id },
      { roomId: lab.id, timeBlockId: block2.id },
    ]);
    const audit = await db.auditLog.findMany({ where: { eventId: event.id, entity: "Placement" } });
    expect(audit.map((a) => a.action)).toEqual(["placement.placed", "placement.placed"]);
  });

  test("a submitted or withdrawn proposal cannot be placed", async () => {
    const { event, coordinator, presenter, library, block1 } = await setup();
    for (const state of ["submitted", "withdrawn", "waitlisted"]) {
      const proposal = await createProposal(event.id, presenter.id, { state });
      await expect(
        place(coordinator.id, event.id, { proposalId: proposal.id, roomId: library.id, timeBlockId: block1.id }),
      ).rejects.toThrow(/only accepted or confirmed sessions go on the grid/);
    }
    expect(await db.placement.count()).toBe(0);
  });

  test("a two-block proposal needs a session block after its start block", async () => {
    const { event, coordinator, presenter, library, block1, block2 } = await setup();
    const long = await createProposal(event.id, presenter.id, {
      state: "confirmed",
      lengthBlocks: 2,
      title: "Robotics lab",
    });
    const attempt = place(coordinator.id, event.id, {
      proposalId: long.id,
      roomId: library.id,
      timeBlockId: block2.id,
    });
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toMatchObject({
      field: "timeBlockId",
      message: "“Robotics lab” takes two blocks, but there is no session block after Block 2. Choose an earlier block.",
    });
    // Block 1 is followed (after lunch) by Block 2, so it fits there.
    await place(coordinator.id, event.id, { proposalId: long.id, roomId: library.id, timeBlockId: block1.id });
    expect(await db.placement.count()).toBe(1);
  });

  test("a presenter cannot place, and a coordinator of another event cannot touch this grid", async () => {
    const { event, presenter, library, block1, proposal } = await setup();
    const input = { proposalId: proposal.id, roomId: library.id, timeBlockId: block1.id };
    await expect(place(presenter.id, event.id, input)).rejects.toBeInstanceOf(NotAllowedError);

    const otherEvent = await createEvent();
    const otherCoordinator = await createUser();
    await addMember(otherEvent.id, otherCoordinator.id, "coordinator");
    await expect(place(otherCoordinator.id, event.id, input)).rejects.toBeInstanceOf(NotAllowedError);
    // Nor through its own event id with this event's rows.
    await expect(place(otherCoordinator.id, otherEvent.id, input)).rejects.toThrow();
    const placement = await createPlacement(event.id, proposal.id, library.id, block1.id);
    await expect(
      move(otherCoordinator.id, placement.id, { roomId: library.id, timeBlockId: block1.id, expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(remove(otherCoordinator.id, placement.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(undoLastMove(otherCoordinator.id, event.id)).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.placement.count()).toBe(1);
  });
});

describe("move, swap and remove", () => {
  test("a move bumps the version; a move from a stale grid is refused", async () => {
    const { event, coordinator, library, lab, block1, block2, proposal } = await setup();
    const placement = await createPlacement(event.id, proposal.id, library.id, block1.id);
    const moved = await move(coordinator.id, placement.id, {
      roomId: lab.id,
      timeBlockId: block2.id,
      expectedVersion: 1,
    });
    expect(moved).toMatchObject({ roomId: lab.id, timeBlockId: block2.id, version: 2 });

    // A second coordinator still looking at version 1.
    const stale = move(coordinator.id, placement.id, {
      roomId: library.id,
      timeBlockId: block1.id,
      expectedVersion: 1,
    });
    await expect(stale).rejects.toBeInstanceOf(RuleError);
    await expect(stale).rejects.toThrow(STALE_MESSAGE);
    expect(await spots(event.id)).toEqual([{ roomId: lab.id, timeBlockId: block2.id }]);
  });

  test("two sessions swap rooms and blocks; remove takes one off the grid", async () => {
    const { event, coordinator, presenter, library, lab, block1, block2, proposal } = await setup();
    const other = await createProposal(event.id, presenter.id, { state: "accepted" });
    const a = await createPlacement(event.id, proposal.id, library.id, block1.id);
    const b = await createPlacement(event.id, other.id, lab.id, block2.id);
    await swap(coordinator.id, a.id, b.id);
    expect(await db.placement.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      roomId: lab.id,
      timeBlockId: block2.id,
      version: 2,
    });
    expect(await db.placement.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
      roomId: library.id,
      timeBlockId: block1.id,
    });
    await remove(coordinator.id, a.id);
    expect(await db.placement.count()).toBe(1);
  });
});

describe("stale swaps and removals", () => {
  test("a swap or remove made on a grid someone has since changed is refused and changes nothing", async () => {
    const { event, coordinator, presenter, library, lab, block1, block2, proposal } = await setup();
    const other = await createProposal(event.id, presenter.id, { state: "accepted" });
    const a = await createPlacement(event.id, proposal.id, library.id, block1.id);
    const b = await createPlacement(event.id, other.id, lab.id, block2.id);
    // Another coordinator moved A after this one loaded the grid at version 1.
    await move(coordinator.id, a.id, { roomId: lab.id, timeBlockId: block1.id, expectedVersion: 1 });

    await expect(swap(coordinator.id, a.id, b.id, 1)).rejects.toThrow(STALE_MESSAGE);
    await expect(remove(coordinator.id, a.id, 1)).rejects.toThrow(STALE_MESSAGE);
    expect(await spots(event.id)).toEqual([
      { roomId: lab.id, timeBlockId: block1.id },
      { roomId: lab.id, timeBlockId: block2.id },
    ]);
    expect(
      await db.auditLog.count({
        where: { eventId: event.id, action: { in: ["placement.swapped", "placement.removed"] } },
      }),
    ).toBe(0);

    // At the version on screen both go through.
    await swap(coordinator.id, a.id, b.id, 2);
    await remove(coordinator.id, b.id, 2);
    expect(await spots(event.id)).toEqual([{ roomId: lab.id, timeBlockId: block2.id }]);
  });
});

describe("undoLastMove", () => {
  test("undo walks back through moves, removals and placements, and is audited", async () => {
    const { event, coordinator, library, lab, block1, block2, proposal } = await setup();
    const placed = await place(coordinator.id, event.id, {
      proposalId: proposal.id,
      roomId: library.id,
      timeBlockId: block1.id,
    });
    await move(coordinator.id, placed.id, { roomId: lab.id, timeBlockId: block2.id, expectedVersion: 1 });
    await remove(coordinator.id, placed.id);

    expect(await undoLastMove(coordinator.id, event.id)).toEqual({ undoneAction: "placement.removed" });
    expect(await spots(event.id)).toEqual([{ roomId: lab.id, timeBlockId: block2.id }]);
    await undoLastMove(coordinator.id, event.id);
    expect(await spots(event.id)).toEqual([{ roomId: library.id, timeBlockId: block1.id }]);
    // The grid changed under a stale view: the version moved on with the undo.
    const current = await db.placement.findUniqueOrThrow({ where: { id: placed.id } });
    expect(current.version).toBeGreaterThan(2);
    await undoLastMove(coordinator.id, event.id);
    expect(await db.placement.count()).toBe(0);
    await expect(undoLastMove(coordinator.id, event.id)).rejects.toThrow("There is nothing to undo.");

    const undos = await db.auditLog.count({ where: { eventId: event.id, action: "placement.undone" } });
    expect(undos).toBe(3);
  });

  test("undo of a swap puts both sessions back", async () => {
    const { event, coordinator, presenter, library, lab, block1, block2, proposal } = await setup();
    const other = await createProposal(event.id, presenter.id, { state: "accepted" });
    const a = await place(coordinator.id, event.id, {
      proposalId: proposal.id,
      roomId: library.id,
      timeBlockId: block1.id,
    });
    const b = await place(coordinator.id, event.id, { proposalId: other.id, roomId: lab.id, timeBlockId: block2.id });
    await swap(coordinator.id, a.id, b.id);
    await undoLastMove(coordinator.id, event.id);
    expect(await db.placement.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      roomId: library.id,
      timeBlockId: block1.id,
    });
    expect(await db.placement.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
      roomId: lab.id,
      timeBlockId: block2.id,
    });
  });
});
