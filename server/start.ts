// `npm start`: prepare the database (app/cli/prepare.ts: migrations, demo seed),
// build if the build is missing or older than the sources, then serve the build.
// `npm run dev` (`--dev`): the same server with Vite in middleware mode, so
// development runs the same guards, headers, hot paths and stored public page.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import express from "express";
import { mountDropin } from "./app";
import { entryExports, loadProductionBuild, type GetBuild } from "./build";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [command, ...args], { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✖ ${path.basename(command)} ${args.join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const dev = process.argv.includes("--dev");
const buildDir = process.env.DROPIN_BUILD_DIR || "build";

function buildIsStale() {
  const built = path.resolve(buildDir, "server/index.js");
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(newestMtime(path.resolve("app")), newestMtime(path.resolve("public")));
  return sources > fs.statSync(built).mtimeMs;
}

function ensureBuild() {
  // The e2e suite builds once up front; its servers must never rebuild (two at once
  // would write the same build directory).
  if (process.env.DROPIN_SKIP_BUILD === "1") {
    if (!fs.existsSync(path.resolve(buildDir, "server/index.js"))) {
      console.error(`✖ No build in ${buildDir}/. Run \`npm run build\` first.`);
      process.exit(1);
    }
  } else if (buildIsStale()) {
    console.log("Building Dropin…");
    run(path.resolve("node_modules/@remix-run/dev/dist/cli.js"), ["vite:build"], {
      ...process.env,
      NODE_ENV: "production",
    });
  }
}

async function main() {
  if (dev) process.env.NODE_ENV = "development";
  else process.env.NODE_ENV ??= "production";
  // Files the server writes (uploads, the session secret) are its own account's only.
  process.umask(0o077);
  run(path.resolve("node_modules/tsx/dist/cli.mjs"), ["app/cli/prepare.ts"]);

  const app = express();
  const server = http.createServer(app);
  let getBuild: GetBuild;
  let vite;
  if (dev) {
    // Vite's hot-reload socket shares the server's port (connect-src 'self' covers it).
    vite = await (await import("vite")).createServer({ server: { middlewareMode: true, hmr: { server } } });
    const viteServer = vite;
    getBuild = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuildModule>;
  } else {
    ensureBuild();
    const build = await loadProductionBuild(buildDir);
    getBuild = () => build;
  }
  await mountDropin(app, { getBuild, buildDir, vite });
  const { PORT } = entryExports(await getBuild()).getEnv();
  await new Promise<void>((resolve) => server.listen(PORT, resolve));
  console.log(`\nDropin is running at http://localhost:${PORT}${dev ? " (development)" : ""}\n`);
}

type ServerBuildModule = Awaited<ReturnType<typeof loadProductionBuild>>;

void main();
