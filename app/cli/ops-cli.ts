// What the operations commands (`npm run backup`, `npm run restore`) share: how
// they fail, and which database file they work on.
import path from "node:path";
import { databaseFilePath } from "~/utils/env.server";
import { resolveDatabaseUrl } from "../../prisma/database-url.js";

export function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/**
 * The live SQLite file named by DATABASE_URL (or the default). Read without
 * parseEnv, which would also create a session secret beside a database that
 * these commands only copy.
 */
export function liveDatabaseFile() {
  const url = resolveDatabaseUrl(process.env);
  if (!url.startsWith("file:")) fail("DATABASE_URL must be a SQLite URL such as file:./data/dropin.db");
  return databaseFilePath(url);
}

/** Where backups go unless told otherwise, and where restore keeps the database it replaces. */
export function backupsDirBeside(databaseFile: string) {
  return path.join(path.dirname(databaseFile), "backups");
}
