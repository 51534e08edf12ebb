// Badges: each attendee's QR carries a link to the kiosk with their token. A
// kiosk scanner reads the token out of it; a volunteer's plain phone camera opens
// the kiosk with the code filled in. The token alone says nothing about the person.
import QRCode from "qrcode";
import { db } from "~/utils/db.server";
import { NotAllowedError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { appLink } from "../outbox/outbox";
import { ensureAttendeeNow } from "./roster";

export function badgeUrl(slug: string, token: string) {
  return appLink(`/events/${slug}/kiosk?token=${encodeURIComponent(token)}`);
}

/** What a scanner read: the badge URL, or a bare token typed by hand. */
export function tokenFromScan(value: string) {
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  try {
    return new URL(text).searchParams.get("token") ?? "";
  } catch {
    return "";
  }
}

async function qrSvg(url: string) {
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Every attendee's badge; people who joined without a token get one now. */
export async function badgesForEvent(actorId: string, eventId: string, slug: string) {
  await assertEventCoordinator(actorId, eventId);
  const missing = await db.membership.findMany({ where: { eventId, role: "attendee", badgeToken: null }, select: { userId: true } });
  for (const { userId } of missing) await ensureAttendeeNow(eventId, userId);
  const members = await db.membership.findMany({
    where: { eventId, role: "attendee" },
    orderBy: { user: { name: "asc" } },
    select: { badgeToken: true, user: { select: { id: true, name: true, school: true } } },
  });
  return Promise.all(members.map(async (m) => ({ ...m.user, qrSvg: await qrSvg(badgeUrl(slug, m.badgeToken!)) })));
}

/** The signed-in attendee's own QR, for their phone. */
export async function myBadge(userId: string, eventId: string, slug: string) {
  const membership = await db.membership.findFirst({ where: { eventId, userId, role: "attendee" }, select: { id: true } });
  if (!membership) throw new NotAllowedError("You are not on this PD day's attendee list. Ask at the door.");
  const { badgeToken } = await ensureAttendeeNow(eventId, userId);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, school: true } });
  return { ...user, token: badgeToken!, qrSvg: await qrSvg(badgeUrl(slug, badgeToken!)) };
}
