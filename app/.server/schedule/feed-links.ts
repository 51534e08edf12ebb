// Private calendar links: an attendee's "my day" feed and a presenter's own
// sessions (their feed and print page), one per person per PD day. A link is a
// random lookup value (a unique index: a made-up link costs one indexed read,
// whatever the size of the day) followed by an HMAC of it, so the database alone
// — a backup that went astray — cannot rebuild a working link. Resetting gives
// the row a new lookup value and the old link answers 404 from then on.
// Links are made by a POST only (the person asks for one, or a publish mails one):
// showing a page never writes.
import crypto from "node:crypto";
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { statement } from "~/utils/sqlite.server";
import { sameSecret, signedToken } from "../accounts/tokens";

export type FeedKind = "my-day" | "presenter";

const LOOKUP_LENGTH = 22; // 16 random bytes, base64url
const TAG_LENGTH = 22; // 16 bytes of the HMAC, base64url

function tagFor(kind: FeedKind, lookup: string) {
  return signedToken("feed", kind, lookup).slice(0, TAG_LENGTH);
}

const linkFor = (kind: FeedKind, lookup: string) => `${lookup}${tagFor(kind, lookup)}`;
const newLookup = () => crypto.randomBytes(16).toString("base64url");

/** The person's link of this kind for this PD day; null until they (or a publish) asked for one. Reads only. */
export async function currentFeedLink(userId: string, eventId: string, kind: FeedKind) {
  // Read on every open of My day: a prepared statement, not a Prisma query.
  const link = statement("SELECT lookup FROM FeedLink WHERE eventId = ? AND userId = ? AND kind = ?").get(
    eventId,
    userId,
    kind,
  ) as { lookup: string } | undefined;
  return link ? linkFor(kind, link.lookup) : null;
}

/** The person's link, made if they have none yet (publishing mails presenters theirs). */
export async function ensureFeedLink(userId: string, eventId: string, kind: FeedKind) {
  const existing = await currentFeedLink(userId, eventId, kind);
  if (existing) return existing;
  try {
    const created = await db.feedLink.create({
      data: { eventId, userId, kind, lookup: newLookup() },
      select: { lookup: true },
    });
    return linkFor(kind, created.lookup);
  } catch (error) {
    // Made meanwhile by another request: that one stands.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return (await currentFeedLink(userId, eventId, kind))!;
  }
}

/** Whose link this is: one indexed read, and null for anything made up, reset or of another kind. */
export async function findFeedLink(token: string, kind: FeedKind) {
  if (token.length !== LOOKUP_LENGTH + TAG_LENGTH) return null;
  const lookup = token.slice(0, LOOKUP_LENGTH);
  if (!sameSecret(token.slice(LOOKUP_LENGTH), tagFor(kind, lookup))) return null;
  const link = await db.feedLink.findUnique({ where: { lookup }, select: { userId: true, eventId: true, kind: true } });
  return link && link.kind === kind ? { userId: link.userId, eventId: link.eventId } : null;
}

/**
 * A new link for the person: their first, or in place of the old one, which stops
 * working at once (`replaced`).
 */
export async function resetFeedLink(userId: string, eventId: string, kind: FeedKind) {
  const where = { eventId_userId_kind: { eventId, userId, kind } };
  const replaced = Boolean(await db.feedLink.findUnique({ where, select: { id: true } }));
  const lookup = newLookup();
  await db.feedLink.upsert({
    where,
    create: { eventId, userId, kind, lookup },
    update: { lookup, createdAt: new Date() },
  });
  return { token: linkFor(kind, lookup), replaced };
}
