import { db } from "~/utils/db.server";
import { NotAllowedError } from "../errors";
import { coordinatedEventIds, loadActor } from "../events/permissions";

/**
 * The messages a coordinator may read: a district coordinator reads everything
 * (account mail has no event); an event coordinator reads their events' mail.
 */
export async function listOutbox(actorId: string, { take = 100 }: { take?: number } = {}) {
  const actor = await loadActor(actorId);
  if (actor.isDistrictCoordinator) {
    return db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take, include: { event: true } });
  }
  const eventIds = await coordinatedEventIds(actorId);
  if (eventIds.length === 0) throw new NotAllowedError("Only coordinators can read the outbox.");
  return db.outboxMessage.findMany({
    where: { eventId: { in: eventIds } },
    orderBy: { createdAt: "desc" },
    take,
    include: { event: true },
  });
}
