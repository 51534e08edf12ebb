// Takeaways and resources on a session, once it has started: people who were in
// the room (checked in to it) or picked it post a short takeaway; its presenters
// add resource links and files. The session's people read them: its presenters, those who
// were there or picked it, and the PD day's coordinators, who may hide a post.
// Posts belong to the proposal, so a repeated session shares one list.
import type { SessionResourceFileInput, SessionResourceInput, TakeawayInput } from "~/schemas/circles";
import { db } from "~/utils/db.server";
import { wallClockAt } from "../attendees/schedule";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator, coordinatesEvent, findEventBySlug, loadActor } from "../events/permissions";
import { presentsSession } from "../proposals/proposal-access";
import { latestPublished } from "../schedule/publish";
import {
  DOCX,
  JPEG,
  PDF,
  PNG,
  PPTX,
  readUpload,
  removeUpload,
  sniffFile,
  storeUpload,
  WEBP,
  XLSX,
} from "../uploads/stored-files";

const MAX_TAKEAWAYS_EACH = 5;
const MAX_RESOURCES = 20;
/** A resource file's upload limit (upload-limits.ts lets the form around it through). */
export const MAX_RESOURCE_FILE_BYTES = 10_000_000;
/** Slides, handouts and pictures; never HTML or SVG, which a browser could run as a page of Dropin's. */
const RESOURCE_FILE_TYPES = [PDF, PPTX, DOCX, XLSX, JPEG, PNG, WEBP];
export const RESOURCE_FILE_KINDS = "PDF, PowerPoint, Word, Excel, JPEG, PNG or WebP";

type Standing = "coordinator" | "presenter" | "participant" | "none";

async function sessionFor(slug: string, placementId: string) {
  const event = await findEventBySlug(slug);
  const session = (await latestPublished(event.id))?.snapshot.sessions.find((s) => s.placementId === placementId);
  if (!session) throw new NotFoundError("That session is not on the published schedule.");
  return { event, session };
}

/**
 * Is this person on the PD day and were they in the session (checked in to any of
 * its placements) or did they pick it? Someone removed from the day, or who left it,
 * keeps their picks and check-ins (REMOVAL_KEEPS_DATA) but not a say in its sessions.
 */
async function wasThere(userId: string, eventId: string, proposalId: string, placementIds: string[]) {
  const [member, visit, pick] = await Promise.all([
    db.membership.findFirst({ where: { eventId, userId }, select: { id: true } }),
    db.roomVisit.findFirst({ where: { eventId, userId, placementId: { in: placementIds } }, select: { id: true } }),
    db.pick.findFirst({ where: { eventId, userId, proposalId }, select: { id: true } }),
  ]);
  return Boolean(member && (visit || pick));
}

async function standing(
  actorId: string,
  eventId: string,
  session: { proposalId: string; presenters: { userId: string }[] },
  placementIds: string[],
): Promise<Standing> {
  if (await presentsSession(actorId, session)) return "presenter";
  if (await coordinatesEvent(await loadActor(actorId), eventId)) return "coordinator";
  return (await wasThere(actorId, eventId, session.proposalId, placementIds)) ? "participant" : "none";
}

async function placementsOf(eventId: string, proposalId: string) {
  const version = await latestPublished(eventId);
  return (version?.snapshot.sessions ?? []).filter((s) => s.proposalId === proposalId).map((s) => s.placementId);
}

function started(event: { date: string; timeZone: string }, session: { startTime: string }, now: Date) {
  const { date, time } = wallClockAt(event.timeZone, now);
  return date > event.date || (date === event.date && time >= session.startTime);
}

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

/**
 * The rules a link and a file share: only the session's presenters add resources, once the
 * session has started, up to MAX_RESOURCES shown. `field` is the form field a refusal sits beside.
 */
async function sessionOpenForResources(
  actorId: string,
  slug: string,
  placementId: string,
  now: Date,
  field: "url" | "file",
) {
  const { event, session } = await sessionFor(slug, placementId);
  if (!(await presentsSession(actorId, session)))
    throw new NotAllowedError("Only this session's presenters can add resources.");
  if (!started(event, session, now)) throw new RuleError("Resources open once the session has started.", field);
  const count = await db.sessionPost.count({
    where: { eventId: event.id, proposalId: session.proposalId, kind: "resource", hiddenAt: null },
  });
  if (count >= MAX_RESOURCES) throw new RuleError(`A session can have at most ${MAX_RESOURCES} resources.`, field);
  return { event, session };
}

export async function addSessionResource(
  actorId: string,
  slug: string,
  placementId: string,
  input: SessionResourceInput,
  now = new Date(),
) {
  const { event, session } = await sessionOpenForResources(actorId, slug, placementId, now, "url");
  return db.sessionPost.create({
    data: {
      eventId: event.id,
      proposalId: session.proposalId,
      placementId,
      authorId: actorId,
      kind: "resource",
      text: input.label,
      url: input.url,
    },
  });
}

/** The name the download offers: the presenter's file name without any folder, ending in the sniffed type's extension. */
function downloadName(original: string, ext: string) {
  const base = (original.split(/[\\/]/).pop() ?? "")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .replace(/\.[^.]*$/, "")
    .trim()
    .slice(0, 100);
  return `${base || "resource"}.${ext}`;
}

/** A presenter uploads a resource file; its type comes from its first bytes and it is stored under a random name. */
export async function addSessionResourceFile(
  actorId: string,
  slug: string,
  placementId: string,
  input: SessionResourceFileInput,
  file: { name: string; bytes: Uint8Array },
  now = new Date(),
) {
  const { event, session } = await sessionOpenForResources(actorId, slug, placementId, now, "file");
  if (file.bytes.byteLength === 0) throw new RuleError("Choose a file to upload.", "file");
  if (file.bytes.byteLength > MAX_RESOURCE_FILE_BYTES) throw new RuleError("Use a file of at most 10 MB.", "file");
  const type = sniffFile(file.bytes, RESOURCE_FILE_TYPES);
  if (!type) throw new RuleError(`Use a ${RESOURCE_FILE_KINDS} file.`, "file");
  // Written before the row that names it, so a backup never names a missing file.
  const storedName = await storeUpload(file.bytes, type);
  return db.sessionPost.create({
    data: {
      eventId: event.id,
      proposalId: session.proposalId,
      placementId,
      authorId: actorId,
      kind: "resource",
      text: input.label,
      storedName,
      fileName: downloadName(file.name, type.ext),
      fileType: type.type,
      fileBytes: file.bytes.byteLength,
    },
  });
}

/** A presenter of the session removes one of its resources (a link or a file, and the file with it). */
export async function removeSessionResource(actorId: string, slug: string, placementId: string, postId: string) {
  const { event, session } = await sessionFor(slug, placementId);
  if (!(await presentsSession(actorId, session)))
    throw new NotAllowedError("Only this session's presenters can remove resources.");
  const where = { id: postId, eventId: event.id, proposalId: session.proposalId, kind: "resource" };
  const post = await db.sessionPost.findFirst({ where, select: { id: true, text: true, storedName: true } });
  if (!post) throw new NotFoundError("That resource is not on this session.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.sessionPost.deleteMany({ where });
    if (count !== 1) throw new NotFoundError("That resource is not on this session.");
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: "session_post.resource_removed",
      entity: "SessionPost",
      entityId: post.id,
      detail: { label: post.text },
    });
  });
  if (post.storedName) await removeUpload(post.storedName);
}

/** A resource file, for the session's people only (a hidden one for coordinators only). */
export async function readSessionResourceFile(actorId: string, slug: string, placementId: string, postId: string) {
  const { event, session } = await sessionFor(slug, placementId);
  const role = await standing(actorId, event.id, session, await placementsOf(event.id, session.proposalId));
  if (role === "none") throw new NotAllowedError("Resources are for the people who were in this session.");
  const post = await db.sessionPost.findFirst({
    where: {
      id: postId,
      eventId: event.id,
      proposalId: session.proposalId,
      kind: "resource",
      storedName: { not: "" },
      ...(role === "coordinator" ? {} : { hiddenAt: null }),
    },
    select: { storedName: true, fileName: true },
  });
  if (!post) throw new NotFoundError("That file is not on this session.");
  const bytes = await readUpload(post.storedName);
  // The type is sniffed again from what is served, not trusted from the row.
  const type = sniffFile(bytes, RESOURCE_FILE_TYPES);
  return {
    bytes,
    type: type?.type ?? "application/octet-stream",
    isImage: Boolean(type?.type.startsWith("image/")),
    fileName: post.fileName,
  };
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
