// Which migrations this build ships and which a database still lacks. Kept apart
// from the Prisma client so `npm start` can ask before any client opens the file.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** Migrations shipped with this build (folder names under prisma/migrations). */
export function shippedMigrations() {
  try {
    return fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * True unless the database file exists and has every shipped migration. Prisma's
 * migrate takes SQLite's exclusive locking mode, which waits for and then fails
 * against a Dropin already serving the file; asking first lets a second server
 * process start beside a running one when there is nothing to migrate.
 */
export function needsMigrating(file: string) {
  if (!fs.existsSync(file)) return true;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    const rows = sqlite
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as Array<{ migration_name: string }>;
    const applied = new Set(rows.map((row) => row.migration_name));
    return shippedMigrations().some((name) => !applied.has(name));
  } catch {
    return true;
  } finally {
    sqlite?.close();
  }
}
