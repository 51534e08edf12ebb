// The coordinator's side of follow-up circles: open them (size, the district's
// roles, when the reminder goes), form a preview from the opt-ins, swap two
// people, publish. Every change to the preview carries the round's version as
// read, so a swap or publish made on a stale preview is refused, not applied.
import type { CircleSettingsInput, SwapInput } from "~/schemas/circles";
import { parseRoles } from "~/schemas/circles";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator, findEventBySlug } from "../events/permissions";
import { formCircles } from "./forming";
import { sendMeetYourCircle } from "./nudges";
import { onTheDay } from "./opt-in";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const STALE = "Someone else changed these circles just now. Reload the page to see their change, then try again.";

async function coordinatorRound(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  const round = await db.circleRound.findUnique({ where: { eventId: event.id } });
  return { event, round };
}

async function openRound(actorId: string, slug: string) {
  const { event, round } = await coordinatorRound(actorId, slug);
  if (!round) throw new NotFoundError("Circles are not open on this PD day yet.");
  if (round.status !== "open") throw new RuleError("These circles are published: they can no longer be changed.");
  return { event, round };
}

/** Claim the next version inside the write: a change made on an older read is refused. */
async function bumpVersion(tx: Tx, roundId: string, version: number) {
  const { count } = await tx.circleRound.updateMany({
    where: { id: roundId, version, status: "open" },
    data: { version: { increment: 1 } },
  });
  if (count !== 1) throw new RuleError(STALE);
}

/** Store formed circles (numbered from 1) and their members in two inserts; returns the circles' ids by number. */
export async function writeCircles(tx: Tx | typeof db, roundId: string, circles: string[][]) {
  const made = await tx.circle.createManyAndReturn({
    data: circles.map((_, i) => ({ roundId, number: i + 1 })),
    select: { id: true, number: true },
  });
  const idOf = new Map(made.map((c) => [c.number, c.id]));
  await tx.circleMember.createMany({
    data: circles.flatMap((userIds, i) => userIds.map((userId) => ({ circleId: idOf.get(i + 1)!, userId }))),
  });
  return idOf;
}

/** Open circles on this PD day, or change their settings while they are open. */
export async function saveCircleSettings(actorId: string, slug: string, input: CircleSettingsInput) {
  const { event, round } = await coordinatorRound(actorId, slug);
  const data = {
    groupSize: input.groupSize,
    reminderWeeks: input.reminderWeeks,
    roles: parseRoles(input.roles).join("\n"),
  };
  if (round && round.status !== "open")
    throw new RuleError("These circles are published: their settings can no longer be changed.");
  return db.$transaction(async (tx) => {
    const saved = round
      ? await tx.circleRound.update({ where: { id: round.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.circleRound.create({ data: { eventId: event.id, ...data } });
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: round ? "circles.settings_changed" : "circles.opened",
      entity: "CircleRound",
      entityId: saved.id,
      detail: data,
    });
    return saved;
  });
}

/** Form (or re-form) the preview from every opt-in: the same opt-ins give the same circles. */
export async function formCirclePreview(actorId: string, slug: string, version: number) {
  const { event, round } = await openRound(actorId, slug);
  const optIns = await db.circleOptIn.findMany({ where: { roundId: round.id, user: onTheDay(event.id) } });
  if (optIns.length === 0) throw new RuleError("Nobody has opted in yet.");
  const circles = formCircles(optIns, round.groupSize);
  await db.$transaction(async (tx) => {
    await bumpVersion(tx, round.id, version);
    await tx.circle.deleteMany({ where: { roundId: round.id } });
    await writeCircles(tx, round.id, circles);
    await tx.circleRound.update({ where: { id: round.id }, data: { formedAt: new Date() } });
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: "circles.formed",
      entity: "CircleRound",
      entityId: round.id,
      detail: { circles: circles.length, people: optIns.length },
    });
  });
  return circles.length;
}

/** Exchange two people between their circles in the preview. */
export async function swapCircleMembers(actorId: string, slug: string, input: SwapInput) {
  const { event, round } = await openRound(actorId, slug);
  const members = await db.circleMember.findMany({
    where: { circle: { roundId: round.id }, userId: { in: [input.first, input.second] } },
    select: { id: true, userId: true, circleId: true },
  });
  const first = members.find((m) => m.userId === input.first);
  const second = members.find((m) => m.userId === input.second);
  if (!first) throw new RuleError("That person is not in a circle of this preview.", "first");
  if (!second) throw new RuleError("That person is not in a circle of this preview.", "second");
  if (first.circleId === second.circleId) throw new RuleError("They are already in the same circle.", "second");
  await db.$transaction(async (tx) => {
    await bumpVersion(tx, round.id, input.version);
    await tx.circleMember.update({ where: { id: first.id }, data: { circleId: second.circleId } });
    await tx.circleMember.update({ where: { id: second.id }, data: { circleId: first.circleId } });
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: "circles.swapped",
      entity: "CircleRound",
      entityId: round.id,
      detail: { first: input.first, second: input.second },
    });
  });
}

/** Publish the preview: members see their circle and get "Meet your circle"; the reminder is set. */
export async function publishCircles(actorId: string, slug: string, version: number, now = new Date()) {
  const { event, round } = await openRound(actorId, slug);
  const circles = await db.circle.count({ where: { roundId: round.id } });
  if (circles === 0) throw new RuleError("Form the circles first, then publish them.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.circleRound.updateMany({
      where: { id: round.id, version, status: "open" },
      data: {
        status: "published",
        publishedAt: now,
        reminderDueAt: new Date(now.getTime() + round.reminderWeeks * WEEK_MS),
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw new RuleError(STALE);
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: "circles.published",
      entity: "CircleRound",
      entityId: round.id,
      detail: { circles },
    });
  });
  return sendMeetYourCircle(round.id);
}

/** The coordinator's page: settings, opt-ins, and the preview (or the published circles). */
export async function circleBoard(actorId: string, slug: string) {
  const { event, round } = await coordinatorRound(actorId, slug);
  if (!round) return { event: { slug: event.slug, name: event.name }, round: null, optIns: 0, circles: [] };
  const [optIns, circles] = await Promise.all([
    db.circleOptIn.findMany({
      where: { roundId: round.id },
      select: {
        userId: true,
        subject: true,
        gradeBand: true,
        role: true,
        school: true,
        otherSchools: true,
        user: { select: { name: true } },
      },
    }),
    db.circle.findMany({
      where: { roundId: round.id },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        _count: { select: { posts: true } },
        members: { select: { userId: true, leftAt: true }, orderBy: { userId: "asc" } },
      },
    }),
  ]);
  const choice = new Map(optIns.map((o) => [o.userId, o]));
  return {
    event: { slug: event.slug, name: event.name },
    round: {
      status: round.status,
      groupSize: round.groupSize,
      roles: round.roles,
      reminderWeeks: round.reminderWeeks,
      version: round.version,
      reminderDueAt: round.reminderDueAt,
      reminderSentAt: round.reminderSentAt,
    },
    optIns: optIns.length,
    circles: circles.map((c) => ({
      id: c.id,
      number: c.number,
      posts: c._count.posts,
      members: c.members.map((m) => {
        const o = choice.get(m.userId);
        return {
          userId: m.userId,
          left: m.leftAt !== null,
          name: o?.user.name ?? "",
          school: o?.school ?? "",
          role: o?.role ?? "",
          subject: o?.subject ?? "",
          gradeBand: o?.gradeBand ?? "",
          otherSchools: o?.otherSchools ?? true,
        };
      }),
    })),
  };
}

/** For the PD day's dashboard: who joined, and how much each circle talks. */
export async function circleCounts(eventId: string) {
  const round = await db.circleRound.findUnique({ where: { eventId }, select: { id: true, status: true } });
  if (!round) return null;
  const [optIns, members, circles] = await Promise.all([
    db.circleOptIn.count({ where: { roundId: round.id } }),
    db.circleMember.count({ where: { circle: { roundId: round.id }, leftAt: null } }),
    db.circle.findMany({
      where: { roundId: round.id },
      orderBy: { number: "asc" },
      select: { number: true, _count: { select: { posts: true } } },
    }),
  ]);
  return {
    status: round.status,
    optIns,
    members,
    circles: circles.map((c) => ({ number: c.number, posts: c._count.posts })),
  };
}
