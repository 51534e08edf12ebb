// The anonymous attendee schedule page, rendered once and served from memory
// until what it shows changes. On the morning of a PD day hundreds of phones
// open /e/<slug> from the poster's QR code; rendering 300 sessions with React
// takes ~20 ms of CPU, serving stored bytes takes microseconds.
//
// - Only GET/HEAD of /e/<slug> (any filters). Anonymous: no Dropin cookie.
//   Signed in: one render per kind of viewer, holding nothing personal; the page
//   fetches the person's picks itself (shared-schedule-render.ts). The same for a
//   signed-in person's session page, room page, My day and credit page, which
//   fetch their own part (app/.server/attendees/personal-parts.ts).
// - Fresh by construction: each request reads the page's stamp (event row,
//   latest published version, sponsors, the minute) and renders again when it
//   differs; the stamp is one indexed SQL lookup.
// - Stored gzip and brotli bodies and an ETag, so phones revalidate with a 304.
// - CSP: a stored page cannot carry a per-request nonce, so it carries the same
//   policy with the SHA-256 hashes of its own inline scripts instead (the usual
//   strict CSP for cached pages). Everything else keeps the per-request nonce.
import crypto from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Express, Request, Response } from "express";
import { LRUCache } from "lru-cache";
import { entryExports, type GetBuild } from "./build";
import { sharedRenderFor, type AttendeePage, type SharedRender } from "./shared-schedule-render";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

// `build`: under `npm run dev` an edit makes a new build, whose page must not be the stored one.
type Page = {
  build: ServerBuild;
  stamp: string;
  headers: Array<[string, string]>;
  hashes: string[];
  etag: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
};

const PATH = /^\/e\/([^/]+)(?:\/(sessions|rooms)\/([^/]+)|\/(my-day|credit))?\/?$/;
const PAGES = { sessions: "session", rooms: "room", "my-day": "my-day", credit: "credit" } as const;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

function cacheable(req: Request): { slug: string; page: AttendeePage; id: string } | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const match = PATH.exec(req.path);
  if (!match) return null;
  const [, slug, withId, id, alone] = match;
  const kind = withId ?? alone;
  return {
    slug: decodeURIComponent(slug!),
    page: kind ? PAGES[kind as keyof typeof PAGES] : "schedule",
    id: id ? decodeURIComponent(id) : "",
  };
}

function inlineScriptHashes(html: string) {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${crypto.createHash("sha256").update(match[1]!).digest("base64")}'`);
  }
  return [...hashes];
}

function accepts(req: Request, encoding: string) {
  return new RegExp(`\\b${encoding}\\b`).test(req.headers["accept-encoding"] ?? "");
}

export function usePublicPageCache(
  app: Express,
  { getBuild, getLoadContext }: { getBuild: GetBuild; getLoadContext: (req: Request, res: Response) => AppLoadContext },
) {
  // Bounded: filters in the query string make new keys, and memory must not grow with them.
  const pages = new LRUCache<string, Page>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (p) => p.raw.length + p.gzip.length + p.br.length,
  });
  const rendering = new Map<string, Promise<Page | null>>();
  const handlers = new WeakMap<ServerBuild, ReturnType<typeof createRequestHandler>>();

  async function render(
    req: Request,
    res: Response,
    build: ServerBuild,
    stamp: string,
    shared: SharedRender,
  ): Promise<Page | null> {
    const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string" && name !== "cookie") headers.set(name, value);
    // No nonce: this render is shared, its scripts are allowed by hash instead.
    let handle = handlers.get(build);
    if (!handle) handlers.set(build, (handle = createRequestHandler(build, process.env.NODE_ENV)));
    const response = await handle(new Request(url, { headers }), {
      ...getLoadContext(req, res),
      ...shared.context,
      cspNonce: undefined,
    });
    if (
      response.status !== 200 ||
      response.headers.has("Set-Cookie") ||
      !response.headers.get("Content-Type")?.startsWith("text/html")
    )
      return null;
    const raw = Buffer.from(await response.arrayBuffer());
    const [gz, br] = await Promise.all([
      gzip(raw, { level: 9 }),
      brotli(raw, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }),
    ]);
    return {
      build,
      stamp,
      headers: [...response.headers].filter(
        ([name]) =>
          !["content-length", "content-encoding", "transfer-encoding", "content-security-policy"].includes(name),
      ),
      hashes: inlineScriptHashes(raw.toString("utf8")),
      etag: `W/"${crypto.createHash("sha1").update(raw).digest("base64url")}"`,
      raw,
      gzip: gz,
      br,
    };
  }

  async function serve(
    req: Request,
    res: Response,
    next: (error?: unknown) => void,
    build: ServerBuild,
    { slug, page: kind, id }: NonNullable<ReturnType<typeof cacheable>>,
  ) {
    const stamp = entryExports(build).attendeePageStamp(slug, kind, id);
    if (!stamp) return next();
    const shared = await sharedRenderFor(req, slug, kind, build);
    if (!shared) return next();
    const key = `${shared.key} ${req.originalUrl}`;
    const stored = pages.get(key);
    let ready: Promise<Page | null>;
    if (stored?.stamp === stamp && stored.build === build) {
      ready = Promise.resolve(stored);
    } else {
      // One render per page and stamp, however many phones ask at the same moment.
      let pending = rendering.get(key);
      if (!pending) {
        pending = render(req, res, build, stamp, shared)
          .then((page) => {
            if (page) pages.set(key, page);
            return page;
          })
          .finally(() => rendering.delete(key));
        rendering.set(key, pending);
      }
      ready = pending;
    }
    const page = await ready;
    if (!page) return next();
    const policy = String(res.getHeader("Content-Security-Policy") ?? "");
    for (const [name, value] of page.headers) res.setHeader(name, value);
    if (policy) res.setHeader("Content-Security-Policy", policy.replace(/'nonce-[^']*'/, page.hashes.join(" ")));
    res.setHeader("ETag", page.etag);
    res.setHeader("Vary", "Accept-Encoding, Cookie");
    res.setHeader("Cache-Control", "no-cache");
    if (req.headers["if-none-match"] === page.etag) return res.status(304).end();
    const [body, encoding] = accepts(req, "br")
      ? [page.br, "br"]
      : accepts(req, "gzip")
        ? [page.gzip, "gzip"]
        : [page.raw, null];
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.status(200).end(req.method === "HEAD" ? undefined : body);
  }

  app.use((req, res, next) => {
    const page = cacheable(req);
    if (!page) return next();
    Promise.resolve(getBuild())
      .then((build) => serve(req, res, next, build, page))
      .catch(next);
  });
}
