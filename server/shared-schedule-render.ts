// Which stored render of /e/<slug> a request may get (server/public-page-cache.ts):
// visitors get the anonymous one; a signed-in person gets the one stored for their
// kind of viewer (app/.server/attendees/schedule-viewer.ts), and the page then asks
// for their own picks. Null: render this request for the person, as Remix would.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { Request } from "express";
import { entryExports } from "./build";

export type SharedRender = { key: string; context: Partial<AppLoadContext> };

// Per-person on purpose: the "keep both, or replace?" question (?overlap=) and the
// page a browser without JavaScript gets (?nojs=1, its picks rendered in the buttons).
const PERSONAL_QUERY = /[?&](overlap|nojs)=/;

export async function sharedRenderFor(req: Request, slug: string, build: ServerBuild): Promise<SharedRender | null> {
  const names = (req.headers.cookie ?? "").split(";").map((c) => c.split("=")[0]!.trim());
  const dropin = names.filter((name) => name.startsWith("__dropin_"));
  if (dropin.length === 0) return { key: "anonymous", context: {} };
  // Anything but the sign-in cookie (a toast to show once) needs the person's own render.
  if (dropin.some((name) => name !== "__dropin_session") || PERSONAL_QUERY.test(req.originalUrl)) return null;
  const shared = await entryExports(build).sharedViewerOf(req.headers.cookie, slug);
  return shared && { key: shared.key, context: { sharedViewer: shared.viewer } };
}
