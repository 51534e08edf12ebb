// Read models for the drawing pages: the coordinator's list, the projector and the attendee's phone.
import { db } from "~/utils/db.server";
import { NotFoundError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { dayPeople } from "../people/day-person";
import { missingForUser, parseRules } from "./eligibility";

const winnerInclude = {
  donation: { select: { itemName: true, vendor: { select: { company: true } } } },
} as const;

/** Winners named as this PD day knows them. */
async function named<W extends { userId: string }>(eventId: string, winners: W[]) {
  const people = await dayPeople(eventId, [...new Set(winners.map((w) => w.userId))]);
  return winners.map((w) => {
    const person = people.get(w.userId);
    return { ...w, user: { name: person?.name ?? "", school: person?.school ?? null } };
  });
}

export async function listDrawings(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const drawings = await db.drawing.findMany({
    where: { eventId },
    include: { winners: { include: winnerInclude, orderBy: { position: "asc" } } },
    orderBy: { createdAt: "desc" },
  });
  const winners = new Map(
    (
      await named(
        eventId,
        drawings.flatMap((d) => d.winners),
      )
    ).map((w) => [w.id, w]),
  );
  // The seed stays secret until the draw: never hand it to a page before then.
  return drawings.map(({ seed, ...d }) => ({
    ...d,
    winners: d.winners.map((w) => winners.get(w.id)!),
    seed: d.status === "drawn" ? seed : null,
    rules: parseRules(d.rules),
  }));
}

export async function getDrawingForShow(actorId: string, eventId: string, drawingId: string) {
  await assertEventCoordinator(actorId, eventId);
  const drawing = await db.drawing.findFirst({
    where: { id: drawingId, eventId },
    include: {
      winners: { where: { status: { not: "no_show" } }, include: winnerInclude, orderBy: { position: "asc" } },
    },
  });
  if (!drawing) throw new NotFoundError("That drawing does not exist.");
  return {
    id: drawing.id,
    name: drawing.name,
    status: drawing.status,
    poolSize: drawing.poolSize,
    winners: await named(eventId, drawing.winners),
  };
}

/** The attendee's phone: what they won, and for each open drawing what they still need. */
export async function myPrizes(userId: string, eventId: string) {
  const [won, drawings, prizes] = await Promise.all([
    db.drawingWinner.findMany({
      where: { userId, status: { not: "no_show" }, drawing: { eventId } },
      include: winnerInclude,
      orderBy: { drawnAt: "asc" },
    }),
    db.drawing.findMany({ where: { eventId, status: "open" }, orderBy: { createdAt: "asc" } }),
    db.donation.findMany({
      where: { eventId, kind: "prize" },
      select: { id: true, itemName: true, quantity: true, restrictions: true, vendor: { select: { company: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const missing = await missingForUser(
    eventId,
    drawings.map((d) => parseRules(d.rules)),
    userId,
  );
  return {
    won: won.map((w) => ({
      id: w.id,
      itemName: w.donation.itemName,
      company: w.donation.vendor.company,
      status: w.status,
    })),
    drawings: drawings.map((d, i) => ({ id: d.id, name: d.name, missing: missing[i]! })),
    prizes,
  };
}
