// The server reaches the app only through a Remix server build: the production
// bundle (build/server/index.js) or, under `npm run dev`, Vite's live one.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

/** What `app/entry.server.tsx` exports, as the server reads it from a build (a type only: no app code is loaded from here). */
export type EntryExports = typeof import("../app/entry.server");

/** The current build: one fixed object in production, reloaded by Vite in development. */
export type GetBuild = () => ServerBuild | Promise<ServerBuild>;

export function entryExports(build: ServerBuild) {
  return build.entry.module as unknown as EntryExports;
}

export async function loadProductionBuild(buildDir: string) {
  return (await import(pathToFileURL(path.resolve(buildDir, "server/index.js")).href)) as ServerBuild;
}
