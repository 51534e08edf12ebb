// The rooms of a PD day: edit, order, copy from an earlier day, import from CSV.
import Papa from "papaparse";
import { RoomSchema, type RoomInput } from "~/schemas/schedule";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator, loadActor } from "../events/permissions";

function roomData(input: RoomInput) {
  return {
    name: input.name,
    building: input.building ?? "",
    floor: input.floor ?? "",
    capacity: input.capacity,
    features: input.features.join(","),
    accessible: input.accessible,
  };
}

export async function listRooms(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  return db.room.findMany({ where: { eventId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

async function nameTaken(eventId: string, name: string, exceptId?: string) {
  const other = await db.room.findFirst({ where: { eventId, name, NOT: exceptId ? { id: exceptId } : undefined } });
  return Boolean(other);
}

export async function createRoom(actorId: string, eventId: string, input: RoomInput) {
  await assertEventCoordinator(actorId, eventId);
  if (await nameTaken(eventId, input.name))
    throw new RuleError("This PD day already has a room with that name.", "name");
  const last = await db.room.findFirst({ where: { eventId }, orderBy: { sortOrder: "desc" } });
  return db.$transaction(async (tx) => {
    const room = await tx.room.create({ data: { ...roomData(input), eventId, sortOrder: (last?.sortOrder ?? 0) + 1 } });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "room.created",
      entity: "Room",
      entityId: room.id,
      detail: { name: room.name },
    });
    return room;
  });
}

async function findRoom(actorId: string, roomId: string) {
  const room = await db.room.findUnique({ where: { id: roomId } });
  if (!room) throw new NotFoundError("That room no longer exists.");
  await assertEventCoordinator(actorId, room.eventId);
  return room;
}

export async function updateRoom(actorId: string, roomId: string, input: RoomInput) {
  const room = await findRoom(actorId, roomId);
  if (await nameTaken(room.eventId, input.name, room.id)) {
    throw new RuleError("This PD day already has a room with that name.", "name");
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.room.update({ where: { id: roomId }, data: roomData(input) });
    await recordAudit(tx, {
      eventId: room.eventId,
      actorId,
      action: "room.updated",
      entity: "Room",
      entityId: room.id,
      detail: { name: updated.name },
    });
    return updated;
  });
}

/** Deleting a room takes its sessions off the grid (they return to the unplaced tray). */
export async function deleteRoom(actorId: string, roomId: string) {
  const room = await findRoom(actorId, roomId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.room.deleteMany({ where: { id: roomId } });
    if (count !== 1) throw new NotFoundError("That room was already deleted.");
    await recordAudit(tx, {
      eventId: room.eventId,
      actorId,
      action: "room.deleted",
      entity: "Room",
      entityId: room.id,
      detail: { name: room.name },
    });
  });
  return room;
}

/** Move a room one column left ("up") or right ("down") in the grid. */
export async function moveRoom(actorId: string, roomId: string, direction: "up" | "down") {
  const room = await findRoom(actorId, roomId);
  const rooms = await db.room.findMany({
    where: { eventId: room.eventId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  const ids = rooms.map((r) => r.id);
  const index = ids.indexOf(roomId);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) return;
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  await reorderRooms(actorId, room.eventId, ids);
}

/** Set the column order; ids not listed keep their relative order after the listed ones. */
export async function reorderRooms(actorId: string, eventId: string, roomIds: string[]) {
  await assertEventCoordinator(actorId, eventId);
  const rooms = await db.room.findMany({ where: { eventId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  const known = new Set(rooms.map((r) => r.id));
  const order = [
    ...roomIds.filter((id) => known.has(id)),
    ...rooms.map((r) => r.id).filter((id) => !roomIds.includes(id)),
  ];
  // updateMany: a room deleted meanwhile is skipped rather than failing the reorder.
  await db.$transaction(
    order.map((id, index) => db.room.updateMany({ where: { id, eventId }, data: { sortOrder: index + 1 } })),
  );
}

/** Earlier PD days this person coordinates, to copy rooms or blocks from. */
export async function copySources(actorId: string, eventId: string) {
  const actor = await loadActor(actorId);
  return db.event.findMany({
    where: {
      id: { not: eventId },
      ...(actor.isDistrictCoordinator ? {} : { memberships: { some: { userId: actorId, role: "coordinator" } } }),
    },
    orderBy: { date: "desc" },
    select: { id: true, name: true, date: true, _count: { select: { rooms: true, timeBlocks: true } } },
  });
}

/** Copy the rooms of another PD day the actor coordinates; rooms with a name already used here are skipped. */
export async function copyRoomsFromEvent(actorId: string, eventId: string, sourceEventId: string) {
  await assertEventCoordinator(actorId, eventId);
  await assertEventCoordinator(actorId, sourceEventId);
  const [source, existing] = await Promise.all([
    db.room.findMany({ where: { eventId: sourceEventId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.room.findMany({ where: { eventId }, select: { name: true, sortOrder: true } }),
  ]);
  const taken = new Set(existing.map((r) => r.name));
  const start = Math.max(0, ...existing.map((r) => r.sortOrder));
  const fresh = source.filter((room) => !taken.has(room.name));
  await db.$transaction(async (tx) => {
    for (const [index, { name, building, floor, capacity, features, accessible }] of fresh.entries()) {
      await tx.room.create({
        data: { eventId, name, building, floor, capacity, features, accessible, sortOrder: start + index + 1 },
      });
    }
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "room.copied",
      entity: "Room",
      entityId: sourceEventId,
      detail: { copied: fresh.length },
    });
  });
  return { copied: fresh.length, skipped: source.length - fresh.length };
}

export type ImportError = { row: number; message: string };

const YES = new Set(["yes", "y", "true", "1", "accessible"]);
const NO = new Set(["no", "n", "false", "0"]);

/**
 * Import rooms from CSV text (columns: name, building, floor, capacity, features, accessible).
 * A row naming an existing room updates it. Bad rows are reported by their line in the
 * file (the header is line 1) and skipped; the good rows are still imported.
 */
export async function importRoomsCsv(actorId: string, eventId: string, csv: string) {
  await assertEventCoordinator(actorId, eventId);
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, "").trim(), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  if (!headers.includes("name") || !headers.includes("capacity")) {
    throw new RuleError("The CSV needs a header row with at least the columns name and capacity.", "csv");
  }
  const errors: ImportError[] = [];
  const rows: Array<{ row: number; input: RoomInput }> = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((record, index) => {
    const row = index + 2;
    const accessibleText = (record.accessible ?? "").trim().toLowerCase();
    if (accessibleText && !YES.has(accessibleText) && !NO.has(accessibleText)) {
      errors.push({ row, message: `accessible must be yes or no, not “${record.accessible}”.` });
      return;
    }
    const result = RoomSchema.safeParse({
      name: record.name ?? "",
      building: record.building ?? "",
      floor: record.floor ?? "",
      capacity: record.capacity ?? "",
      features: record.features ?? "",
      // A blank cell means accessible: most classrooms are, and a missing column should not mark every room otherwise.
      accessible: accessibleText === "" || YES.has(accessibleText),
    });
    if (!result.success) {
      errors.push({
        row,
        message: result.error.issues.map((issue) => `${String(issue.path[0] ?? "row")}: ${issue.message}`).join("; "),
      });
      return;
    }
    const earlier = seen.get(result.data.name);
    if (earlier) {
      errors.push({ row, message: `“${result.data.name}” is already on row ${earlier}.` });
      return;
    }
    seen.set(result.data.name, row);
    rows.push({ row, input: result.data });
  });

  let created = 0;
  let updated = 0;
  await db.$transaction(async (tx) => {
    // Read inside the transaction (it holds the write lock): a room added meanwhile is updated, not duplicated.
    const existing = await tx.room.findMany({ where: { eventId }, select: { id: true, name: true, sortOrder: true } });
    const byName = new Map(existing.map((r) => [r.name, r]));
    let sortOrder = Math.max(0, ...existing.map((r) => r.sortOrder));
    for (const { input } of rows) {
      const match = byName.get(input.name);
      if (match) {
        await tx.room.update({ where: { id: match.id }, data: roomData(input) });
        updated++;
      } else {
        await tx.room.create({ data: { ...roomData(input), eventId, sortOrder: ++sortOrder } });
        created++;
      }
    }
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "room.imported",
      entity: "Room",
      entityId: eventId,
      detail: { created, updated, rejected: errors.length },
    });
  });
  return { created, updated, errors };
}
