// Starts Dropin for the e2e suite on a brand-new database file, exactly as
// `npm start` does (migrate, optional demo seed, serve the production build).
import fs from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("file:./tests/.tmp/")) throw new Error(`Refusing to reset ${url}: not a test database`);
const file = path.resolve(url.slice("file:".length));
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });

await import("../../server/start");
