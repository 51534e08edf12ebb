// `npm run db:new-migration -- <name>`: write a migration for the changes in
// prisma/schema.prisma. Offline, `prisma migrate dev` cannot replay migrations
// into a shadow database through the driver adapter, so instead: apply the
// committed migrations to a scratch database, introspect it, and diff that
// datamodel against the schema file (pure datamodel-to-datamodel, no shadow db).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2]?.replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>   e.g. add_room_notes");
  process.exit(1);
}

const prisma = path.resolve("node_modules/prisma/build/index.js");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dropin-migration-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, "current.db")}` };

function prismaCli(args: string[]) {
  const result = spawnSync(process.execPath, [prisma, ...args], { env, encoding: "utf8" });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

try {
  prismaCli(["migrate", "deploy"]);
  const applied = path.join(scratch, "applied.prisma");
  fs.writeFileSync(applied, fs.readFileSync("prisma/schema.prisma"));
  // db pull --print writes the introspected schema (with our generator/datasource blocks).
  fs.writeFileSync(
    applied,
    prismaCli(["db", "pull", "--schema", applied, "--print"]).replace(/^[\s\S]*?(?=^generator |^datasource )/m, ""),
  );
  const sql = prismaCli([
    "migrate",
    "diff",
    "--from-schema-datamodel",
    applied,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ]).replace(/^[\s\S]*?(?=^--)/m, "");
  if (!sql.trim() || sql.includes("This is an empty migration")) {
    console.log("The schema matches the migrations: nothing to write.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma/migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${dir}/migration.sql`);
  prismaCli(["generate"]);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
