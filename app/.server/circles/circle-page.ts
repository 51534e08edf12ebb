// One circle's page: its members (name, school, role), the sessions they were in
// together, a short thread and the next meeting date. Only its current members
// and the PD day's coordinators read it; to everyone else it does not exist (404).
// Members post, set the date and may leave; the circle goes on without them.
import type { CirclePostInput, NextMeetingInput } from "~/schemas/circles";
import { db } from "~/utils/db.server";
import { wallClockAt } from "../schedule/times";
import { NotFoundError, RuleError } from "../errors";
import { coordinatesEvent, loadActor } from "../events/permissions";
import { latestPublished } from "../schedule/publish";
import { onTheDay } from "./opt-in";

const THREAD_LENGTH = 50;
const MAX_POSTS = 500;
const HIDDEN = "There is no circle at that address, or you are not in it.";

async function access(actorId: string, slug: string, circleId: string) {
  const circle = await db.circle.findUnique({
    where: { id: circleId },
    select: {
      id: true,
      number: true,
      nextMeetingOn: true,
      roundId: true,
      round: { select: { status: true, eventId: true, event: { select: { slug: true, name: true, timeZone: true } } } },
    },
  });
  if (!circle || circle.round.event.slug !== slug || circle.round.status !== "published")
    throw new NotFoundError(HIDDEN);
  const member = await db.circleMember.findFirst({
    where: { circleId, userId: actorId, leftAt: null, user: onTheDay(circle.round.eventId) },
    select: { id: true },
  });
  const isMember = Boolean(member);
  if (!isMember) {
    if (!(await coordinatesEvent(await loadActor(actorId), circle.round.eventId))) throw new NotFoundError(HIDDEN);
  }
  return { circle, isMember };
}

async function assertMember(actorId: string, slug: string, circleId: string) {
  const { circle, isMember } = await access(actorId, slug, circleId);
  if (!isMember) throw new RuleError("Only the circle's members can do that.");
  return circle;
}

/** Sessions at least two current members were checked in to, most shared first. */
async function sessionsInCommon(eventId: string, userIds: string[]) {
  const visits = await db.roomVisit.findMany({
    where: { eventId, userId: { in: userIds }, placementId: { not: null } },
    select: { userId: true, placementId: true },
  });
  const version = await latestPublished(eventId);
  const proposalOf = new Map((version?.snapshot.sessions ?? []).map((s) => [s.placementId, s]));
  const who = new Map<string, { title: string; placementId: string; people: Set<string> }>();
  for (const v of visits) {
    const session = proposalOf.get(v.placementId!);
    if (!session) continue;
    const entry = who.get(session.proposalId) ?? {
      title: session.title,
      placementId: session.placementId,
      people: new Set<string>(),
    };
    entry.people.add(v.userId);
    who.set(session.proposalId, entry);
  }
  return [...who.values()]
    .filter((s) => s.people.size >= 2)
    .map((s) => ({ title: s.title, placementId: s.placementId, count: s.people.size }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}

export async function readCircle(actorId: string, slug: string, circleId: string) {
  const { circle, isMember } = await access(actorId, slug, circleId);
  const members = await db.circleMember.findMany({
    where: { circleId, leftAt: null, user: onTheDay(circle.round.eventId) },
    orderBy: { userId: "asc" },
    select: { userId: true, user: { select: { name: true } } },
  });
  const userIds = members.map((m) => m.userId);
  const [optIns, posts, inCommon] = await Promise.all([
    db.circleOptIn.findMany({
      where: { roundId: circle.roundId, userId: { in: userIds } },
      select: { userId: true, school: true, role: true },
    }),
    db.circlePost.findMany({
      where: { circleId },
      orderBy: { createdAt: "desc" },
      take: THREAD_LENGTH,
      select: { id: true, text: true, url: true, createdAt: true, author: { select: { name: true } } },
    }),
    sessionsInCommon(circle.round.eventId, userIds),
  ]);
  const choice = new Map(optIns.map((o) => [o.userId, o]));
  return {
    event: { slug: circle.round.event.slug, name: circle.round.event.name },
    circle: { id: circle.id, number: circle.number, nextMeetingOn: circle.nextMeetingOn },
    isMember,
    members: members
      .map((m) => ({
        userId: m.userId,
        name: m.user.name,
        school: choice.get(m.userId)?.school ?? "",
        role: choice.get(m.userId)?.role ?? "",
        me: m.userId === actorId,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sessionsInCommon: inCommon,
    posts: posts
      .reverse()
      .map((p) => ({ id: p.id, text: p.text, url: p.url, createdAt: p.createdAt.toISOString(), by: p.author.name })),
  };
}

export async function postToCircle(actorId: string, slug: string, circleId: string, input: CirclePostInput) {
  await assertMember(actorId, slug, circleId);
  if ((await db.circlePost.count({ where: { circleId } })) >= MAX_POSTS)
    throw new RuleError("This circle's thread is full.", "text");
  return db.circlePost.create({ data: { circleId, authorId: actorId, text: input.text, url: input.url ?? "" } });
}

/**
 * A member sets the next meeting: today or later (in the PD day's time zone), and
 * only over the date they saw; a date another member set meanwhile is not overwritten unseen.
 */
export async function setNextMeeting(
  actorId: string,
  slug: string,
  circleId: string,
  input: Pick<NextMeetingInput, "nextMeetingOn" | "was">,
  now = new Date(),
) {
  const circle = await assertMember(actorId, slug, circleId);
  const today = wallClockAt(circle.round.event.timeZone, now).date;
  if (input.nextMeetingOn < today) throw new RuleError("Choose today or a later date.", "nextMeetingOn");
  const { count } = await db.circle.updateMany({
    where: { id: circleId, nextMeetingOn: input.was || null },
    data: { nextMeetingOn: input.nextMeetingOn },
  });
  if (count !== 1)
    throw new RuleError(
      "Someone in your circle changed the date just now. Check it above, then set yours again.",
      "nextMeetingOn",
    );
}

/** Leave the circle: the others carry on; leaving twice is refused, not repeated. */
export async function leaveCircle(actorId: string, slug: string, circleId: string, now = new Date()) {
  await assertMember(actorId, slug, circleId);
  const { count } = await db.circleMember.updateMany({
    where: { circleId, userId: actorId, leftAt: null },
    data: { leftAt: now },
  });
  if (count !== 1) throw new RuleError("You have already left this circle.");
}
