// `npm start`: apply pending migrations, seed the demo PD day on an empty
// database, build if the build is missing or older than the sources, then serve.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { keepDataPrivate } from "~/.server/ops/backup";
import { databaseFilePath, parseEnvOrExit } from "~/utils/env.server";
import { needsMigrating } from "~/utils/migrations.server";
import { startServer } from "./server";

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
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

const buildDir = process.env.DROPIN_BUILD_DIR || "build";

function buildIsStale() {
  const built = path.resolve(buildDir, "server/index.js");
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(newestMtime(path.resolve("app")), newestMtime(path.resolve("public")));
  return sources > fs.statSync(built).mtimeMs;
}

async function main() {
  process.env.NODE_ENV ??= "production";
  const env = parseEnvOrExit();
  const childEnv = { ...process.env, DATABASE_URL: env.DATABASE_URL };

  // Everything Dropin writes from here on (the database, its side files, uploads,
  // backups) is its own account's only; files from before are made so too.
  process.umask(0o077);
  if (needsMigrating(databaseFilePath(env.DATABASE_URL))) {
    run(path.resolve("node_modules/prisma/build/index.js"), ["migrate", "deploy"], childEnv);
  }
  keepDataPrivate(databaseFilePath(env.DATABASE_URL));

  // Imported here, not at the top, so the database client opens only after migrating.
  const { db } = await import("~/utils/db.server");
  if (env.SEED_DEMO) {
    const { seedDemoIfEmpty } = await import("../.server/demo/demo-day");
    await seedDemoIfEmpty();
  }
  // Certificates printed before verification codes were stored must still verify.
  const { rememberAllCertificateCodes } = await import("../.server/credit/certificate-codes");
  await rememberAllCertificateCodes();
  await db.$disconnect();

  // The e2e suite builds once up front; its servers must never rebuild (two at once
  // would write the same build directory).
  if (process.env.DROPIN_SKIP_BUILD === "1") {
    if (!fs.existsSync(path.resolve(buildDir, "server/index.js"))) {
      console.error(`✖ No build in ${buildDir}/. Run \`npm run build\` first.`);
      process.exit(1);
    }
  } else if (buildIsStale()) {
    console.log("Building Dropin…");
    run(path.resolve("node_modules/@remix-run/dev/dist/cli.js"), ["vite:build"], { ...childEnv, NODE_ENV: "production" });
  }

  await startServer({ port: env.PORT, buildDir });
  console.log(`\nDropin is running at http://localhost:${env.PORT}\n`);
}

void main();
