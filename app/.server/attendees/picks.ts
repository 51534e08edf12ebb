// An attendee's own day: picks of published sessions. Picks arrive from the page's
// buttons and from the offline queue, which may replay a request it already sent;
// every pick carries a client id so a replay adds nothing and an undone pick that
// arrives late is not brought back.
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { statement } from "~/utils/sqlite.server";
import { NotAllowedError, NotFoundError } from "../errors";
import { findEventBySlug, mayPickOn } from "../events/permissions";
import { latestPublished } from "../schedule/publish";
import { currentFeedLink, findFeedLink, resetFeedLink } from "../schedule/feed-links";
import type { SnapshotSession } from "../schedule/snapshot";
import { overlaps } from "~/utils/overlap";

/**
 * `overlap` says what to do when the session overlaps one already picked: "ask"
 * (nothing is written; the overlapping picks come back so the page can ask),
 * "keep" both, or "replace" the overlapping picks with this one.
 */
export type PickChange = { placementId: string; clientId: string; overlap?: "ask" | "keep" | "replace" };
export type PickResult = { picked: boolean; overlapping?: SnapshotSession[] };

/** The PD day, if the person may pick there (a member, or a district coordinator). */
export async function eventOfMember(userId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertMember(userId, event.id);
  return event;
}

// My day's part asks this on every open: indexed reads on the direct connection, not Prisma.
async function assertMember(userId: string, eventId: string) {
  const user = statement("SELECT id, isDistrictCoordinator FROM User WHERE id = ?").get(userId) as
    { id: string; isDistrictCoordinator: number } | undefined;
  if (!user || !mayPickOn({ id: user.id, isDistrictCoordinator: Boolean(user.isDistrictCoordinator) }, eventId))
    throw new NotAllowedError("Join this PD day to pick sessions.");
}

// Undoing a pick leaves a note in the audit log keyed by the pick's client id: the
// Pick table has no tombstone, and a late replay of that pick must stay undone.
const UNDONE = { entity: "Pick", action: "pick.undone" } as const;

export async function pickSession(
  userId: string,
  slug: string,
  { placementId, clientId, overlap = "ask" }: PickChange,
): Promise<PickResult> {
  const event = await eventOfMember(userId, slug);
  const version = await latestPublished(event.id);
  const sessions = version?.snapshot.sessions ?? [];
  const session = sessions.find((s) => s.placementId === placementId);
  if (!session) throw new NotFoundError("That session is not on the published schedule.");
  // The "was it undone?" read, the read of the other picks and the writes share one
  // transaction (it holds the write lock from its start), so an undo or another
  // tab's overlapping pick cannot land between the check and the write.
  try {
    return await db.$transaction(async (tx) => {
      const undone = await tx.auditLog.findFirst({
        where: { ...UNDONE, entityId: clientId, actorId: userId },
        select: { id: true },
      });
      if (undone) return { picked: false };
      const mine = await tx.pick.findMany({
        where: { userId, eventId: event.id },
        select: { placementId: true, clientId: true, id: true },
      });
      // Already picked, or this very request replayed: the pick stands once.
      if (mine.some((p) => p.placementId === placementId)) return { picked: true };
      const clashing = mine.filter((p) =>
        sessions.some((s) => s.placementId === p.placementId && overlaps(s, session)),
      );
      if (clashing.length && overlap === "ask") {
        return {
          picked: false,
          overlapping: sessions.filter((s) => clashing.some((p) => p.placementId === s.placementId)),
        };
      }
      if (clashing.length && overlap === "replace") {
        await tx.pick.deleteMany({ where: { userId, id: { in: clashing.map((p) => p.id) } } });
        // Like an undo: a late replay of a replaced pick must not bring it back.
        await tx.auditLog.createMany({
          data: clashing.map((p) => ({
            ...UNDONE,
            eventId: event.id,
            actorId: userId,
            entityId: p.clientId ?? p.id,
            detail: JSON.stringify({ placementId: p.placementId, replacedBy: placementId }),
          })),
        });
      }
      await tx.pick.create({
        data: { eventId: event.id, userId, placementId, proposalId: session.proposalId, clientId },
      });
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
    db.auditLog.create({
      data: {
        ...UNDONE,
        eventId: event.id,
        actorId: userId,
        entityId: clientId,
        detail: JSON.stringify({ placementId }),
      },
    }),
  ]);
  return { picked: false };
}

/** placementId → the pick's client id, for the buttons on the attendee's pages. */
export async function picksOf(userId: string, eventId: string) {
  const rows = statement(
    "SELECT placementId, IFNULL(clientId, id) AS clientId FROM Pick WHERE userId = ? AND eventId = ?",
  ).all(userId, eventId) as Array<{ placementId: string; clientId: string }>;
  return new Map(rows.map((r) => [r.placementId, r.clientId]));
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

/**
 * The attendee's picked sessions in day order, each block's extra picks marked as
 * alternatives, and each pick that shares minutes with a pick in another block
 * (a two-block session against a one-block one) marked with the titles it overlaps.
 */
export function arrangeMyDay(sessions: SnapshotSession[], picked: ReadonlySet<string>) {
  const mine = sessions.filter((s) => picked.has(s.placementId));
  const seenBlocks = new Set<string>();
  return mine.map((session) => {
    const alternative = seenBlocks.has(session.blockId);
    seenBlocks.add(session.blockId);
    const overlapsWith = mine.filter((other) => overlaps(session, other)).map((other) => other.title);
    return { session, alternative, overlapsWith };
  });
}

/** The published sessions overlapping one session, for its pick button (one pass, not the whole day's index). */
export async function overlapsOfSession(eventId: string, placementId: string) {
  const sessions = (await latestPublished(eventId))?.snapshot.sessions ?? [];
  const session = sessions.find((s) => s.placementId === placementId);
  return session ? sessions.filter((other) => overlaps(session, other)).map((other) => other.placementId) : [];
}

/** For the "this overlaps" question on the attendee's page after a pick was held back. */
export async function overlapQuestion(userId: string, eventId: string, placementId: string | null) {
  if (!placementId) return null;
  const [version, picks] = await Promise.all([latestPublished(eventId), picksOf(userId, eventId)]);
  const sessions = version?.snapshot.sessions ?? [];
  const session = sessions.find((s) => s.placementId === placementId);
  if (!session || picks.has(placementId)) return null;
  const overlapping = sessions.filter((s) => picks.has(s.placementId) && overlaps(s, session));
  return overlapping.length ? { session, overlapping } : null;
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
