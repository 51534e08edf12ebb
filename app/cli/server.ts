// The production HTTP server: Express serving the Remix build.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getEnv } from "~/utils/env.server";
import { mountHotPaths } from "./hot-paths";
import { usePublicPageCache } from "./public-page-cache";
import { getLoadContext, useSecurityHeaders } from "./security-headers";

export async function startServer({ port, buildDir = "build" }: { port: number; buildDir?: string }) {
  const serverBuild = pathToFileURL(path.resolve(buildDir, "server/index.js")).href;
  const build = (await import(serverBuild)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  mountHotPaths(app);
  useSecurityHeaders(app, { trustProxy: getEnv().TRUST_PROXY });
  usePublicPageCache(app, { build, getLoadContext });
  app.use(compression());
  // Fingerprinted assets never change: let phones cache them for a year.
  app.use("/assets", express.static(path.resolve(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve(buildDir, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext }));
  return new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const server = app.listen(port, () => resolve(server));
  });
}
