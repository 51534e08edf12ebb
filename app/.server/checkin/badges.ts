// Badges: each attendee's QR carries a link to the kiosk with their token. A
// kiosk scanner reads the token out of it; a volunteer's plain phone camera opens
// the kiosk with the code filled in. The token alone says nothing about the person.
import QRCode from "qrcode";
import { db } from "~/utils/db.server";
import { NotAllowedError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { appLink } from "../outbox/outbox";
import { byDayName, dayPeople, dayPerson } from "../people/day-person";
import { ensureAttendee } from "./roster";

export function badgeUrl(slug: string, token: string) {
  return appLink(`/events/${slug}/kiosk?token=${encodeURIComponent(token)}`);
}

export { tokenFromScan } from "~/utils/badge-code";

export async function qrSvg(url: string) {
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Every attendee's badge; people who joined without a token get one now. */
export async function badgesForEvent(actorId: string, eventId: string, slug: string) {
  await assertEventCoordinator(actorId, eventId);
  const missing = await db.membership.findMany({ where: { eventId, role: "attendee", badgeToken: null }, select: { userId: true } });
  for (const { userId } of missing) await ensureAttendee(db, eventId, userId);
  const members = await db.membership.findMany({ where: { eventId, role: "attendee" }, select: { userId: true, badgeToken: true } });
  const people = await dayPeople(eventId, members.map((m) => m.userId));
  const badges = members.map((m) => ({ ...people.get(m.userId)!, badgeToken: m.badgeToken! })).sort(byDayName);
  return Promise.all(
    badges.map(async (b) => ({ id: b.userId, name: b.name, school: b.school, qrSvg: await qrSvg(badgeUrl(slug, b.badgeToken)) })),
  );
}

/** The signed-in attendee's own QR, for their phone. */
export async function myBadge(userId: string, eventId: string, slug: string) {
  const membership = await db.membership.findFirst({ where: { eventId, userId, role: "attendee" }, select: { id: true } });
  if (!membership) throw new NotAllowedError("You are not on this PD day's attendee list. Ask at the door.");
  const { badgeToken } = await ensureAttendee(db, eventId, userId);
  const { name, school } = await dayPerson(eventId, userId);
  return { name, school, token: badgeToken!, qrSvg: await qrSvg(badgeUrl(slug, badgeToken!)) };
}
