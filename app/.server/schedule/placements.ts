// Putting sessions on the working grid: place, move, swap, remove, and undo.
// Every change is audited as entity "Placement" with the affected placements'
// state before and after, which is all undo needs to put them back.
import type { Placement } from "@prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { blockSequence } from "./conflicts";

const PLACEABLE_STATES = ["accepted", "confirmed"];
export const STALE_MESSAGE =
  "Someone else changed this session since you loaded the grid — reload to see their change.";

type Spot = { roomId: string; timeBlockId: string };
type Snapshot = { id: string; proposalId: string; roomId: string; timeBlockId: string; version: number };
type GridChange = { before: Snapshot[]; after: Snapshot[] };

function snapshot(placement: Placement): Snapshot {
  return {
    id: placement.id,
    proposalId: placement.proposalId,
    roomId: placement.roomId,
    timeBlockId: placement.timeBlockId,
    version: placement.version,
  };
}

async function audit(tx: Tx, eventId: string, actorId: string, action: string, entityId: string, detail: object) {
  await recordAudit(tx, {
    eventId,
    actorId,
    action,
    entity: "Placement",
    entityId,
    detail: detail as Record<string, unknown>,
  });
}

/** The room and block must be this event's, and a two-block session needs a session block after its start. */
async function checkSpot(eventId: string, spot: Spot, proposal: { title: string; lengthBlocks: number }) {
  const [room, blocks] = await Promise.all([
    db.room.findFirst({ where: { id: spot.roomId, eventId }, select: { id: true } }),
    db.timeBlock.findMany({ where: { eventId } }),
  ]);
  if (!room) throw new RuleError("Choose a room of this PD day.", "roomId");
  const block = blocks.find((b) => b.id === spot.timeBlockId);
  if (!block) throw new RuleError("Choose a time block of this PD day.", "timeBlockId");
  if (proposal.lengthBlocks > 1 && !blockSequence(blocks).nextSessionBlock.get(block.id)) {
    throw new RuleError(
      `“${proposal.title}” takes two blocks, but there is no session block after ${block.label}. Choose an earlier block.`,
      "timeBlockId",
    );
  }
}

async function findPlacement(placementId: string) {
  const placement = await db.placement.findUnique({
    where: { id: placementId },
    include: { proposal: { select: { title: true, lengthBlocks: true } } },
  });
  if (!placement) throw new NotFoundError("That session is no longer on the grid — reload to see the latest grid.");
  return placement;
}

export async function place(actorId: string, eventId: string, input: { proposalId: string } & Spot) {
  await assertEventCoordinator(actorId, eventId);
  const proposal = await db.proposal.findFirst({ where: { id: input.proposalId, eventId } });
  if (!proposal) throw new NotFoundError("That proposal is not part of this PD day.");
  if (!PLACEABLE_STATES.includes(proposal.state)) {
    throw new RuleError(`“${proposal.title}” is not accepted yet; only accepted or confirmed sessions go on the grid.`);
  }
  await checkSpot(eventId, input, proposal);
  return db.$transaction(async (tx) => {
    const placement = await tx.placement.create({
      data: { eventId, proposalId: proposal.id, roomId: input.roomId, timeBlockId: input.timeBlockId },
    });
    await audit(tx, eventId, actorId, "placement.placed", placement.id, { before: [], after: [snapshot(placement)] });
    return placement;
  });
}

export async function move(actorId: string, placementId: string, input: Spot & { expectedVersion: number }) {
  const placement = await findPlacement(placementId);
  await assertEventCoordinator(actorId, placement.eventId);
  if (placement.version !== input.expectedVersion) throw new RuleError(STALE_MESSAGE);
  await checkSpot(placement.eventId, input, placement.proposal);
  return db.$transaction(async (tx) => {
    // The version in the WHERE makes the check and the write one step: a move that
    // raced another one finds no row at the version it read.
    const { count } = await tx.placement.updateMany({
      where: { id: placementId, version: input.expectedVersion },
      data: { roomId: input.roomId, timeBlockId: input.timeBlockId, version: { increment: 1 } },
    });
    if (count === 0) throw new RuleError(STALE_MESSAGE);
    const moved = await tx.placement.findUniqueOrThrow({ where: { id: placementId } });
    await audit(tx, placement.eventId, actorId, "placement.moved", placementId, {
      before: [snapshot(placement)],
      after: [snapshot(moved)],
    });
    return moved;
  });
}

/**
 * Two sessions trade places (rooms and blocks). `expectedVersion` is the version
 * of the first session on the coordinator's screen; both writes are conditional
 * on the versions read here, so a swap racing any other change is refused whole.
 */
export async function swap(actorId: string, placementIdA: string, placementIdB: string, expectedVersion?: number) {
  const a = await findPlacement(placementIdA);
  const b = await findPlacement(placementIdB);
  if (a.eventId !== b.eventId) throw new NotFoundError("Both sessions must be on the same PD day's grid.");
  if (a.id === b.id) throw new RuleError("Choose a different session to swap with.", "otherPlacementId");
  await assertEventCoordinator(actorId, a.eventId);
  if (expectedVersion !== undefined && a.version !== expectedVersion) throw new RuleError(STALE_MESSAGE);
  await checkSpot(a.eventId, b, a.proposal);
  await checkSpot(a.eventId, a, b.proposal);
  return db.$transaction(async (tx) => {
    const trade = async (from: typeof a, to: typeof a) => {
      const { count } = await tx.placement.updateMany({
        where: { id: from.id, version: from.version },
        data: { roomId: to.roomId, timeBlockId: to.timeBlockId, version: { increment: 1 } },
      });
      if (count === 0) throw new RuleError(STALE_MESSAGE);
      return tx.placement.findUniqueOrThrow({ where: { id: from.id } });
    };
    const movedA = await trade(a, b);
    const movedB = await trade(b, a);
    await audit(tx, a.eventId, actorId, "placement.swapped", a.id, {
      before: [snapshot(a), snapshot(b)],
      after: [snapshot(movedA), snapshot(movedB)],
    });
    return [movedA, movedB] as const;
  });
}

/** Off the grid and back to the tray; refused if someone changed it since `expectedVersion`. */
export async function remove(actorId: string, placementId: string, expectedVersion?: number) {
  const placement = await findPlacement(placementId);
  await assertEventCoordinator(actorId, placement.eventId);
  const version = expectedVersion ?? placement.version;
  await db.$transaction(async (tx) => {
    const { count } = await tx.placement.deleteMany({ where: { id: placementId, version } });
    if (count === 0) throw new RuleError(STALE_MESSAGE);
    await audit(tx, placement.eventId, actorId, "placement.removed", placementId, {
      before: [snapshot(placement)],
      after: [],
    });
  });
  return placement;
}

/**
 * Put the grid back as it was before the latest change nobody has undone yet.
 * Repeated undos walk further back; the undo is itself audited (and is never undone).
 */
export async function undoLastMove(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const entries = await db.auditLog.findMany({
    where: { eventId, entity: "Placement" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  const undone = new Set(
    entries
      .filter((entry) => entry.action === "placement.undone")
      .map((entry) => (JSON.parse(entry.detail) as { undoneAuditId?: string }).undoneAuditId),
  );
  const target = entries.find((entry) => entry.action !== "placement.undone" && !undone.has(entry.id));
  if (!target) throw new RuleError("There is nothing to undo.");
  const change = JSON.parse(target.detail) as GridChange;
  const beforeIds = new Set(change.before.map((s) => s.id));

  try {
    await db.$transaction(async (tx) => {
      for (const created of change.after.filter((s) => !beforeIds.has(s.id))) {
        await tx.placement.deleteMany({ where: { id: created.id } });
      }
      for (const previous of change.before) {
        const spot = { roomId: previous.roomId, timeBlockId: previous.timeBlockId };
        await tx.placement.upsert({
          where: { id: previous.id },
          update: { ...spot, version: { increment: 1 } },
          // Recreated above any version a browser may still hold, so stale moves stay refused.
          create: {
            ...spot,
            id: previous.id,
            eventId,
            proposalId: previous.proposalId,
            version: (previous.version ?? 1) + 1,
          },
        });
      }
      await audit(tx, eventId, actorId, "placement.undone", target.entityId, {
        undoneAuditId: target.id,
        undoneAction: target.action,
        before: change.after,
        after: change.before,
      });
    });
  } catch (error) {
    // A room, block or proposal the change refers to has since been deleted.
    if (error instanceof Error && /foreign key/i.test(error.message)) {
      throw new RuleError("That change can no longer be undone: a room, block or session it used has been deleted.");
    }
    throw error;
  }
  return { undoneAction: target.action };
}
