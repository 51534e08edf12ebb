// Resources on a session, once it has started: its presenters add links and files
// (a file's type is sniffed from its bytes and it is stored under a random name); the
// session's people read them (session-standing.ts says who they are).
import type { SessionResourceFileInput, SessionResourceInput } from "~/schemas/circles";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { presentsSession } from "../proposals/proposal-access";
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
import { placementsOf, sessionFor, standing, started } from "./session-standing";

const MAX_RESOURCES = 20;
/** A resource file's upload limit (upload-limits.ts lets the form around it through). */
export const MAX_RESOURCE_FILE_BYTES = 10_000_000;
/** Slides, handouts and pictures; never HTML or SVG, which a browser could run as a page of Dropin's. */
const RESOURCE_FILE_TYPES = [PDF, PPTX, DOCX, XLSX, JPEG, PNG, WEBP];
export const RESOURCE_FILE_KINDS = "PDF, PowerPoint, Word, Excel, JPEG, PNG or WebP";

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
  // What every new resource row of this session starts with.
  return { eventId: event.id, proposalId: session.proposalId, placementId, authorId: actorId, kind: "resource" };
}

export async function addSessionResource(
  actorId: string,
  slug: string,
  placementId: string,
  input: SessionResourceInput,
  now = new Date(),
) {
  const resource = await sessionOpenForResources(actorId, slug, placementId, now, "url");
  return db.sessionPost.create({
    data: {
      ...resource,
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
  const resource = await sessionOpenForResources(actorId, slug, placementId, now, "file");
  if (file.bytes.byteLength === 0) throw new RuleError("Choose a file to upload.", "file");
  if (file.bytes.byteLength > MAX_RESOURCE_FILE_BYTES) throw new RuleError("Use a file of at most 10 MB.", "file");
  const type = sniffFile(file.bytes, RESOURCE_FILE_TYPES);
  if (!type) throw new RuleError(`Use a ${RESOURCE_FILE_KINDS} file.`, "file");
  // Written before the row that names it, so a backup never names a missing file.
  const storedName = await storeUpload(file.bytes, type);
  return db.sessionPost.create({
    data: {
      ...resource,
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
