// The signed-in schedule page without a per-person render. The published schedule
// is the same for every attendee; only the pick buttons' state is theirs. So the
// production server stores one render per kind of viewer (may they pick here, and
// which header links they have: the page carries nothing else about them) and the
// page asks for the person's own picks with one small request (`myPicksAnswer`).
// Neither the stored render nor its hydration data holds a name, a pick or an id.
import { statement } from "~/utils/sqlite.server";
import { sessionIdFromCookie } from "../accounts/session-cookie";
import { findSessionUser } from "../accounts/sessions";
import { navigationFor, type Navigation } from "../events/navigation";
import { isMemberOf, mayPickOn } from "../events/permissions";

/** What a stored render for signed-in viewers is made for. */
export type SharedViewer = { canPick: boolean; nav: Navigation };

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by the production server's stored render: render for this kind of viewer, not for the request's person. */
    sharedViewer?: SharedViewer;
  }
}

export async function signedInUser(cookie: string | null | undefined) {
  const sessionId = await sessionIdFromCookie(cookie);
  const user = sessionId ? await findSessionUser(sessionId) : null;
  // A shared kiosk device is nobody on attendee pages (as getUser has it).
  return user && !user.kioskSlug ? user : null;
}

function eventId(slug: string) {
  return (statement("SELECT id FROM Event WHERE slug = ?").get(slug) as { id: string } | undefined)?.id ?? null;
}

/**
 * The stored render this signed-in request may get, under a key naming exactly
 * what the render depends on; null when the page must be rendered for the person
 * (no valid session, a kiosk device, no such PD day).
 */
export async function sharedViewerOf(cookie: string | null | undefined, slug: string) {
  const user = await signedInUser(cookie);
  const id = eventId(slug);
  if (!user || !id) return null;
  const member = isMemberOf(user.id, id);
  const viewer: SharedViewer = { canPick: mayPickOn(user, id, member), nav: navigationFor(user) };
  // `member` is not in the key: it decides which pages may be stored, not what they show.
  return {
    key: `${viewer.canPick ? "member" : "viewer"}:${viewer.nav.links.map((l) => l.to).join(",")}`,
    viewer,
    member,
  };
}

/**
 * May this viewer get the stored render of a signed-in page? My day is for whoever may
 * pick (members and district coordinators, as getMyDay has it); the credit page for the
 * day's members only (getMyCredit), so a district coordinator from outside the day gets
 * the page's own refusal, rendered for them, not a stored page that fails inside.
 */
export function mayGetStoredPage(shared: { viewer: SharedViewer; member: boolean }, page: string) {
  if (page === "credit") return shared.member;
  if (page === "my-day") return shared.viewer.canPick;
  return true;
}

export type MyPicksAnswer = {
  status: number;
  body: { canPick: boolean; picks: Record<string, string> } | { message: string };
};

/**
 * GET /e/<slug>/my-picks: the signed-in person's own picks on that PD day
 * (placement id → the pick's client id, which the buttons need to undo it).
 * Answered by the production server directly (server/hot-paths.ts) and by the
 * Remix route in development; one indexed read.
 */
export async function myPicksAnswer(cookie: string | null | undefined, slug: string): Promise<MyPicksAnswer> {
  const user = await signedInUser(cookie);
  if (!user) return { status: 401, body: { message: "Sign in to see your picks." } };
  const id = eventId(slug);
  if (!id) return { status: 404, body: { message: "There is no PD day at that address." } };
  if (!mayPickOn(user, id)) return { status: 200, body: { canPick: false, picks: {} } };
  const rows = statement(
    "SELECT placementId, IFNULL(clientId, id) AS clientId FROM Pick WHERE userId = ? AND eventId = ?",
  ).all(user.id, id) as Array<{
    placementId: string;
    clientId: string;
  }>;
  return {
    status: 200,
    body: { canPick: true, picks: Object.fromEntries(rows.map((r) => [r.placementId, r.clientId])) },
  };
}
