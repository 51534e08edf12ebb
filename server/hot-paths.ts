// Routes the Express server answers before Remix. Remix turns every Express
// request into a Fetch Request and back (≈ 0.7 ms of CPU per request on our
// 2-core machines, measured with `npm run bench`); for the door's check-in API,
// which every kiosk hits at 7:45 am, that conversion cost more than the check-in.
// The handlers are the same functions the Remix routes call, taken from the server
// build (server/app.ts), so behaviour and permission checks are identical. The
// request guards (same origin, body size; request-guards.ts) are mounted ahead.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Express } from "express";
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

/**
 * The answer as JSON, written in one go: Express's res.json would also hash the body
 * for an ETag these never-stored answers cannot use, and look at the request's
 * freshness; on the door's endpoint that was a tenth of each check-in.
 */
function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The request's body as text. Its size is already bounded: the request guards refuse a
 * body without a Content-Length or longer than the path's limit (request-guards.ts),
 * and Node reads no more than the length says.
 */
function readText(req: IncomingMessage) {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
    // A kiosk that drops off mid-upload: no answer is owed, and nothing stays waiting.
    req.on("close", () => {
      if (!req.complete) reject(new Error("The request ended before its body arrived."));
    });
  });
}

export function mountHotPaths(app: Express, { getBuild }: { getBuild: GetBuild }) {
  app.post("/events/:slug/kiosk/sync", (req, res, next) => {
    Promise.all([getBuild(), readText(req)])
      .then(([build, body]) =>
        entryExports(build).kioskSync({
          cookie: req.headers.cookie ?? null,
          contentType: req.headers["content-type"] ?? null,
          slug: req.params.slug ?? "",
          body,
        }),
      )
      .then((answer) => sendJson(res, answer.status, JSON_HEADERS, answer.body))
      .catch(next);
  });
  // The signed-in schedule page's own picks, asked once per page view (schedule-viewer.ts).
  app.get("/e/:slug/my-picks", (req, res, next) => {
    Promise.resolve(getBuild())
      .then((build) => entryExports(build).myPicksAnswer(req.headers.cookie, req.params.slug ?? ""))
      .then((answer) => sendJson(res, answer.status, PERSONAL_JSON_HEADERS, answer.body))
      .catch(next);
  });
  // The per-person part of a stored session, room, My day or credit page (personal-parts.ts).
  app.get(/^\/e\/([^/]+)\/mine\/(session|room|my-day|credit)(?:\/([^/]+))?\/?$/, (req, res, next) => {
    // Express has decoded the captures already: decoding again read "%25E0" as a broken escape (a 500).
    const [slug, page, id] = [req.params[0], req.params[1], req.params[2]].map((p) => p ?? "");
    Promise.resolve(getBuild())
      .then((build) => entryExports(build).mineAnswer(req.headers.cookie, slug!, page!, id!))
      .then((answer) => sendJson(res, answer.status, PERSONAL_JSON_HEADERS, answer.body))
      .catch(next);
  });
}
