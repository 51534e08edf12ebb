// An attendee's or presenter's side of circles before they are published: what
// they want a circle for (subject, grade band, role from the district's list,
// other schools or not), and afterwards which circle they are in.
import type { OptInInput } from "~/schemas/circles";
import { parseRoles } from "~/schemas/circles";
import { parseSubjectTags } from "~/schemas/proposals";
import { db } from "~/utils/db.server";
import { NotAllowedError, RuleError } from "../errors";
import { findEventBySlug } from "../events/permissions";
import { dayPerson } from "../people/day-person";

export const ANY_SUBJECT = "Any subject";

const CIRCLE_ROLES = ["attendee", "presenter"];

/**
 * A `where` on a person: still an attendee or presenter of the PD day. Someone removed
 * from it, or who left, keeps their opt-in and circle rows (REMOVAL_KEEPS_DATA), so
 * every read of circle people goes through this: they are formed into no circle, are
 * not named in circle mail, and no longer open their circle.
 */
export const onTheDay = (eventId: string) => ({
  memberships: { some: { eventId, role: { in: CIRCLE_ROLES } } },
});

async function assertJoinable(userId: string, eventId: string) {
  const membership = await db.membership.findFirst({
    where: { eventId, userId, role: { in: CIRCLE_ROLES } },
    select: { id: true },
  });
  if (!membership) throw new NotAllowedError("Circles are for this PD day's attendees and presenters.");
}

/** The circles page of one person: the opt-in form while circles are open, their circle once published. */
export async function circlesForMember(userId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertJoinable(userId, event.id);
  const round = await db.circleRound.findUnique({ where: { eventId: event.id } });
  const [optIn, circles] = round
    ? await Promise.all([
        db.circleOptIn.findUnique({ where: { roundId_userId: { roundId: round.id, userId } } }),
        round.status === "published"
          ? db.circleMember.findMany({
              where: { userId, leftAt: null, circle: { roundId: round.id } },
              select: { circle: { select: { id: true, number: true } } },
            })
          : Promise.resolve([]),
      ])
    : [null, []];
  return {
    event: { slug: event.slug, name: event.name },
    status: round?.status ?? null,
    subjects: [...parseSubjectTags(event.subjectTags), ANY_SUBJECT],
    roles: round ? parseRoles(round.roles) : [],
    optIn: optIn && {
      subject: optIn.subject,
      gradeBand: optIn.gradeBand,
      role: optIn.role,
      otherSchools: optIn.otherSchools,
    },
    circles: circles.map((c) => c.circle),
  };
}

/** Opt in, or change one's choices while circles are open. */
export async function optIntoCircles(userId: string, slug: string, input: OptInInput) {
  const event = await findEventBySlug(slug);
  await assertJoinable(userId, event.id);
  const round = await db.circleRound.findUnique({ where: { eventId: event.id } });
  if (!round) throw new RuleError("Circles are not open on this PD day yet.");
  if (round.status !== "open") throw new RuleError("These circles are already formed and published.");
  if (![...parseSubjectTags(event.subjectTags), ANY_SUBJECT].includes(input.subject))
    throw new RuleError("Choose a subject from the list.", "subject");
  if (!parseRoles(round.roles).includes(input.role)) throw new RuleError("Choose a role from the list.", "role");
  const school = (await dayPerson(event.id, userId)).school ?? "";
  const data = {
    subject: input.subject,
    gradeBand: input.gradeBand,
    role: input.role,
    otherSchools: input.otherSchools,
    school,
  };
  return db.circleOptIn.upsert({
    where: { roundId_userId: { roundId: round.id, userId } },
    create: { roundId: round.id, userId, ...data },
    update: data,
  });
}
