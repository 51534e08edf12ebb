// Prize drawings: created with a committed seed, drawn once from a frozen pool,
// re-verifiable by anyone from the revealed seed. Every step lands in the audit log.
import type { DrawingInput } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { eligiblePool, parseRules, type DrawingRules } from "./eligibility";
import { drawShape, DRAW_METHOD, newSeed, replayPicks, seedCommitment } from "./picker";
import { notifyWinner } from "./winners";

function rulesOf(input: DrawingInput): DrawingRules {
  return {
    minSessions: input.minSessions,
    requireFeedback: input.requireFeedback,
    school: input.school,
    gradeBand: input.gradeBand,
    excludePresenters: input.excludePresenters,
    allowMultiplePrizes: input.allowMultiplePrizes,
    prizeIds: input.prizeIds,
  };
}

/**
 * The seed is fixed (and its hash shown) before anyone knows the pool. It stays in
 * Drawing.seed but is never shown or returned until the draw reveals it.
 */
export async function createDrawing(actorId: string, eventId: string, input: DrawingInput) {
  await assertEventCoordinator(actorId, eventId);
  // Only prizes that can still be drawn: delivered, of this PD day, with a unit left.
  const drawable = new Set((await drawableUnits(eventId)).map((u) => u.donationId));
  const stale = input.prizeIds.filter((id) => !drawable.has(id));
  if (stale.length)
    throw new RuleError("A prize you chose is no longer available (already won, or not delivered). Choose again.");
  const seed = newSeed();
  return db.$transaction(async (tx) => {
    const drawing = await tx.drawing.create({
      data: {
        eventId,
        name: input.name,
        rules: JSON.stringify(rulesOf(input)),
        seed,
        seedHash: seedCommitment(seed),
        createdById: actorId,
      },
    });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "drawing.created",
      entity: "Drawing",
      entityId: drawing.id,
      detail: { name: input.name, rules: rulesOf(input), seedHash: drawing.seedHash },
    });
    return drawing;
  });
}

async function loadDrawing(drawingId: string) {
  const drawing = await db.drawing.findUnique({ where: { id: drawingId }, include: { event: true } });
  if (!drawing) throw new NotFoundError("That drawing does not exist.");
  return drawing;
}

/**
 * Delivered prize units not already won (or claimed) in another drawing, in a fixed
 * order; only the chosen prizes when `prizeIds` is given.
 */
async function drawableUnits(eventId: string, prizeIds?: string[]) {
  const donations = await db.donation.findMany({
    where: { eventId, kind: "prize", status: "delivered", ...(prizeIds ? { id: { in: prizeIds } } : {}) },
    include: { winners: { where: { status: { not: "no_show" } }, select: { unitIndex: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return donations.flatMap((d) => {
    const taken = new Set(d.winners.map((w) => w.unitIndex));
    return Array.from({ length: d.quantity }, (_, unitIndex) => ({
      donationId: d.id,
      itemName: d.itemName,
      unitIndex,
    })).filter((u) => !taken.has(u.unitIndex));
  });
}

export async function runDrawing(actorId: string, drawingId: string) {
  const drawing = await loadDrawing(drawingId);
  await assertEventCoordinator(actorId, drawing.eventId);
  if (drawing.status !== "open") throw new RuleError("This drawing has already been drawn.");
  const rules = parseRules(drawing.rules);
  const units = await drawableUnits(drawing.eventId, rules.prizeIds);
  if (units.length === 0)
    throw new RuleError(
      "The prizes chosen for this drawing have all been won. Create a drawing for the prizes that are left.",
    );
  let candidates = await eligiblePool(drawing.eventId, rules);
  if (!rules.allowMultiplePrizes) {
    // One prize per person across the whole day, not just within this drawing.
    const earlier = await db.drawingWinner.findMany({
      where: { drawing: { eventId: drawing.eventId }, status: { not: "no_show" } },
      select: { userId: true },
    });
    const won = new Set(earlier.map((w) => w.userId));
    candidates = candidates.filter((id) => !won.has(id));
  }
  if (candidates.length === 0) throw new RuleError("Nobody is eligible for this drawing yet.");
  const picks = replayPicks(drawing.seed!, candidates, {
    initialCount: units.length,
    redraws: 0,
    allowMultiple: rules.allowMultiplePrizes,
  });
  const winners = picks.map((userId, i) => ({ ...units[i]!, userId, position: i + 1 }));
  await db.$transaction(async (tx) => {
    // The status flip is the lock: of many simultaneous requests, exactly one draws.
    const claimed = await tx.drawing.updateMany({
      where: { id: drawingId, status: "open" },
      data: {
        status: "drawn",
        drawnAt: new Date(),
        poolSize: candidates.length,
        pool: JSON.stringify(candidates),
        method: DRAW_METHOD,
      },
    });
    if (claimed.count !== 1) throw new RuleError("This drawing has already been drawn.");
    // The prizes and the "one prize per person" list were read before this
    // transaction; another drawing run at the same moment may have taken a unit or
    // a person since. Checked again here, under the write lock: if so, nothing is
    // kept and the coordinator draws again (from what is left).
    const taken = await tx.drawingWinner.count({
      where: {
        status: { not: "no_show" },
        OR: [
          ...winners.map((w) => ({ donationId: w.donationId, unitIndex: w.unitIndex })),
          ...(rules.allowMultiplePrizes
            ? []
            : [{ drawing: { eventId: drawing.eventId }, userId: { in: winners.map((w) => w.userId) } }]),
        ],
      },
    });
    if (taken > 0)
      throw new RuleError(
        "Another drawing was run at the same moment and took some of these prizes or winners. Nothing was drawn; draw again.",
      );
    await tx.drawingWinner.createMany({
      data: winners.map((w) => ({
        drawingId,
        donationId: w.donationId,
        unitIndex: w.unitIndex,
        userId: w.userId,
        position: w.position,
      })),
    });
    await recordAudit(tx, {
      eventId: drawing.eventId,
      actorId,
      action: "drawing.drawn",
      entity: "Drawing",
      entityId: drawingId,
      detail: {
        poolSize: candidates.length,
        seedHash: drawing.seedHash,
        seed: drawing.seed,
        method: DRAW_METHOD,
        winners: winners.map((w) => ({
          position: w.position,
          userId: w.userId,
          donationId: w.donationId,
          unit: w.unitIndex,
        })),
      },
    });
  });
  for (const w of winners) await notifyWinner(drawing.eventId, w.userId, w.itemName);
  return winners;
}

/** The prizes a new drawing can give away, for the drawing form's checkboxes. */
export async function prizesToChoose(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const units = await drawableUnits(eventId);
  const byPrize = new Map<string, { id: string; itemName: string; left: number }>();
  for (const u of units) {
    const prize = byPrize.get(u.donationId) ?? { id: u.donationId, itemName: u.itemName, left: 0 };
    prize.left += 1;
    byPrize.set(u.donationId, prize);
  }
  return [...byPrize.values()];
}

/** Re-runs the draw from the revealed seed and the frozen pool and compares with what was recorded. */
export async function verifyDrawing(drawingId: string) {
  const drawing = await db.drawing.findUnique({
    where: { id: drawingId },
    include: { winners: { orderBy: { position: "asc" } } },
  });
  if (!drawing) throw new NotFoundError("That drawing does not exist.");
  if (drawing.status !== "drawn" || !drawing.seed) return { ok: false, problems: ["Not drawn yet."] };
  const problems: string[] = [];
  if (seedCommitment(drawing.seed) !== drawing.seedHash) problems.push("The seed does not match its commitment.");
  const pool = JSON.parse(drawing.pool) as string[];
  if (pool.length !== drawing.poolSize) problems.push("The pool size does not match the frozen pool.");
  const { initialCount, redraws } = drawShape(drawing.winners);
  const picks = replayPicks(drawing.seed, pool, {
    initialCount,
    redraws,
    allowMultiple: parseRules(drawing.rules).allowMultiplePrizes,
  });
  const recorded = drawing.winners.map((w) => w.userId);
  if (picks.join(",") !== recorded.join(",")) problems.push("Re-running the draw gives different winners.");
  return { ok: problems.length === 0, problems };
}
