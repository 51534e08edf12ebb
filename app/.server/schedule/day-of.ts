// Day-of sessions, the edcamp way: any teacher at the PD day offers a session from
// their phone; a coordinator drops it into a free room and publishes just that one
// change, so attendees see it at once without unpublished grid edits leaking out.
import type { ProposeNowInput } from "~/schemas/day-of";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator, findEventBySlug, loadActor } from "../events/permissions";
import { blockSequence, occupiedBlocks } from "./conflicts";
import { DAY_OF_ACTION, dayOfProposalIds } from "./day-of-marker";
import { place } from "./placements";
import { freezeVersion, latestPublished } from "./publish";
import { buildSnapshot, loadPlacementSessions, sortSessions, type ScheduleSnapshot } from "./snapshot";
import { toMinutes, wallClockAt } from "./times";

/** Anyone who belongs to the PD day may offer a session on the day. */
async function assertEventMember(actorId: string, eventId: string) {
  const actor = await loadActor(actorId);
  if (actor.isDistrictCoordinator) return actor;
  const member = await db.membership.findFirst({ where: { eventId, userId: actorId }, select: { id: true } });
  if (!member) throw new NotAllowedError("Only people taking part in this PD day can offer a session.");
  return actor;
}

export async function getProposeNowEvent(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertEventMember(actorId, event.id);
  if (event.status === "draft" || event.status === "archived") {
    throw new NotFoundError("This PD day is not taking day-of sessions.");
  }
  return event;
}

/** The offer is accepted straight away: on the day there is no review round. */
export async function proposeNow(actorId: string, eventId: string, input: ProposeNowInput) {
  await assertEventMember(actorId, eventId);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: {
        eventId,
        presenterId: actorId,
        title: input.title,
        summary: input.summary,
        audience: input.audience.join(","),
        format: "discussion",
        lengthBlocks: 1,
        dayOf: true,
        state: "accepted",
        submittedAt: now,
        decidedAt: now,
      },
    });
    await tx.membership.upsert({
      where: { eventId_userId_role: { eventId, userId: actorId, role: "presenter" } },
      create: { eventId, userId: actorId, role: "presenter" },
      update: {},
    });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: DAY_OF_ACTION,
      entity: "Proposal",
      entityId: proposal.id,
      detail: { title: proposal.title },
    });
    return proposal;
  });
}

type Cell = {
  roomId: string;
  roomName: string;
  blockId: string;
  blockLabel: string;
  startTime: string;
  endTime: string;
};

/**
 * Room × session-block cells nobody uses, in the working grid or the published
 * version. On the day itself, blocks that are already over are left out.
 */
async function freeCells(eventId: string, now: Date): Promise<Cell[]> {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const draft = await buildSnapshot(eventId);
  const published = (await latestPublished(eventId))?.snapshot;
  const sessionBlocks = draft.blocks.filter((b) => b.kind === "sessions");
  const { nextSessionBlock } = blockSequence(draft.blocks);
  const taken = new Set<string>();
  for (const session of [...draft.sessions, ...(published?.sessions ?? [])]) {
    for (const blockId of occupiedBlocks(session.blockId, session.lengthBlocks, nextSessionBlock)) {
      taken.add(`${session.roomId}|${blockId}`);
    }
  }
  const clock = wallClockAt(event.timeZone, now);
  const isToday = clock.date === event.date;
  const nowMinutes = toMinutes(clock.time);
  const cells: Cell[] = [];
  for (const block of sessionBlocks) {
    if (isToday && toMinutes(block.endTime) <= nowMinutes) continue;
    for (const room of draft.rooms) {
      if (taken.has(`${room.id}|${block.id}`)) continue;
      cells.push({
        roomId: room.id,
        roomName: room.name,
        blockId: block.id,
        blockLabel: block.label,
        startTime: block.startTime,
        endTime: block.endTime,
      });
    }
  }
  return cells;
}

/** The coordinator's phone page: offers waiting for a room, and where they could go. */
export async function getDayOfBoard(actorId: string, slug: string, { now = new Date() }: { now?: Date } = {}) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  const dayOfIds = await dayOfProposalIds(event.id);
  const [offers, cells] = await Promise.all([
    db.proposal.findMany({
      where: { eventId: event.id, id: { in: [...dayOfIds] }, state: { in: ["accepted", "confirmed"] } },
      orderBy: { createdAt: "asc" },
      include: {
        presenter: { select: { name: true } },
        placements: { include: { room: { select: { name: true } }, timeBlock: { select: { label: true } } } },
      },
    }),
    freeCells(event.id, now),
  ]);
  return {
    event,
    cells,
    offers: offers.map((o) => ({
      id: o.id,
      title: o.title,
      summary: o.summary,
      audience: o.audience,
      presenter: o.presenter.name,
      placedAt: o.placements.map((p) => `${p.timeBlock.label}, ${p.room.name}`),
    })),
  };
}

/**
 * Place a day-of offer and publish only that change: the new version is the
 * previous published one plus this session, so other draft edits stay drafts.
 */
export async function placeAndPublish(
  actorId: string,
  eventId: string,
  input: { proposalId: string; roomId: string; timeBlockId: string },
  { now = new Date() }: { now?: Date } = {},
) {
  await assertEventCoordinator(actorId, eventId);
  const proposal = await db.proposal.findFirst({ where: { id: input.proposalId, eventId } });
  if (!proposal || !(await dayOfProposalIds(eventId)).has(proposal.id))
    throw new NotFoundError("That day-of session is not part of this PD day.");
  const cells = await freeCells(eventId, now);
  if (!cells.some((c) => c.roomId === input.roomId && c.blockId === input.timeBlockId)) {
    throw new RuleError("Someone has just taken that room for that block. Choose another free spot.");
  }
  const placement = await place(actorId, eventId, input);
  const previous = (await latestPublished(eventId))?.snapshot ?? null;
  const base: ScheduleSnapshot = previous ?? (await buildSnapshot(eventId));
  // Rooms or blocks created since the last publish must be listed for the new session.
  const current = await buildSnapshot(eventId);
  const rooms = [...base.rooms, ...current.rooms.filter((r) => !base.rooms.some((b) => b.id === r.id))];
  const blocks = [...base.blocks, ...current.blocks.filter((k) => !base.blocks.some((b) => b.id === k.id))].sort(
    (a, b) => a.startTime.localeCompare(b.startTime),
  );
  const added = await loadPlacementSessions(eventId, { id: placement.id }, blocks);
  const sessions = [...base.sessions.filter((s) => s.placementId !== placement.id), ...added];
  const snapshot: ScheduleSnapshot = { ...base, rooms, blocks, sessions: sortSessions(sessions, blocks, rooms) };
  return freezeVersion(eventId, actorId, snapshot, { note: `Day-of session added: ${proposal.title}` });
}
