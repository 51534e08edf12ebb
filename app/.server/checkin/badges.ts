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


/**
 * One page of attendees' badges, by name (all 5,000 at once held the server for 10 s); people who joined without a token get
 * one now. QR codes are drawn a few at a time with a turn of the event loop in
 * between, so a coordinator printing never holds up the door.
 */
export async function badgesPage(actorId: string, eventId: string, slug: string, page: number, perPage = 100) {
  await assertEventCoordinator(actorId, eventId);
  const total = await db.membership.count({ where: { eventId, role: "attendee" } });
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const members = await db.membership.findMany({
    where: { eventId, role: "attendee" },
    // The id breaks ties between namesakes, so no one falls between two pages.
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    skip: (current - 1) * perPage,
    take: perPage,
    select: { badgeToken: true, userId: true, user: { select: { id: true, name: true, school: true } } },
  });
  const badges = [];
  for (const [index, m] of members.entries()) {
    const token = m.badgeToken ?? (await ensureAttendeeNow(eventId, m.userId)).badgeToken!;
    badges.push({ ...m.user, qrSvg: await qrSvg(badgeUrl(slug, token)) });
    if (index % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  return { badges, page: current, pages, total };
}

/** The signed-in attendee's own QR, for their phone. */
export async function myBadge(userId: string, eventId: string, slug: string) {
  const membership = await db.membership.findFirst({ where: { eventId, userId, role: "attendee" }, select: { id: true } });
  if (!membership) throw new NotAllowedError("You are not on this PD day's attendee list. Ask at the door.");
  const { badgeToken } = await ensureAttendeeNow(eventId, userId);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, school: true } });
  return { ...user, token: badgeToken!, qrSvg: await qrSvg(badgeUrl(slug, badgeToken!)) };
}
