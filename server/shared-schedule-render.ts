// Which stored render of an attendee page a request may get (server/public-page-cache.ts):
// visitors get the anonymous schedule; a signed-in person gets the one stored for their
// kind of viewer (app/.server/attendees/schedule-viewer.ts), and the page then asks
// for their own part. Null: render this request for the person, as Remix would.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { Request } from "express";
import { entryExports } from "./build";

export type SharedRender = { key: string; context: Partial<AppLoadContext> };

// Per-person on purpose: the "keep both, or replace?" question (?overlap=) and the
// page a browser without JavaScript gets (?nojs=1, its picks rendered in the buttons).
const PERSONAL_QUERY = /[?&](overlap|nojs)=/;

/** The pages stored this way: the schedule, and (signed in only) the pages of issue 16 that ask GET /e/<slug>/mine/… */
export type AttendeePage = "schedule" | "session" | "room" | "my-day" | "credit";

export async function sharedRenderFor(
  req: Request,
  slug: string,
  page: AttendeePage,
  build: ServerBuild,
): Promise<SharedRender | null> {
  const names = (req.headers.cookie ?? "").split(";").map((c) => c.split("=")[0]!.trim());
  const dropin = names.filter((name) => name.startsWith("__dropin_"));
  // Visitors' session and room pages stay per request: only the schedule is their front door.
  if (dropin.length === 0) return page === "schedule" ? { key: "anonymous", context: {} } : null;
  // Anything but the sign-in cookie (a toast to show once) needs the person's own render.
  if (dropin.some((name) => name !== "__dropin_session") || PERSONAL_QUERY.test(req.originalUrl)) return null;
  const shared = await entryExports(build).sharedViewerOf(req.headers.cookie, slug);
  // My day and credit are a member's own: anyone else gets the page's own refusal, rendered for them.
  if (!shared || !entryExports(build).mayGetStoredPage(shared, page)) return null;
  return { key: shared.key, context: { sharedViewer: shared.viewer } };
}
