// The production HTTP server: Express serving the Remix build.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { startCircleReminders } from "~/.server/circles/nudges";
import { getEnv } from "~/utils/env.server";
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

export async function startServer({ port, buildDir = "build" }: { port: number; buildDir?: string }) {
  const serverBuild = pathToFileURL(path.resolve(buildDir, "server/index.js")).href;
  const build = (await import(serverBuild)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use(drainUnreadBodies);
  // Before the hot path: the door's check-in API is a write like any other.
  useRequestGuards(app, { appUrl: getEnv().APP_URL });
  mountHotPaths(app);
  useSecurityHeaders(app, { trustProxy: getEnv().TRUST_PROXY });
  usePublicPageCache(app, { build, getLoadContext });
  app.use(compression());
  // Fingerprinted assets never change: let phones cache them for a year.
  app.use("/assets", express.static(path.resolve(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext }));
  // Circle reminders fall due weeks after the day: the server sends them when due.
  startCircleReminders();
  return new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const server = app.listen(port, () => resolve(server));
  });
}
