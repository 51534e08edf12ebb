// New databases for the servers specs start themselves (spawn-server.ts), copied from
// two templates made once per run instead of migrated (and seeded) per server: a
// traced run spent about 5 minutes of test time starting such servers, most of it in
// `prisma migrate deploy` and the demo seed. The suite's two servers still migrate
// (the demo one) and seed on a brand-new file exactly as `npm start` does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const TEMPLATES = `tests/.tmp/e2e-${BASE_PORT}/templates`;
// The secret every spawned server runs with (spawn-server.ts re-exports it): the demo
// seed stores codes signed with it (certificate codes), so the template must use it too.
export const TEST_SESSION_SECRET = "e2e-spawned-server-secret-that-is-long-enough";

export type Template = "empty" | "demo";
const templateFile = (template: Template) => path.resolve(TEMPLATES, `${template}.db`);

function node(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...env },
  });
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** A consistent single-file copy (no -wal beside it), whatever state `from` is in. */
function copyDatabase(from: string, to: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(to + suffix, { force: true });
  const sqlite = new Database(from, { readonly: true, fileMustExist: true });
  try {
    sqlite.prepare("VACUUM INTO ?").run(to);
  } finally {
    sqlite.close();
  }
}

/**
 * Run by the suite's empty-install server before it starts (serve.ts), while the demo
 * server migrates and seeds on the other core: the migrated empty template (which that
 * server's own new file is also copied from), then the demo template seeded by
 * `npm start`'s own preparing step.
 */
export function makeTemplates() {
  fs.rmSync(TEMPLATES, { recursive: true, force: true });
  fs.mkdirSync(TEMPLATES, { recursive: true });
  const empty = templateFile("empty");
  node(["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    DATABASE_URL: `file:./${path.relative(process.cwd(), empty)}`,
  });
  const seeding = path.resolve(TEMPLATES, "seeding.db");
  copyDatabase(empty, seeding);
  node(["node_modules/tsx/dist/cli.mjs", "app/cli/prepare.ts"], {
    DATABASE_URL: `file:./${path.relative(process.cwd(), seeding)}`,
    SEED_DEMO: "true",
    SESSION_SECRET: TEST_SESSION_SECRET,
    NODE_ENV: "production",
  });
  copyDatabase(seeding, templateFile("demo"));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(seeding + suffix, { force: true });
}

/**
 * Replace `file` (under tests/.tmp) with a copy of a template: every migration applied,
 * and for "demo" the demo PD day seeded as a new `npm start` seeds it.
 */
export function newDatabase(file: string, template: Template = "empty") {
  if (!path.resolve(file).startsWith(path.resolve("tests/.tmp")))
    throw new Error(`Refusing to replace ${file}: not a test database`);
  const source = templateFile(template);
  if (!fs.existsSync(source))
    throw new Error(`No ${source}: the suite's empty-install server makes it at start (tests/e2e/serve.ts)`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  copyDatabase(source, path.resolve(file));
}
