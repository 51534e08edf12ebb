// An attendee's own day: picks of published sessions. Picks arrive from the page's
// buttons and from the offline queue, which may replay a request it already sent;
// every pick carries a client id so a replay adds nothing and an undone pick that
// arrives late is not brought back.
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { NotAllowedError, NotFoundError } from "../errors";
import { findEventBySlug } from "../events/permissions";
import { latestPublished } from "../schedule/publish";
import { currentFeedLink, findFeedLink, resetFeedLink } from "../schedule/feed-links";
import type { SnapshotSession } from "../schedule/snapshot";

export type PickChange = { placementId: string; clientId: string };

/** The PD day, if the person may pick there (a member, or a district coordinator). */
export async function eventOfMember(userId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertMember(userId, event.id);
  return event;
}

async function assertMember(userId: string, eventId: string) {
  const [membership, user] = await Promise.all([
    db.membership.findFirst({ where: { eventId, userId }, select: { id: true } }),
    db.user.findUnique({ where: { id: userId }, select: { isDistrictCoordinator: true } }),
  ]);
  if (!membership && !user?.isDistrictCoordinator) throw new NotAllowedError("Join this PD day to pick sessions.");
}

async function publishedSession(eventId: string, placementId: string) {
  const version = await latestPublished(eventId);
  const session = version?.snapshot.sessions.find((s) => s.placementId === placementId);
  if (!session) throw new NotFoundError("That session is not on the published schedule.");
  return session;
}

// Undoing a pick leaves a note in the audit log keyed by the pick's client id: the
// Pick table has no tombstone, and a late replay of that pick must stay undone.
const UNDONE = { entity: "Pick", action: "pick.undone" } as const;

export async function pickSession(userId: string, slug: string, { placementId, clientId }: PickChange) {
  const event = await eventOfMember(userId, slug);
  const session = await publishedSession(event.id, placementId);
  // The "was it undone?" read and the insert share one transaction (it holds the
  // write lock from its start), so an undo cannot land between them.
  try {
    return await db.$transaction(async (tx) => {
      const undone = await tx.auditLog.findFirst({ where: { ...UNDONE, entityId: clientId, actorId: userId }, select: { id: true } });
      if (undone) return { picked: false };
      // Already picked, or this very request replayed: the pick stands once.
      const existing = await tx.pick.findUnique({ where: { userId_placementId: { userId, placementId } }, select: { id: true } });
      if (!existing) await tx.pick.create({ data: { eventId: event.id, userId, placementId, proposalId: session.proposalId, clientId } });
      return { picked: true };
    });
  } catch (error) {
    // The client id already names another pick of theirs: nothing new to add.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return { picked: true };
  }
}

/** `clientId` names the pick being undone (the page renders it beside the button). */
export async function unpickSession(userId: string, slug: string, { placementId, clientId }: PickChange) {
  const event = await eventOfMember(userId, slug);
  await db.$transaction([
    db.pick.deleteMany({ where: { userId, placementId } }),
    db.auditLog.create({ data: { ...UNDONE, eventId: event.id, actorId: userId, entityId: clientId, detail: JSON.stringify({ placementId }) } }),
  ]);
  return { picked: false };
}

/** placementId → the pick's client id, for the buttons on the attendee's pages. */
export async function picksOf(userId: string, eventId: string) {
  const rows = await db.pick.findMany({ where: { userId, eventId }, select: { placementId: true, clientId: true, id: true } });
  return new Map(rows.map((r) => [r.placementId, r.clientId ?? r.id]));
}

/** Picks per placement and per proposal (all repeats), for coordinators. */
export async function interestCounts(eventId: string) {
  const [byPlacement, byProposal] = await Promise.all([
    db.pick.groupBy({ by: ["placementId"], where: { eventId }, _count: { _all: true } }),
    db.pick.groupBy({ by: ["proposalId"], where: { eventId }, _count: { _all: true } }),
  ]);
  return {
    byPlacement: new Map(byPlacement.map((r) => [r.placementId, r._count._all])),
    byProposal: new Map(byProposal.map((r) => [r.proposalId, r._count._all])),
  };
}

/** The attendee's picked sessions in day order, each block's extra picks marked as alternatives. */
export function arrangeMyDay(sessions: SnapshotSession[], picked: ReadonlySet<string>) {
  const mine = sessions.filter((s) => picked.has(s.placementId));
  const seenBlocks = new Set<string>();
  return mine.map((session) => {
    const alternative = seenBlocks.has(session.blockId);
    seenBlocks.add(session.blockId);
    return { session, alternative };
  });
}

export async function getMyDay(userId: string, slug: string) {
  const event = await eventOfMember(userId, slug);
  const [version, picks, feedToken] = await Promise.all([
    latestPublished(event.id),
    picksOf(userId, event.id),
    currentFeedLink(userId, event.id, "my-day"),
  ]);
  const sessions = version?.snapshot.sessions ?? [];
  return {
    event,
    version,
    picks,
    day: arrangeMyDay(sessions, new Set(picks.keys())),
    // A pick whose session was cancelled in a later version still deserves a word.
    gone: [...picks.keys()].filter((id) => !sessions.some((s) => s.placementId === id)).length,
    feedToken,
  };
}

/** The private calendar feed: one lookup by its token. */
export async function getMyDayFeed(slug: string, token: string) {
  const event = await findEventBySlug(slug);
  const link = await findFeedLink(token, "my-day");
  const version = link?.eventId === event.id ? await latestPublished(event.id) : null;
  if (!link || !version) throw new NotFoundError("This calendar link does not match anyone's day.");
  const picked = new Set((await picksOf(link.userId, event.id)).keys());
  return { version, sessions: version.snapshot.sessions.filter((s) => picked.has(s.placementId)) };
}

/** The attendee's own feed gets an address (a new one: the old one answers 404 from now on). */
export async function resetMyDayFeed(userId: string, slug: string) {
  const event = await eventOfMember(userId, slug);
  return resetFeedLink(userId, event.id, "my-day");
}

/** What the pick buttons need for whoever is looking (nothing for visitors and outsiders). */
export async function viewerPicks(userId: string | null, eventId: string) {
  if (!userId) return { canPick: false, picks: {} as Record<string, string> };
  try {
    await assertMember(userId, eventId);
  } catch {
    return { canPick: false, picks: {} as Record<string, string> };
  }
  return { canPick: true, picks: Object.fromEntries(await picksOf(userId, eventId)) };
}
