// A person as seen on one PD day. What a day's coordinator imports or types (the
// roster, walk-ins) is that day's record, kept on the person's attendee
// Membership; the account's own values fill what the day left empty. Every
// reader of a name, school or staff ID for a PD day (credit, the HR export,
// badges, certificates, the kiosk, drawings) goes through here, so one day's
// coordinator can never rename someone in another day's records.
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "~/utils/db.server";

export type DayPerson = { userId: string; email: string; name: string; school: string | null; staffId: string | null };

type AccountValues = { id: string; email: string; name: string; school: string | null; staffId: string | null };
type DayValues = { name: string | null; school: string | null; staffId: string | null };

/** The rule itself: the day's value where it has one, the account's otherwise. */
export function asSeenOnDay(account: AccountValues, day: DayValues | null | undefined): DayPerson {
  return {
    userId: account.id,
    email: account.email,
    name: day?.name?.trim() || account.name,
    school: day?.school || account.school,
    staffId: day?.staffId || account.staffId,
  };
}

/** The same rule for the hot paths that use one SQL statement (door check-in): `u` is User, `m` the attendee Membership. */
export const DAY_PERSON_SQL = {
  name: "COALESCE(NULLIF(TRIM(m.name), ''), u.name)",
  school: "COALESCE(NULLIF(m.school, ''), u.school)",
} as const;

function selectFor(eventId: string) {
  return {
    id: true,
    email: true,
    name: true,
    school: true,
    staffId: true,
    memberships: { where: { eventId, role: "attendee" }, select: { name: true, school: true, staffId: true }, take: 1 },
  } satisfies Prisma.UserSelect;
}

/** These people (or, without ids, everyone on the PD day) as the day sees them, by user id. */
export async function dayPeople(eventId: string, userIds?: string[], client: Tx | typeof db = db) {
  const users = await client.user.findMany({
    where: userIds ? { id: { in: userIds } } : { memberships: { some: { eventId } } },
    select: selectFor(eventId),
  });
  return new Map(users.map((u) => [u.id, asSeenOnDay(u, u.memberships[0])]));
}

export async function dayPerson(eventId: string, userId: string, client: Tx | typeof db = db) {
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: selectFor(eventId) });
  return asSeenOnDay(user, user.memberships[0]);
}

/** Attendees of the PD day matching a kiosk search, by the day's values or the account's. */
export function dayPersonSearch(query: string): Prisma.MembershipWhereInput {
  return {
    OR: [
      { name: { contains: query } },
      { school: { contains: query } },
      {
        user: {
          OR: [
            { name: { contains: query } },
            { school: { contains: query } },
            { email: { contains: query.toLowerCase() } },
          ],
        },
      },
    ],
  };
}

/** Sorted by the name the day shows. */
export function byDayName(a: { name: string }, b: { name: string }) {
  return a.name.localeCompare(b.name);
}
