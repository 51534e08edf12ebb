// Read side for attendee pages, exports and printables. Everything here reads the
// latest PUBLISHED version only, never the working grid.
import { NotFoundError } from "../errors";
import { getPublicEvent } from "../events/events";
import { assertEventCoordinator, findEventBySlug } from "../events/permissions";
import { userForToken } from "./presenter-token";
import { latestPublished, type PublishedVersion } from "./publish";

export const NOTHING_PUBLISHED = "No schedule has been published for this PD day yet.";

/** The public page: the event, and its published version if there is one. */
export async function getPublicSchedule(slug: string) {
  const event = await getPublicEvent(slug);
  return { event, version: await latestPublished(event.id) };
}

/** For exports: a published version must exist, or the answer is 404. */
export async function requirePublishedVersion(slug: string): Promise<PublishedVersion> {
  const { version } = await getPublicSchedule(slug);
  if (!version) throw new NotFoundError(NOTHING_PUBLISHED);
  return version;
}

export async function getPublishedRoom(slug: string, roomId: string) {
  const { event, version } = await getPublicSchedule(slug);
  const room = version?.snapshot.rooms.find((r) => r.id === roomId);
  if (!version || !room) throw new NotFoundError("This room is not on the published schedule.");
  return { event, version, room, sessions: version.snapshot.sessions.filter((s) => s.roomId === roomId) };
}

/** A presenter's own sessions, found by their private token. */
export async function getPresenterSchedule(slug: string, token: string) {
  const version = await requirePublishedVersion(slug);
  const presenterIds = new Set(version.snapshot.sessions.flatMap((s) => s.presenters.map((p) => p.userId)));
  const userId = userForToken(token, presenterIds);
  if (!userId) throw new NotFoundError("This link does not match a presenter on the published schedule.");
  const sessions = version.snapshot.sessions.filter((s) => s.presenters.some((p) => p.userId === userId));
  const name = sessions[0]!.presenters.find((p) => p.userId === userId)!.name;
  return { version, userId, name, sessions };
}

/** Posters and door signs are for the PD day's coordinators to print. */
export async function getPrintableSchedule(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  const version = await latestPublished(event.id);
  if (!version) throw new NotFoundError(`${NOTHING_PUBLISHED} Publish it first, then print.`);
  return version;
}
