// Door check-in: a volunteer at the kiosk scans a badge (its token), finds a
// person by name, or registers a walk-in. One row per person per PD day, so a
// second scan can only report the first; offline kiosks upload queued scans
// with client ids and each is applied exactly once.
import { Prisma } from "@prisma/client";
import type { PersonInput } from "~/schemas/checkin";
import { db } from "~/utils/db.server";
import { assertEventCoordinator } from "../events/permissions";
import { addWalkIn } from "./roster";

export type CheckInSource = "qr" | "search" | "walk_in";
export type CheckInOptions = { clientId?: string; at?: Date; source?: CheckInSource };

export type CheckInResult =
  | { status: "checked_in"; userId: string; name: string; school: string | null; checkedInAt: Date }
  | { status: "already"; userId: string; name: string; school: string | null; checkedInAt: Date }
  | { status: "unknown" };

/**
 * Who may run the door. There is no separate volunteer role yet, so volunteers
 * are made coordinators of the PD day; swap this check when a role exists.
 */
export function assertDoorVolunteer(actorId: string, eventId: string) {
  return assertEventCoordinator(actorId, eventId);
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function recordCheckIn(actorId: string, eventId: string, userId: string, options: CheckInOptions): Promise<CheckInResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, school: true } });
  const at = options.at ?? new Date();
  const found = async () => {
    const existing = await db.doorCheckIn.findUnique({ where: { eventId_userId: { eventId, userId } } });
    if (!existing) return null;
    // Offline scans arrive late and in any order: the earliest arrival is the true one.
    if (at < existing.checkedInAt) {
      await db.doorCheckIn.update({ where: { id: existing.id }, data: { checkedInAt: at } });
    }
    return { status: "already" as const, userId, ...user, checkedInAt: existing.checkedInAt < at ? existing.checkedInAt : at };
  };
  const already = await found();
  if (already) return already;
  try {
    const row = await db.doorCheckIn.create({
      data: { eventId, userId, checkedInAt: at, source: options.source ?? "qr", clientId: options.clientId ?? null, recordedById: actorId },
    });
    return { status: "checked_in", userId, ...user, checkedInAt: row.checkedInAt };
  } catch (error) {
    // Two kiosks scanned the same badge at once (or a client id was reused): the other write won.
    if (!isUniqueViolation(error)) throw error;
    return (await found()) ?? { status: "unknown" };
  }
}

/** What a badge or phone QR carries: the attendee's token for this PD day only. */
export async function checkInByToken(actorId: string, eventId: string, token: string, options: CheckInOptions = {}) {
  await assertDoorVolunteer(actorId, eventId);
  return byToken(actorId, eventId, token, options);
}

async function byToken(actorId: string, eventId: string, token: string, options: CheckInOptions): Promise<CheckInResult> {
  const membership = token.trim()
    ? await db.membership.findUnique({ where: { badgeToken: token.trim() }, select: { eventId: true, userId: true } })
    : null;
  if (!membership || membership.eventId !== eventId) return { status: "unknown" } satisfies CheckInResult;
  return recordCheckIn(actorId, eventId, membership.userId, { source: "qr", ...options });
}

/** Found by name at the kiosk: anyone who belongs to this PD day may be checked in. */
export async function checkInByUser(actorId: string, eventId: string, userId: string, options: CheckInOptions = {}) {
  await assertDoorVolunteer(actorId, eventId);
  return byUser(actorId, eventId, userId, options);
}

async function byUser(actorId: string, eventId: string, userId: string, options: CheckInOptions): Promise<CheckInResult> {
  const member = await db.membership.findFirst({ where: { eventId, userId }, select: { id: true } });
  if (!member) return { status: "unknown" } satisfies CheckInResult;
  return recordCheckIn(actorId, eventId, userId, { source: "search", ...options });
}

export async function registerWalkIn(actorId: string, eventId: string, person: PersonInput) {
  const { user } = await addWalkIn(actorId, eventId, person);
  return recordCheckIn(actorId, eventId, user.id, { source: "walk_in" });
}

export type QueuedScan = { clientId: string; token?: string; userId?: string; scannedAt: string | Date };
export type SyncedScan = { clientId: string; result: CheckInResult };

/**
 * Apply scans a kiosk queued offline. A scan whose client id was applied before
 * is answered from the stored row, so a repeated upload changes nothing; scans
 * are applied oldest first so the earliest arrival is the one kept.
 */
export async function syncQueued(actorId: string, eventId: string, scans: QueuedScan[]): Promise<SyncedScan[]> {
  await assertDoorVolunteer(actorId, eventId);
  const ordered = [...scans].sort((a, b) => new Date(a.scannedAt).getTime() - new Date(b.scannedAt).getTime());
  const results = new Map<string, CheckInResult>();
  for (const scan of ordered) {
    if (results.has(scan.clientId)) continue;
    const at = new Date(scan.scannedAt);
    const options = { clientId: scan.clientId, at: Number.isNaN(at.getTime()) ? new Date() : at };
    const previous = await db.doorCheckIn.findUnique({ where: { clientId: scan.clientId } });
    if (previous && previous.eventId === eventId) {
      const user = await db.user.findUniqueOrThrow({ where: { id: previous.userId }, select: { name: true, school: true } });
      results.set(scan.clientId, { status: "checked_in", userId: previous.userId, ...user, checkedInAt: previous.checkedInAt });
      continue;
    }
    const result = scan.token
      ? await byToken(actorId, eventId, scan.token, { ...options, source: "qr" })
      : scan.userId
        ? await byUser(actorId, eventId, scan.userId, options)
        : ({ status: "unknown" } as const);
    results.set(scan.clientId, result);
  }
  return scans.map((scan) => ({ clientId: scan.clientId, result: results.get(scan.clientId)! }));
}

/** Kiosk search by name or school, with whether each person is already in. */
export async function searchRoster(actorId: string, eventId: string, query: string) {
  await assertDoorVolunteer(actorId, eventId);
  const q = query.trim();
  if (q.length < 2) return [];
  const members = await db.membership.findMany({
    where: { eventId, role: "attendee", user: { OR: [{ name: { contains: q } }, { school: { contains: q } }, { email: { contains: q.toLowerCase() } }] } },
    take: 20,
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, school: true } } },
  });
  const checkIns = await db.doorCheckIn.findMany({
    where: { eventId, userId: { in: members.map((m) => m.user.id) } },
    select: { userId: true, checkedInAt: true },
  });
  const at = new Map(checkIns.map((c) => [c.userId, c.checkedInAt]));
  return members.map((m) => ({ ...m.user, checkedInAt: at.get(m.user.id) ?? null }));
}

/** "7:52 AM" in the PD day's zone: what the amber "already checked in" panel says. */
export function clockTime(at: Date, timeZone: string) {
  return at.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone });
}

/** "143 of 300 checked in", for the kiosk header. */
export async function doorCounts(actorId: string, eventId: string) {
  await assertDoorVolunteer(actorId, eventId);
  const [checkedIn, roster] = await Promise.all([
    db.doorCheckIn.count({ where: { eventId } }),
    db.membership.count({ where: { eventId, role: "attendee" } }),
  ]);
  return { checkedIn, roster };
}
