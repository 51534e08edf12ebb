// Kiosk links: a coordinator signs a shared device (the school's iPad at the door)
// in as a door volunteer without handing out anyone's password. Each link belongs
// to its own device account, a User who is a door volunteer of this one PD day and
// nothing else, so the device reaches the kiosk and the live view only. Only a hash
// of the link's code is stored; the code is shown once, when it is made.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { hashToken, newLinkToken } from "../accounts/tokens";
import { NotFoundError, RuleError } from "../errors";
import { appLink } from "../outbox/outbox";
import { wallClockToInstant } from "../schedule/times";
import { assertEventCoordinator } from "./permissions";

/** Device accounts live under a reserved domain (RFC 2606): no mail ever goes there. */
export const KIOSK_DEVICE_DOMAIN = "kiosk.dropin.invalid";

/**
 * A link works until midnight at the end of the PD day's date, in its time zone:
 * through a day that runs late, and never into the next one.
 */
export function kioskLinkExpiry(event: { date: string; timeZone: string }) {
  const [y, m, d] = event.date.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return wallClockToInstant(next, "00:00", event.timeZone);
}

export function kioskLinkPath(token: string) {
  return `/kiosk-link/${token}`;
}

export async function createKioskLink(actorId: string, eventId: string, label: string, now = new Date()) {
  await assertEventCoordinator(actorId, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const expiresAt = kioskLinkExpiry(event);
  if (expiresAt.getTime() <= now.getTime())
    throw new RuleError("This PD day is over: a kiosk link for it would never work.", "label");
  const { token, tokenHash } = newLinkToken();
  const link = await db.$transaction(async (tx) => {
    const device = await tx.user.create({
      data: {
        email: `kiosk-${crypto.randomUUID()}@${KIOSK_DEVICE_DOMAIN}`,
        name: `Kiosk: ${label}`,
        memberships: { create: { eventId, role: "door" } },
      },
    });
    const created = await tx.kioskLink.create({
      data: { eventId, label, codeHash: tokenHash, deviceId: device.id, createdById: actorId, expiresAt },
    });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "kiosk_link.created",
      entity: "KioskLink",
      entityId: created.id,
      detail: { label, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { id: link.id, label, expiresAt, url: appLink(kioskLinkPath(token)), path: kioskLinkPath(token) };
}

/** What the link's page shows; null when it is unknown, revoked or expired. */
export async function findOpenKioskLink(token: string, now = new Date()) {
  const link = await db.kioskLink.findUnique({
    where: { codeHash: hashToken(token) },
    include: { event: { select: { id: true, slug: true, name: true, date: true } } },
  });
  if (!link || link.revokedAt || link.expiresAt.getTime() <= now.getTime()) return null;
  return link;
}

/** Pressing the link page's button: the device account and how long its session may last. */
export async function openKioskLink(token: string, now = new Date()) {
  const link = await findOpenKioskLink(token, now);
  if (!link) throw new NotFoundError("This kiosk link has expired or was revoked. Ask a coordinator for a new one.");
  return { deviceId: link.deviceId, expiresAt: link.expiresAt, event: link.event };
}

/** The PD day's kiosk links that still work, for the people page. */
export async function listKioskLinks(actorId: string, eventId: string, now = new Date()) {
  await assertEventCoordinator(actorId, eventId);
  return db.kioskLink.findMany({
    where: { eventId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, expiresAt: true, createdAt: true },
  });
}

/** The link stops working and every device signed in with it is signed out, now. */
export async function revokeKioskLink(actorId: string, eventId: string, kioskLinkId: string) {
  await assertEventCoordinator(actorId, eventId);
  return db.$transaction(async (tx) => {
    const link = await tx.kioskLink.findFirst({ where: { id: kioskLinkId, eventId } });
    if (!link) throw new NotFoundError("There is no such kiosk link on this PD day.");
    const revoked = await tx.kioskLink.updateMany({
      where: { id: link.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw new RuleError(`The kiosk link “${link.label}” was already revoked.`);
    await tx.session.deleteMany({ where: { userId: link.deviceId } });
    await tx.membership.deleteMany({ where: { userId: link.deviceId } });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "kiosk_link.revoked",
      entity: "KioskLink",
      entityId: link.id,
      detail: { label: link.label },
    });
    return link;
  });
}
