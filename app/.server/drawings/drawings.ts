// Prize drawings: created with a committed seed, drawn once from a frozen pool,
// re-verifiable by anyone from the revealed seed. Every step lands in the audit log.
import type { DrawingInput } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { appLink, sendMail } from "../outbox/outbox";
import { eligiblePool, parseRules, type DrawingRules } from "./eligibility";
import { DRAW_METHOD, newSeed, replayPicks, seedCommitment } from "./picker";

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

async function notifyWinner(eventId: string, userId: string, itemName: string) {
  const [user, event] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } }),
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true, slug: true } }),
  ]);
  await sendMail({
    eventId,
    to: user.email,
    subject: `You won ${itemName}!`,
    text: [
      `Congratulations, ${user.name}!`,
      "",
      `You won ${itemName} in the prize drawing at ${event.name}.`,
      "Come to the prize table to claim it; see your prizes here:",
      appLink(`/e/${event.slug}/prizes`),
    ].join("\n"),
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

async function winnerWithDrawing(winnerId: string) {
  const winner = await db.drawingWinner.findUnique({
    where: { id: winnerId },
    include: { drawing: true, donation: { select: { itemName: true } } },
  });
  if (!winner) throw new NotFoundError("That winner does not exist.");
  return winner;
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

/** Redraws a unit from the remaining pool, continuing the drawing's counter so it stays verifiable. */
export async function markNoShow(actorId: string, winnerId: string) {
  const winner = await winnerWithDrawing(winnerId);
  const { drawing } = winner;
  await assertEventCoordinator(actorId, drawing.eventId);
  if (winner.status !== "drawn") throw new RuleError("Only a drawn, unclaimed prize can be marked no-show.");
  const pool = JSON.parse(drawing.pool) as string[];
  const replacement = await db.$transaction(async (tx) => {
    const moved = await tx.drawingWinner.updateMany({
      where: { id: winnerId, status: "drawn" },
      data: { status: "no_show" },
    });
    if (moved.count !== 1) throw new RuleError("Someone else already changed this winner.");
    // The rows are read inside the transaction (it holds the write lock): two no-shows
    // of one drawing at once continue the counter one after the other, never both
    // from the same count (which would give two people the same redraw).
    const rows = await tx.drawingWinner.findMany({ where: { drawingId: drawing.id }, orderBy: { position: "asc" } });
    const { initialCount, redraws } = drawShape(rows);
    const picks = replayPicks(drawing.seed!, pool, {
      initialCount,
      redraws: redraws + 1,
      allowMultiple: parseRules(drawing.rules).allowMultiplePrizes,
    });
    const next = picks.length === rows.length + 1 ? picks[picks.length - 1]! : null;
    const created = next
      ? await tx.drawingWinner.create({
          data: {
            drawingId: drawing.id,
            donationId: winner.donationId,
            unitIndex: winner.unitIndex,
            userId: next,
            position: rows.length + 1,
          },
        })
      : null;
    await recordAudit(tx, {
      eventId: drawing.eventId,
      actorId,
      action: "drawing.no_show_redrawn",
      entity: "DrawingWinner",
      entityId: winnerId,
      detail: { noShowUserId: winner.userId, redrawnUserId: next, position: created?.position ?? null },
    });
    return created;
  });
  if (replacement) await notifyWinner(drawing.eventId, replacement.userId, winner.donation.itemName);
  return replacement;
}

export async function markClaimed(actorId: string, winnerId: string) {
  const winner = await winnerWithDrawing(winnerId);
  await assertEventCoordinator(actorId, winner.drawing.eventId);
  await db.$transaction(async (tx) => {
    const moved = await tx.drawingWinner.updateMany({
      where: { id: winnerId, status: "drawn" },
      data: { status: "claimed", claimedAt: new Date() },
    });
    if (moved.count !== 1) throw new RuleError("Only a drawn prize can be marked claimed.");
    await recordAudit(tx, {
      eventId: winner.drawing.eventId,
      actorId,
      action: "drawing.prize_claimed",
      entity: "DrawingWinner",
      entityId: winnerId,
      detail: { userId: winner.userId, itemName: winner.donation.itemName },
    });
  });
}

/** A redraw reuses an earlier row's prize unit; the first row for each unit is the initial draw. */
function drawShape(rows: ReadonlyArray<{ donationId: string; unitIndex: number }>) {
  const units = new Set(rows.map((r) => `${r.donationId}:${r.unitIndex}`));
  return { initialCount: units.size, redraws: rows.length - units.size };
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
