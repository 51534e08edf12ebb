// Takeaways on a session, once it has started: people who were in the room (checked
// in to it) or picked it post a short takeaway. The session's people read them: its
// presenters, those who were there or picked it, and the PD day's coordinators, who may
// hide a post (a resource too: resources.ts). Posts belong to the proposal, so a repeated
// session shares one list.
import type { TakeawayInput } from "~/schemas/circles";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator, findEventBySlug } from "../events/permissions";
import { placementsOf, sessionFor, standing, started, wasThere } from "./session-standing";

const MAX_TAKEAWAYS_EACH = 5;

/** What the takeaways page shows this person, or a refusal for someone who was not there. */
export async function sessionPostsFor(actorId: string, slug: string, placementId: string, now = new Date()) {
  const { event, session } = await sessionFor(slug, placementId);
  const placementIds = await placementsOf(event.id, session.proposalId);
  const role = await standing(actorId, event.id, session, placementIds);
  if (role === "none") throw new NotAllowedError("Takeaways are for the people who were in this session.");
  const posts = await db.sessionPost.findMany({
    where: { eventId: event.id, proposalId: session.proposalId, ...(role === "coordinator" ? {} : { hiddenAt: null }) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      text: true,
      url: true,
      fileName: true,
      fileType: true,
      fileBytes: true,
      hiddenAt: true,
      createdAt: true,
      author: { select: { name: true } },
      authorId: true,
    },
  });
  const isOpen = started(event, session, now);
  return {
    event: { slug: event.slug, name: event.name },
    session: {
      placementId: session.placementId,
      proposalId: session.proposalId,
      title: session.title,
      startTime: session.startTime,
    },
    role,
    isOpen,
    canTakeaway: isOpen && role === "participant",
    canAddResource: isOpen && role === "presenter",
    canHide: role === "coordinator",
    canRemove: role === "presenter",
    takeaways: posts
      .filter((p) => p.kind === "takeaway")
      .map(({ author, ...p }) => ({ ...p, by: author.name, mine: p.authorId === actorId })),
    resources: posts
      .filter((p) => p.kind === "resource")
      .map(({ author, fileName, fileType, fileBytes, ...p }) => ({
        ...p,
        by: author.name,
        file: fileName ? { name: fileName, type: fileType, bytes: fileBytes } : null,
      })),
  };
}

export async function postTakeaway(
  actorId: string,
  slug: string,
  placementId: string,
  input: TakeawayInput,
  now = new Date(),
) {
  const { event, session } = await sessionFor(slug, placementId);
  const placementIds = await placementsOf(event.id, session.proposalId);
  if (!(await wasThere(actorId, event.id, session.proposalId, placementIds))) {
    throw new NotAllowedError("Only people who were checked in to this session, or picked it, can post a takeaway.");
  }
  if (!started(event, session, now)) throw new RuleError("Takeaways open once the session has started.", "text");
  const mine = await db.sessionPost.count({
    where: { eventId: event.id, proposalId: session.proposalId, authorId: actorId, kind: "takeaway" },
  });
  if (mine >= MAX_TAKEAWAYS_EACH)
    throw new RuleError(`You can post up to ${MAX_TAKEAWAYS_EACH} takeaways on a session.`, "text");
  return db.sessionPost.create({
    data: {
      eventId: event.id,
      proposalId: session.proposalId,
      placementId,
      authorId: actorId,
      kind: "takeaway",
      text: input.text,
    },
  });
}

/** A coordinator hides a post; hiding one already hidden is refused, not repeated. */
export async function hideSessionPost(actorId: string, slug: string, postId: string) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  const post = await db.sessionPost.findFirst({
    where: { id: postId, eventId: event.id },
    select: { id: true, kind: true },
  });
  if (!post) throw new NotFoundError("That post is not on this PD day.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.sessionPost.updateMany({
      where: { id: post.id, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenById: actorId },
    });
    if (count !== 1) throw new RuleError("That post is already hidden.");
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: "session_post.hidden",
      entity: "SessionPost",
      entityId: post.id,
      detail: { kind: post.kind },
    });
  });
}

/** Takeaways a presenter sees beside their feedback (visible ones, without names, like feedback comments). */
export async function takeawaysForPresenter(proposalId: string) {
  return db.sessionPost.findMany({
    where: { proposalId, kind: "takeaway", hiddenAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, text: true },
  });
}

/** Visible takeaways per session, for the dashboard (coordinator checked by the caller). */
export async function takeawayCounts(eventId: string) {
  const rows = await db.sessionPost.groupBy({
    by: ["proposalId"],
    where: { eventId, kind: "takeaway", hiddenAt: null },
    _count: { _all: true },
  });
  const titles = await db.proposal.findMany({
    where: { id: { in: rows.map((r) => r.proposalId) } },
    select: { id: true, title: true },
  });
  const title = new Map(titles.map((t) => [t.id, t.title]));
  return rows
    .map((r) => ({ proposalId: r.proposalId, title: title.get(r.proposalId) ?? "", count: r._count._all }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}
