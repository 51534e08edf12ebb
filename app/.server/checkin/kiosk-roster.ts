// The roster a kiosk keeps on the device, so a volunteer can find people by name
// and see who a queued scan is while the server is unreachable. Only what the door
// needs: name, school, when they came in, and a short hash of the badge token (the
// kiosk hashes a scanned code the same way to name it); never emails or tokens.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { asSeenOnDay, byDayName } from "../people/day-person";
import { assertDoorVolunteer, clockTime } from "./door";

export type KioskRosterPerson = { id: string; name: string; school: string | null; badge: string | null; in: string | null };

/** 16 hex digits of SHA-256: what the kiosk's `badgeHash` computes in the browser. */
export function badgeHash(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex").slice(0, 16);
}

export async function kioskRoster(actorId: string, eventId: string, timeZone: string): Promise<KioskRosterPerson[]> {
  assertDoorVolunteer(actorId, eventId);
  const [members, checkIns] = await Promise.all([
    db.membership.findMany({
      where: { eventId, role: "attendee" },
      // The names and schools this PD day's roster gave (day-person.ts).
      select: {
        badgeToken: true,
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
    .map(({ badgeToken, user, ...day }) => {
      const person = asSeenOnDay(user, day);
      const checkedInAt = at.get(user.id);
      return {
        id: user.id,
        name: person.name,
        school: person.school,
        badge: badgeToken ? badgeHash(badgeToken) : null,
        in: checkedInAt ? clockTime(checkedInAt, timeZone) : null,
      };
    })
    .sort(byDayName);
}
