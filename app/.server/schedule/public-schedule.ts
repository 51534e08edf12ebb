// Read side for attendee pages, exports and printables. Everything here reads the
// latest PUBLISHED version only, never the working grid.
import { db } from "~/utils/db.server";
import { NotFoundError } from "../errors";
import { getPublicEvent } from "../events/events";
import { assertEventCoordinator, findEventBySlug } from "../events/permissions";
import { presentedBy } from "../proposals/proposal-access";
import { currentFeedLink, findFeedLink, resetFeedLink } from "./feed-links";
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
  const link = await findFeedLink(token, "presenter");
  const userId = link?.eventId === version.eventId ? link.userId : null;
  const sessions = version.snapshot.sessions.filter((s) => s.presenters.some((p) => p.userId === userId));
  if (!userId || sessions.length === 0)
    throw new NotFoundError("This link does not match a presenter on the published schedule.");
  const name = sessions[0]!.presenters.find((p) => p.userId === userId)!.name;
  return { version, userId, name, sessions };
}

const presentsIn = (version: PublishedVersion, userId: string) =>
  version.snapshot.sessions.some((s) => s.presenters.some((p) => p.userId === userId));

/**
 * The PD days whose published schedule has the person presenting, each with their
 * private feed link (null until a publish mailed one or they asked): what "My
 * proposals" shows them.
 */
export async function myPresenterFeeds(userId: string) {
  const events = await db.event.findMany({
    where: {
      scheduleVersions: { some: {} },
      proposals: { some: presentedBy(userId) },
    },
    select: { id: true, slug: true, name: true, date: true },
    orderBy: { date: "asc" },
  });
  const feeds = [];
  for (const event of events) {
    const version = await latestPublished(event.id);
    if (version && presentsIn(version, userId))
      feeds.push({ event, token: await currentFeedLink(userId, event.id, "presenter") });
  }
  return feeds;
}

/** A presenter's own feed and print page get an address (a new one: the old one answers 404 from now on). */
export async function resetPresenterFeed(userId: string, eventId: string) {
  const version = await latestPublished(eventId);
  if (!version || !presentsIn(version, userId))
    throw new NotFoundError("You do not present on this PD day's published schedule.");
  return resetFeedLink(userId, eventId, "presenter");
}

/** Posters and door signs are for the PD day's coordinators to print. */
export async function getPrintableSchedule(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  const version = await latestPublished(event.id);
  if (!version) throw new NotFoundError(`${NOTHING_PUBLISHED} Publish it first, then print.`);
  return version;
}
