// After the draw, at the prize table: a winner who does not come is marked no-show and
// the unit is redrawn from the same frozen pool (the counter continues, so the drawing
// stays verifiable); one who comes is marked claimed. Every step lands in the audit log.
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { appLink, sendMail } from "../outbox/outbox";
import { parseRules } from "./eligibility";
import { drawShape, replayPicks } from "./picker";

/** Mails a winner (of the draw or a redraw) where to claim their prize. */
export async function notifyWinner(eventId: string, userId: string, itemName: string) {
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

async function winnerWithDrawing(winnerId: string) {
  const winner = await db.drawingWinner.findUnique({
    where: { id: winnerId },
    include: { drawing: true, donation: { select: { itemName: true } } },
  });
  if (!winner) throw new NotFoundError("That winner does not exist.");
  return winner;
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
