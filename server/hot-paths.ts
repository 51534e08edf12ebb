// Routes the Express server answers before Remix. Remix turns every Express
// request into a Fetch Request and back (≈ 0.7 ms of CPU per request on our
// 2-core machines, measured with `npm run bench`); for the door's check-in API,
// which every kiosk hits at 7:45 am, that conversion cost more than the check-in.
// The handlers are the same functions the Remix routes call, taken from the server
// build (server/app.ts), so behaviour and permission checks are identical. The
// request guards (same origin, body size; request-guards.ts) are mounted ahead.
import express, { type Express } from "express";
import { entryExports, type GetBuild } from "./build";

// Mounted ahead of the page middleware (nonce, helmet, compression): a JSON answer
// needs none of a page's policy, only these fixed headers.
const JSON_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};

// One person's own data (their picks, their part of a stored page): never kept by a
// shared cache, and a different answer per cookie.
const PERSONAL_JSON_HEADERS = { ...JSON_HEADERS, "Cache-Control": "private, no-store", Vary: "Cookie" };

export function mountHotPaths(app: Express, { getBuild }: { getBuild: GetBuild }) {
  app.post("/events/:slug/kiosk/sync", express.text({ type: () => true, limit: "1mb" }), (req, res, next) => {
    Promise.resolve(getBuild())
      .then((build) =>
        entryExports(build).kioskSync({
          cookie: req.headers.cookie ?? null,
          contentType: req.headers["content-type"] ?? null,
          slug: req.params.slug ?? "",
          body: typeof req.body === "string" ? req.body : "",
        }),
      )
      .then((answer) => res.status(answer.status).set(JSON_HEADERS).json(answer.body))
      .catch(next);
  });
  // The signed-in schedule page's own picks, asked once per page view (schedule-viewer.ts).
  app.get("/e/:slug/my-picks", (req, res, next) => {
    Promise.resolve(getBuild())
      .then((build) => entryExports(build).myPicksAnswer(req.headers.cookie, req.params.slug ?? ""))
      .then((answer) => res.status(answer.status).set(PERSONAL_JSON_HEADERS).json(answer.body))
      .catch(next);
  });
  // The per-person part of a stored session, room, My day or credit page (personal-parts.ts).
  app.get(/^\/e\/([^/]+)\/mine\/(session|room|my-day|credit)(?:\/([^/]+))?\/?$/, (req, res, next) => {
    // Express has decoded the captures already: decoding again read "%25E0" as a broken escape (a 500).
    const [slug, page, id] = [req.params[0], req.params[1], req.params[2]].map((p) => p ?? "");
    Promise.resolve(getBuild())
      .then((build) => entryExports(build).mineAnswer(req.headers.cookie, slug!, page!, id!))
      .then((answer) => res.status(answer.status).set(PERSONAL_JSON_HEADERS).json(answer.body))
      .catch(next);
  });
}
