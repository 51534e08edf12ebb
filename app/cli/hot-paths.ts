// Routes the production server answers before Remix. Remix turns every Express
// request into a Fetch Request and back (≈ 0.7 ms of CPU per request on our
// 2-core machines, measured with `npm run bench`); for the door's check-in API,
// which every kiosk hits at 7:45 am, that conversion cost more than the check-in.
// The handlers are the same functions the Remix routes call, so behaviour and
// permission checks are identical in dev (no Express) and production. The request
// guards (same origin, body size; request-guards.ts) are mounted ahead of these,
// in production only.
import express, { type Express } from "express";
import { myPicksAnswer } from "~/.server/attendees/schedule-viewer";
import { kioskSync } from "~/.server/checkin/kiosk-sync";

// Mounted ahead of the page middleware (nonce, helmet, compression): a JSON answer
// needs none of a page's policy, only these fixed headers.
const JSON_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};

export function mountHotPaths(app: Express) {
  app.post("/events/:slug/kiosk/sync", express.text({ type: () => true, limit: "1mb" }), (req, res, next) => {
    kioskSync({
      cookie: req.headers.cookie ?? null,
      contentType: req.headers["content-type"] ?? null,
      slug: req.params.slug ?? "",
      body: typeof req.body === "string" ? req.body : "",
    })
      .then((answer) => res.status(answer.status).set(JSON_HEADERS).json(answer.body))
      .catch(next);
  });
  // The signed-in schedule page's own picks, asked once per page view (schedule-viewer.ts).
  app.get("/e/:slug/my-picks", (req, res, next) => {
    myPicksAnswer(req.headers.cookie, req.params.slug ?? "")
      .then((answer) => res.status(answer.status).set({ ...JSON_HEADERS, "Cache-Control": "private, no-store", Vary: "Cookie" }).json(answer.body))
      .catch(next);
  });
}
