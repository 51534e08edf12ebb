// The HTTP server, the same for `npm start` (the production build) and `npm run dev`
// (Vite in middleware mode): request guards, the kiosk's hot path, security
// headers, the stored public page, compression, static files, then Remix.
//
// Nothing here imports app/ (eslint enforces it; types only): what the middleware
// needs from the app comes out of the server build (`entry.server.tsx` re-exports
// it), so a production process loads each app module once, inside the bundle.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express, { type Express } from "express";
import type { ViteDevServer } from "vite";
import { entryExports, type GetBuild } from "./build";
import { mountHotPaths } from "./hot-paths";
import { usePublicPageCache } from "./public-page-cache";
import { useRequestGuards } from "./request-guards";
import { getLoadContext, useSecurityHeaders } from "./security-headers";

/**
 * An action that answers without reading the body (sign out, a refused request)
 * leaves the rest of the upload on the wire, and Remix's request stream has
 * paused the socket: the next request on that keep-alive connection would never
 * be read and the client would see a reset seconds later. Discard the rest, as
 * Node itself does for a request nobody listened to.
 */
function drainUnreadBodies(req: express.Request, res: express.Response, next: express.NextFunction) {
  res.once("finish", () => {
    if (req.complete || req.destroyed) return;
    req.removeAllListeners("data");
    req.resume();
  });
  next();
}

/**
 * Mounts Dropin on `app`. Production passes the build directory (static files
 * from build/client); development passes Vite, which serves the sources.
 */
export async function mountDropin(
  app: Express,
  { getBuild, buildDir, vite }: { getBuild: GetBuild; buildDir?: string; vite?: ViteDevServer },
) {
  const { getEnv, bodyLimitFor, startCircleReminders } = entryExports(await getBuild());
  const env = getEnv();
  app.disable("x-powered-by");
  app.use(drainUnreadBodies);
  // Before the hot path: the door's check-in API is a write like any other.
  useRequestGuards(app, { appUrl: env.APP_URL, bodyLimitFor });
  mountHotPaths(app, { getBuild });
  useSecurityHeaders(app, { trustProxy: env.TRUST_PROXY });
  usePublicPageCache(app, { getBuild, getLoadContext });
  app.use(compression());
  if (vite) {
    app.use(vite.middlewares);
  } else {
    const dir = buildDir ?? "build";
    // Fingerprinted assets never change: let phones cache them for a year.
    app.use("/assets", express.static(path.resolve(dir, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.resolve(dir, "client"), { maxAge: "1h" }));
  }
  // Development: a function, so every request gets Vite's current build. Production:
  // the build object itself, since Remix derives its route table once for an object
  // but again on every request for a function.
  const build = vite ? async () => await getBuild() : await getBuild();
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext }));
  // Circle reminders fall due weeks after the day: the server sends them when due.
  startCircleReminders();
}
