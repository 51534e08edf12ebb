// The roster a kiosk keeps on the device, so a volunteer can find people by name
// and see who a queued scan is while the server is unreachable. Only what the door
// needs: name, school, when they came in, a short hash of the badge token (the
// kiosk hashes a scanned code the same way to name it) and a shorter one of the
// badge's short code; never emails, tokens or codes.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { asSeenOnDay, byDayName } from "../people/day-person";
import { assertDoorVolunteer, clockTime } from "./door";

export type KioskRosterPerson = {
  id: string;
  name: string;
  school: string | null;
  badge: string | null;
  code: string | null;
  in: string | null;
};

/** 16 hex digits of SHA-256: what the kiosk's `badgeHash` computes in the browser. */
export function badgeHash(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex").slice(0, 16);
}

/**
 * 6 hex digits (24 bits) of SHA-256 of "<slug>:<code>": what the kiosk's `shortCodeHash`
 * computes for a typed code. A short code has only 39 bits, so a full hash on the
 * device could be reversed by trying every code; 24 bits leave ~40,000 codes per
 * person that fit, enough to name a typed code offline (a wrong match on a
 * 5,000-person day: 1 typo in 3,000) but not to read anyone's code off the device.
 * The PD day's address salts it, so one table of hashes does not serve every day.
 */
export function shortCodeHash(slug: string, code: string) {
  return crypto.createHash("sha256").update(`${slug}:${code}`).digest("hex").slice(0, 6);
}

export async function kioskRoster(
  actorId: string,
  eventId: string,
  slug: string,
  timeZone: string,
): Promise<KioskRosterPerson[]> {
  assertDoorVolunteer(actorId, eventId);
  const [members, checkIns] = await Promise.all([
    db.membership.findMany({
      where: { eventId, role: "attendee" },
      // The names and schools this PD day's roster gave (day-person.ts).
      select: {
        badgeToken: true,
        shortCode: true,
        name: true,
        school: true,
        staffId: true,
        user: { select: { id: true, email: true, name: true, school: true, staffId: true } },
      },
    }),
    db.doorCheckIn.findMany({ where: { eventId }, select: { userId: true, checkedInAt: true } }),
  ]);
  const at = new Map(checkIns.map((c) => [c.userId, c.checkedInAt]));
  return members
    .map(({ badgeToken, shortCode, user, ...day }) => {
      const person = asSeenOnDay(user, day);
      const checkedInAt = at.get(user.id);
      return {
        id: user.id,
        name: person.name,
        school: person.school,
        badge: badgeToken ? badgeHash(badgeToken) : null,
        code: shortCode ? shortCodeHash(slug, shortCode) : null,
        in: checkedInAt ? clockTime(checkedInAt, timeZone) : null,
      };
    })
    .sort(byDayName);
}
