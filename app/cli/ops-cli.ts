// What the operations commands (`npm run backup`, `npm run restore`) share: how
// they fail, and which database file they work on.
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

/** Files the operations commands create are their owner's only (database, backups, uploads). */
export function ownerOnlyFiles() {
  process.umask(0o077);
}
