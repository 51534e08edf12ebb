import { describe, expect, test } from "vitest";
import { RoomSchema } from "~/schemas/schedule";
import { db } from "~/utils/db.server";
import { addMember, createBlock, createEvent, createRoom, createUser } from "../../../tests/factories";
import { NotAllowedError, RuleError } from "../errors";
import { copyBlocksFromEvent, createBlock as addBlock, updateBlock } from "./blocks";
import { copyRoomsFromEvent, createRoom as addRoom, importRoomsCsv, listRooms, moveRoom } from "./rooms";

async function coordinatedEvent() {
  const event = await createEvent();
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

const room = (values: Record<string, unknown>) =>
  RoomSchema.parse({ building: "", floor: "", features: "", accessible: "on", ...values });

describe("rooms", () => {
  test("a coordinator adds rooms; a duplicate name is refused on the name field; order can change", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const library = await addRoom(
      coordinator.id,
      event.id,
      room({ name: "Library", capacity: "60", features: ["projector", "charging"] }),
    );
    await addRoom(coordinator.id, event.id, room({ name: "Room 203", capacity: "28" }));
    expect(library).toMatchObject({ features: "projector,charging", accessible: true, capacity: 60 });

    const duplicate = addRoom(coordinator.id, event.id, room({ name: "Library", capacity: "10" }));
    await expect(duplicate).rejects.toBeInstanceOf(RuleError);
    await expect(duplicate).rejects.toMatchObject({ field: "name" });

    await moveRoom(coordinator.id, library.id, "down");
    expect((await listRooms(coordinator.id, event.id)).map((r) => r.name)).toEqual(["Room 203", "Library"]);
  });

  test("a presenter cannot add rooms", async () => {
    const { event } = await coordinatedEvent();
    const presenter = await createUser();
    await addMember(event.id, presenter.id, "presenter");
    await expect(addRoom(presenter.id, event.id, room({ name: "Gym", capacity: "80" }))).rejects.toBeInstanceOf(
      NotAllowedError,
    );
  });

  test("CSV import reports bad rows by line, imports the good ones, and a re-import updates rooms by name", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const csv = [
      "Name,Building,Floor,Capacity,Features,Accessible",
      "Library,Main,1,60,projector;wifi_heavy,yes",
      "Room 114,Main,1,lots,projector,yes",
      "Computer Lab B,East wing,2,30,projector|student_devices,no",
      ",Main,1,20,,yes",
      "Art Room,Main,1,25,easel,yes",
      "Gym,Main,1,200,,maybe",
    ].join("\n");
    const result = await importRoomsCsv(coordinator.id, event.id, csv);
    expect(result.created).toBe(2);
    expect(result.errors).toEqual([
      { row: 3, message: "capacity: Enter the number of seats, e.g. 30" },
      { row: 5, message: "name: Give the room a name" },
      { row: 6, message: expect.stringContaining("features: Features must be from") },
      { row: 7, message: "accessible must be yes or no, not “maybe”." },
    ]);
    const lab = await db.room.findFirstOrThrow({ where: { eventId: event.id, name: "Computer Lab B" } });
    expect(lab).toMatchObject({
      capacity: 30,
      features: "projector,student_devices",
      accessible: false,
      building: "East wing",
    });

    const again = await importRoomsCsv(
      coordinator.id,
      event.id,
      "name,capacity,features\nLibrary,75,projector\nRoom 114,24,",
    );
    expect(again).toEqual({ created: 1, updated: 1, errors: [] });
    expect(await db.room.findFirstOrThrow({ where: { eventId: event.id, name: "Library" } })).toMatchObject({
      capacity: 75,
      features: "projector",
    });
    expect(await db.room.count({ where: { eventId: event.id } })).toBe(3);
  });

  test("a CSV without name and capacity columns is refused as a whole", async () => {
    const { event, coordinator } = await coordinatedEvent();
    await expect(importRoomsCsv(coordinator.id, event.id, "room,seats\nLibrary,60")).rejects.toMatchObject({
      field: "csv",
    });
  });

  test("rooms and blocks copy from another PD day the coordinator runs, skipping what is already there", async () => {
    const { event, coordinator } = await coordinatedEvent();
    const earlier = await createEvent();
    await addMember(earlier.id, coordinator.id, "coordinator");
    await createRoom(earlier.id, { name: "Library" });
    await createRoom(earlier.id, { name: "Gym" });
    await createRoom(event.id, { name: "Gym" });
    await createBlock(earlier.id, { label: "Block 1", startTime: "09:00", endTime: "09:50" });
    await createBlock(earlier.id, { label: "Block 2", startTime: "10:00", endTime: "10:50" });
    await createBlock(event.id, { label: "Opening", startTime: "09:30", endTime: "09:55", kind: "keynote" });

    expect(await copyRoomsFromEvent(coordinator.id, event.id, earlier.id)).toEqual({ copied: 1, skipped: 1 });
    expect(await copyBlocksFromEvent(coordinator.id, event.id, earlier.id)).toEqual({ copied: 1, skipped: 1 });

    const stranger = await createEvent();
    await createRoom(stranger.id, { name: "Secret room" });
    await expect(copyRoomsFromEvent(coordinator.id, event.id, stranger.id)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe("time blocks", () => {
  const block = (label: string, startTime: string, endTime: string) => ({
    label,
    startTime,
    endTime,
    kind: "sessions" as const,
  });

  test("blocks may touch but not overlap; the overlap is reported on the start time", async () => {
    const { event, coordinator } = await coordinatedEvent();
    await addBlock(coordinator.id, event.id, block("Block 1", "09:00", "09:50"));
    const second = await addBlock(coordinator.id, event.id, block("Block 2", "09:50", "10:40"));
    const overlap = addBlock(coordinator.id, event.id, block("Block 1b", "09:30", "10:00"));
    await expect(overlap).rejects.toMatchObject({
      field: "startTime",
      message: "This overlaps Block 1 (09:00–09:50).",
    });
    // Editing a block does not clash with itself.
    await updateBlock(coordinator.id, second.id, block("Block 2", "09:55", "10:45"));
    const blocks = await db.timeBlock.findMany({ where: { eventId: event.id }, orderBy: { sortOrder: "asc" } });
    expect(blocks.map((b) => b.label)).toEqual(["Block 1", "Block 2"]);
  });
});
