// Badges: each attendee's QR carries a link to the kiosk with their token. A
// kiosk scanner reads the token out of it; a volunteer's plain phone camera opens
// the kiosk with the code filled in. The token alone says nothing about the person.
import QRCode from "qrcode";
import { formatShortCode } from "~/utils/badge-code";
import { db } from "~/utils/db.server";
import { NotAllowedError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { appLink } from "../outbox/outbox";
import { byDayName, dayPeople, dayPerson } from "../people/day-person";

export function badgeUrl(slug: string, token: string) {
  return appLink(`/events/${slug}/kiosk?token=${encodeURIComponent(token)}`);
}

export { tokenFromScan } from "~/utils/badge-code";

export async function qrSvg(url: string) {
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/**
 * What a volunteer types when the QR will not scan: the short code ("K7QM-3XPA",
 * made with the membership by a trigger). Only if every draw collided (see the
 * migration) is it missing; then the long token, which the kiosk also takes.
 */
function typedCode(membership: { badgeToken: string | null; shortCode: string | null }) {
  return membership.shortCode ? formatShortCode(membership.shortCode) : membership.badgeToken!;
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
    // Pages follow the account's name (an index the database can sort by); within a
    // page the badges read as the day's roster names them. The id breaks ties
    // between namesakes, so no one falls between two pages.
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    skip: (current - 1) * perPage,
    take: perPage,
    select: { badgeToken: true, shortCode: true, userId: true },
  });
  const people = await dayPeople(
    eventId,
    members.map((m) => m.userId),
  );
  const badges = [];
  for (const [index, m] of members.entries()) {
    // Every attendee membership gets its token when it is made (a database trigger): reading only.
    const token = m.badgeToken!;
    const person = people.get(m.userId)!;
    badges.push({
      id: m.userId,
      name: person.name,
      school: person.school,
      code: typedCode(m),
      qrSvg: await qrSvg(badgeUrl(slug, token)),
    });
    if (index % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  badges.sort(byDayName);
  return { badges, page: current, pages, total };
}

/** The signed-in attendee's own QR, for their phone. */
export async function myBadge(userId: string, eventId: string, slug: string) {
  const membership = await db.membership.findFirst({
    where: { eventId, userId, role: "attendee" },
    select: { badgeToken: true, shortCode: true },
  });
  if (!membership) throw new NotAllowedError("You are not on this PD day's attendee list. Ask at the door.");
  // Made with the membership (a database trigger): opening the badge writes nothing.
  const { badgeToken } = membership;
  const { name, school } = await dayPerson(eventId, userId);
  return { name, school, code: typedCode(membership), qrSvg: await qrSvg(badgeUrl(slug, badgeToken!)) };
}
