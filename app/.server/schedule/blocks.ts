// The time blocks of a PD day: the rows of the grid, kept in start-time order and never overlapping.
import type { BlockInput } from "~/schemas/schedule";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";

/** Minutes since midnight: kept in sortOrder so anything ordering by it sees day order. */
function minutes(time: string) {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

export async function listBlocks(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  return db.timeBlock.findMany({ where: { eventId }, orderBy: { startTime: "asc" } });
}

async function assertNoOverlap(eventId: string, input: BlockInput, exceptId?: string) {
  const others = await db.timeBlock.findMany({
    where: { eventId, NOT: exceptId ? { id: exceptId } : undefined },
    orderBy: { startTime: "asc" },
  });
  // HH:MM strings compare in time order, so this is the usual interval test.
  const clash = others.find((b) => b.startTime < input.endTime && input.startTime < b.endTime);
  if (clash) {
    throw new RuleError(`This overlaps ${clash.label} (${clash.startTime}–${clash.endTime}).`, "startTime");
  }
}

function blockData(input: BlockInput) {
  return {
    label: input.label,
    startTime: input.startTime,
    endTime: input.endTime,
    kind: input.kind,
    sortOrder: minutes(input.startTime),
  };
}

export async function createBlock(actorId: string, eventId: string, input: BlockInput) {
  await assertEventCoordinator(actorId, eventId);
  await assertNoOverlap(eventId, input);
  return db.$transaction(async (tx) => {
    const block = await tx.timeBlock.create({ data: { ...blockData(input), eventId } });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "block.created",
      entity: "TimeBlock",
      entityId: block.id,
      detail: { label: block.label },
    });
    return block;
  });
}

async function findBlock(actorId: string, blockId: string) {
  const block = await db.timeBlock.findUnique({ where: { id: blockId } });
  if (!block) throw new NotFoundError("That time block no longer exists.");
  await assertEventCoordinator(actorId, block.eventId);
  return block;
}

export async function updateBlock(actorId: string, blockId: string, input: BlockInput) {
  const block = await findBlock(actorId, blockId);
  await assertNoOverlap(block.eventId, input, block.id);
  return db.$transaction(async (tx) => {
    const updated = await tx.timeBlock.update({ where: { id: blockId }, data: blockData(input) });
    await recordAudit(tx, {
      eventId: block.eventId,
      actorId,
      action: "block.updated",
      entity: "TimeBlock",
      entityId: block.id,
      detail: { label: updated.label },
    });
    return updated;
  });
}

/** Deleting a block takes its sessions off the grid (they return to the unplaced tray). */
export async function deleteBlock(actorId: string, blockId: string) {
  const block = await findBlock(actorId, blockId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.timeBlock.deleteMany({ where: { id: blockId } });
    if (count !== 1) throw new NotFoundError("That time block was already deleted.");
    await recordAudit(tx, {
      eventId: block.eventId,
      actorId,
      action: "block.deleted",
      entity: "TimeBlock",
      entityId: block.id,
      detail: { label: block.label },
    });
  });
  return block;
}

/** Copy another PD day's blocks; any that would overlap a block already here are skipped. */
export async function copyBlocksFromEvent(actorId: string, eventId: string, sourceEventId: string) {
  await assertEventCoordinator(actorId, eventId);
  await assertEventCoordinator(actorId, sourceEventId);
  const [source, existing] = await Promise.all([
    db.timeBlock.findMany({ where: { eventId: sourceEventId }, orderBy: { startTime: "asc" } }),
    db.timeBlock.findMany({ where: { eventId } }),
  ]);
  const kept = [...existing];
  const fresh = source.filter((block) => {
    if (kept.some((b) => b.startTime < block.endTime && block.startTime < b.endTime)) return false;
    kept.push(block);
    return true;
  });
  await db.$transaction(async (tx) => {
    for (const { label, startTime, endTime, kind } of fresh) {
      await tx.timeBlock.create({ data: { eventId, label, startTime, endTime, kind, sortOrder: minutes(startTime) } });
    }
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "block.copied",
      entity: "TimeBlock",
      entityId: sourceEventId,
      detail: { copied: fresh.length },
    });
  });
  return { copied: fresh.length, skipped: source.length - fresh.length };
}
