// The per-person part of the attendee pages a phone opens most: the session page,
// the room page (the QR code on the door), My day and the PD credit page. The rest
// of each page is the same for everyone and the production server keeps one render
// of it per kind of viewer (server/public-page-cache.ts); the page then asks
// GET /e/<slug>/mine/<page>[/<id>] for these parts. A full per-person render (no
// JavaScript, `?nojs=1`) calls the same functions, so both paths show the same.
// Everything here is read for the signed-in person only: the user id comes from
// their session cookie, never from the address.
import { jsonAnswer, NotFoundError } from "../errors";
import { clockTime } from "../checkin/door";
import { roomCheckInState, roomsWithSpace } from "../checkin/rooms";
import { getMyCreditLines } from "../credit/credit";
import { LEAVING_KEEPS_DATA, myRoles } from "../events/people";
import { findEventBySlug } from "../events/permissions";
import { appLink } from "../outbox/outbox";
import { sessionsPresentedNow } from "../proposals/proposal-access";
import { getPublishedRoom } from "../schedule/public-schedule";
import { ROLE_LABELS } from "~/schemas/events";
import { myFeedback } from "./feedback";
import { getMyDay } from "./picks";
import { findPublishedSession, sessionEnded } from "./schedule";
import { signedInUser } from "./schedule-viewer";

type Presented = { proposalId: string; presenters: Array<{ userId: string | null }> };

/**
 * The session page: the person's rating (once the block is over) and whether they
 * present it (a co-presenter removed since the publish is still listed, but no longer does).
 * Their pick comes from my-picks.
 */
export async function mySessionPart(userId: string, session: Presented & { placementId: string }, canRate: boolean) {
  const [feedback, presented] = await Promise.all([
    canRate ? myFeedback(userId, session.placementId) : null,
    sessionsPresentedNow(userId, [session]),
  ]);
  return { feedback, isPresenter: presented.length > 0 };
}

/** The room page: may they check in here, since when they are here, other rooms with seats if this one is full, and what they present here. */
export async function myRoomPart(userId: string | null, slug: string, roomId: string) {
  const { event, room, sessions } = await getPublishedRoom(slug, roomId);
  const [{ canCheckIn, visit }, alternatives, presented] = await Promise.all([
    roomCheckInState(userId, event.id, room.id),
    roomsWithSpace(event.id, room.id),
    userId ? sessionsPresentedNow(userId, sessions) : [],
  ]);
  return {
    canCheckIn,
    hereSince: visit ? clockTime(visit.enteredAt, event.timeZone) : null,
    alternatives,
    // The presenter's own sessions here get a link to take attendance from their phone.
    presenting: presented.map((s) => ({ placementId: s.placementId, title: s.title })),
  };
}

/** My day: the person's picked sessions in order, their calendar address and how to leave the PD day. */
export async function myDayPart(userId: string, slug: string) {
  const { event, day, picks, gone, feedToken } = await getMyDay(userId, slug);
  return {
    leave: await leaving(userId, event),
    day,
    picks: Object.fromEntries(picks),
    gone,
    feedUrl: feedToken ? appLink(`/e/${event.slug}/my-day/${feedToken}.ics`) : null,
  };
}

// The leave form's roles and words are made here: role labels live beside zod, and
// attendee pages ship neither zod nor more words than they show.
async function leaving(userId: string, event: { id: string; name: string }) {
  const roles = await myRoles(userId, event.id);
  if (roles.length === 0) return null;
  const names = roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(" and ");
  const what = roles.length === 1 ? "that role" : "those roles";
  return {
    roles: roles.join(","),
    text: `You are ${names} of ${event.name}. Leaving takes away ${what}. ${LEAVING_KEEPS_DATA}`,
  };
}

/** The credit page: the person's hours so far and their door check-in. */
export async function myCreditPart(userId: string, slug: string) {
  const event = await findEventBySlug(slug);
  const credit = await getMyCreditLines(userId, event.id);
  return {
    lines: credit.lines,
    total: credit.total,
    doorCheckIn: credit.doorCheckedInAt ? clockTime(credit.doorCheckedInAt, event.timeZone) : null,
  };
}

export type MineAnswer = { status: number; body: unknown };

/**
 * GET /e/<slug>/mine/<page>[/<id>]: one page's per-person part as JSON. Answered by
 * the production server directly (server/hot-paths.ts) and by the Remix route in
 * development. Refusals carry the same words and statuses as the pages' own.
 */
export async function mineAnswer(
  cookie: string | null | undefined,
  slug: string,
  page: string,
  id: string,
): Promise<MineAnswer> {
  const user = await signedInUser(cookie);
  if (!user) return { status: 401, body: { message: "Sign in to see your part of this page." } };
  return jsonAnswer(async () => {
    if (page === "session") {
      const { event, session } = await findPublishedSession(slug, id);
      // Rating opens once the block is over (as the page has it); a non-member has no rating to read.
      return { status: 200, body: await mySessionPart(user.id, session, sessionEnded(event, session, new Date())) };
    }
    if (page === "room") return { status: 200, body: await myRoomPart(user.id, slug, id) };
    if (page === "my-day") return { status: 200, body: await myDayPart(user.id, slug) };
    if (page === "credit") return { status: 200, body: await myCreditPart(user.id, slug) };
    throw new NotFoundError("There is no such page.");
  });
}
