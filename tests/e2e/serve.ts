// Starts Dropin for the e2e suite on a brand-new database file, exactly as
// `npm start` does (migrate, optional demo seed, serve the production build).
// The empty-install server (E2E_MAKE_TEMPLATES) first makes the database templates
// the specs' own servers start from (database-templates.ts) and starts from the
// migrated one; the demo server migrates and seeds its new file itself.
import fs from "node:fs";
import path from "node:path";
import { makeTemplates, newDatabase } from "./database-templates";

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("file:./tests/.tmp/")) throw new Error(`Refusing to reset ${url}: not a test database`);
const file = path.resolve(url.slice("file:".length));
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
if (process.env.E2E_MAKE_TEMPLATES === "1") {
  makeTemplates();
  newDatabase(file);
}

await import("../../server/start");
