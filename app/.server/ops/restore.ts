// `npm run restore FILE`: put a backup back as the live database. Dropin must be
// stopped first; the restore refuses while any process has the database open.
//
// How the file is replaced, and why this way:
// 1. The backup is checked on a scratch copy beside the live file (SQLite,
//    integrity_check "ok", a Dropin database, no migration this code lacks).
// 2. The live database is switched out of WAL mode. SQLite allows that only to a
//    connection that is alone on the file, so it doubles as the "is Dropin still
//    running?" test (SQLITE_BUSY otherwise), and it folds the -wal file into the
//    main file and deletes it. A stale -wal left beside a replaced file would be
//    replayed onto it at the next open and corrupt it — the usual copy-a-file
//    restore bug.
// 3. A safety copy of the current database goes to the safety directory.
// 4. The scratch copy is written into the live path with SQLite's backup API,
//    i.e. through SQLite's own locking and rollback journal: if the machine dies
//    mid-restore, the next open rolls the half-written pages back to the old data.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BackupFileError, backupFileName, copyDatabase, inspectDatabase, type DatabaseReport } from "./backup";

/** Another process (a running Dropin) has the live database open. */
export class DatabaseInUseError extends Error {
  name = "DatabaseInUseError";
}

/** Migrations this code ships with: folder names under prisma/migrations. */
export function shippedMigrations(migrationsDir = path.resolve("prisma/migrations")) {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export type RestoreResult = {
  restored: DatabaseReport;
  /** The database as it was before the restore; null when there was none. */
  safetyCopy: string | null;
  /** Migrations the backup predates; `npm start` applies them. */
  pendingMigrations: string[];
};

/** Step 2: alone on the file, and out of WAL mode. Returns false when the live file is unreadable. */
function takeOverLiveFile(databaseFile: string) {
  let live: Database.Database | undefined;
  try {
    live = new Database(databaseFile, { fileMustExist: true, timeout: 1000 });
    live.pragma("journal_mode = DELETE");
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new DatabaseInUseError(
        `Another process has ${databaseFile} open — Dropin is probably still running. Stop it, then run the restore again.`,
      );
    }
    if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) return false;
    throw error;
  } finally {
    live?.close();
  }
}

export async function restoreDatabase({
  backupFile,
  databaseFile,
  safetyDir,
  migrationsDir,
  now = new Date(),
}: {
  backupFile: string;
  databaseFile: string;
  safetyDir: string;
  migrationsDir?: string;
  now?: Date;
}): Promise<RestoreResult> {
  if (path.resolve(backupFile) === path.resolve(databaseFile)) {
    throw new BackupFileError(`${backupFile} is the live database itself; name a backup file.`);
  }
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const scratch = `${databaseFile}.restoring`;
  try {
    // Read-only: checking a backup never changes it.
    const backup = await copyDatabase(backupFile, scratch, { readonly: true });
    const known = new Set(shippedMigrations(migrationsDir));
    const unknown = backup.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new BackupFileError(
        `${backupFile} comes from a newer version of Dropin: its database has migrations this version does not know ` +
          `(${unknown.join(", ")}). Update Dropin to the version that made the backup, then restore it.`,
      );
    }
    const pendingMigrations = [...known].filter((name) => !backup.migrations.includes(name));

    let safetyCopy: string | null = null;
    if (fs.existsSync(databaseFile)) {
      fs.mkdirSync(safetyDir, { recursive: true });
      const name = backupFileName(now).replace(/^dropin-/, "pre-restore-");
      if (takeOverLiveFile(databaseFile)) {
        safetyCopy = (await copyDatabase(databaseFile, path.join(safetyDir, name))).file;
      } else {
        // The live file is damaged (often why one restores): keep it as it is and move it out of the way.
        safetyCopy = path.join(safetyDir, name.replace(/\.db$/, "-damaged.db"));
        for (const suffix of ["", "-wal", "-shm", "-journal"]) {
          if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, safetyCopy + suffix);
        }
      }
    }

    const source = new Database(scratch, { fileMustExist: true });
    try {
      await source.backup(databaseFile, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const live = new Database(databaseFile, { fileMustExist: true });
    try {
      const restored = inspectDatabase(live, databaseFile);
      // How Dropin runs it (app/utils/db.server.ts sets this at boot too).
      live.pragma("journal_mode = WAL");
      return { restored, safetyCopy, pendingMigrations };
    } finally {
      live.close();
    }
  } finally {
    fs.rmSync(scratch, { force: true });
  }
}
