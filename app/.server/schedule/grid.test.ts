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
import { NotAllowedError } from "../errors";
import { getGrid } from "./grid";

/** A 24-room day: Main floor 1 and floor 2, twelve rooms each; two blocks. */
async function bigDay() {
  const event = await createEvent();
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  const presenter = await createUser({ name: "Maria Delgado" });
  const rooms = [];
  for (let i = 0; i < 24; i++)
    rooms.push(
      await createRoom(event.id, { name: `Room ${100 + i}`, floor: i < 12 ? "1" : "2", sortOrder: i, capacity: 30 }),
    );
  const block1 = await createBlock(event.id, { label: "Block 1", startTime: "09:00", endTime: "09:50" });
  const block2 = await createBlock(event.id, { label: "Block 2", startTime: "10:00", endTime: "10:50" });
  return { event, coordinator, presenter, rooms, block1, block2 };
}

describe("getGrid on a day with many rooms", () => {
  test("shows one room group with its sessions, and counts the warnings in the groups off screen", async () => {
    const { event, coordinator, presenter, rooms, block1, block2 } = await bigDay();
    const upstairs = await createProposal(event.id, presenter.id, {
      state: "confirmed",
      title: "Upstairs session",
      techNeeds: "sink_lab",
    });
    const downstairs = await createProposal(event.id, presenter.id, {
      state: "confirmed",
      title: "Downstairs session",
    });
    await createPlacement(event.id, downstairs.id, rooms[0]!.id, block2.id);
    // Needs a sink the room lacks: a warning in floor 2's group only.
    const hidden = await createPlacement(event.id, upstairs.id, rooms[20]!.id, block1.id);
    await createProposal(event.id, presenter.id, { state: "confirmed", title: "Not placed yet" });

    const first = await getGrid(coordinator.id, event.id);
    expect(first.roomGroups).toEqual([
      { key: "main-building-floor-1", label: "Main building, floor 1", rooms: 12, warnings: 0 },
      { key: "main-building-floor-2", label: "Main building, floor 2", rooms: 12, warnings: 1 },
    ]);
    expect(first.roomGroup).toBe("main-building-floor-1");
    expect(first.rooms.map((r) => r.name)).toEqual(rooms.slice(0, 12).map((r) => r.name));
    expect(first.roomChoices).toHaveLength(24);
    expect(first.placements.map((p) => p.proposalId)).toEqual([downstairs.id]);
    // The browser gets the sessions it shows: on this group's board and in the tray.
    expect(first.sessions.map((s) => s.title).sort()).toEqual(["Downstairs session", "Not placed yet"]);
    expect(first.warningsForDay).toBe(2);
    expect(first.conflicts.map((c) => c.kind)).toEqual(["unplaced_confirmed"]);

    const second = await getGrid(coordinator.id, event.id, {}, { rooms: "main-building-floor-2" });
    expect(second.rooms[0]!.name).toBe("Room 112");
    expect(second.placements.map((p) => p.id)).toEqual([hidden.id]);
    expect(second.conflicts.map((c) => c.message)).toEqual([
      "“Upstairs session” needs a sink or lab space, but Room 120 does not have it.",
      "“Not placed yet” is confirmed but not on the grid yet.",
    ]);
  });

  test("a presenter double-booked across two groups is listed in both; an open move form can swap with any placement", async () => {
    const { event, coordinator, presenter, rooms, block1 } = await bigDay();
    const a = await createProposal(event.id, presenter.id, { state: "accepted", title: "Downstairs" });
    const b = await createProposal(event.id, presenter.id, { state: "accepted", title: "Upstairs" });
    const down = await createPlacement(event.id, a.id, rooms[1]!.id, block1.id);
    const up = await createPlacement(event.id, b.id, rooms[13]!.id, block1.id);

    const grid = await getGrid(coordinator.id, event.id, {}, { moving: down.id });
    expect(grid.roomGroups.map((g) => g.warnings)).toEqual([1, 1]);
    expect(grid.conflicts.map((c) => c.message)).toEqual(["Maria Delgado is in Room 101 and Room 113 during Block 1."]);
    expect(grid.swapChoices).toEqual([{ value: up.id, label: "Upstairs — Room 113, Block 1" }]);

    // Moving a session from the other group: its placement comes along for the form.
    const fromElsewhere = await getGrid(coordinator.id, event.id, {}, { moving: up.id });
    expect(fromElsewhere.placements.map((p) => p.id).sort()).toEqual([down.id, up.id].sort());
    expect(fromElsewhere.swapChoices.map((c) => c.value)).toEqual([down.id]);
  });

  test("an unknown group shows the first; someone who is not the day’s coordinator cannot read the grid", async () => {
    const { event, coordinator, presenter } = await bigDay();
    expect((await getGrid(coordinator.id, event.id, {}, { rooms: "nowhere" })).roomGroup).toBe("main-building-floor-1");
    await expect(getGrid(presenter.id, event.id)).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.placement.count({ where: { eventId: event.id } })).toBe(0);
  });
});
