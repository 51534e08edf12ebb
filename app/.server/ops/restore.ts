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
// 5. The uploaded files the backup carries (its UPLOADS_TABLE, taken out of the
//    scratch copy before step 4) replace the uploads folder; the folder as it was
//    goes beside the safety copy. A backup made before backups carried files
//    leaves the uploads folder alone.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { uploadsDirBeside } from "~/utils/env.server";
import {
  BackupFileError,
  backupFileName,
  copyDatabase,
  inspectDatabase,
  makePrivateDir,
  PRIVATE_DIR,
  PRIVATE_FILE,
  UPLOADS_TABLE,
  type DatabaseReport,
} from "./backup";

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
  /** Uploaded files put back; null when the backup carried none (made before backups did), so the folder was left alone. */
  uploadsRestored: number | null;
  /** The uploads folder as it was before the restore; null when there was none or it was left alone. */
  uploadsSafetyCopy: string | null;
};

/** The backup's files, written into a new owner-only folder; the table then leaves the scratch copy. */
function unpackUploads(scratch: string, into: string) {
  fs.rmSync(into, { recursive: true, force: true });
  makePrivateDir(into);
  const db = new Database(scratch, { fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT name, bytes FROM "${UPLOADS_TABLE}"`).all() as { name: string; bytes: Buffer }[];
    // Only plain names: a doctored backup cannot write outside the folder.
    for (const { name, bytes } of rows) {
      if (path.basename(name) !== name || name.startsWith("."))
        throw new BackupFileError(`The backup names an uploaded file "${name}" that is not a plain file name.`);
      fs.writeFileSync(path.join(into, name), bytes, { mode: PRIVATE_FILE });
    }
    db.exec(`DROP TABLE "${UPLOADS_TABLE}"`);
    db.exec("VACUUM");
    return rows.length;
  } finally {
    db.close();
  }
}

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
  uploadsDir = uploadsDirBeside(databaseFile),
  migrationsDir,
  now = new Date(),
}: {
  backupFile: string;
  databaseFile: string;
  safetyDir: string;
  uploadsDir?: string;
  migrationsDir?: string;
  now?: Date;
}): Promise<RestoreResult> {
  if (path.resolve(backupFile) === path.resolve(databaseFile)) {
    throw new BackupFileError(`${backupFile} is the live database itself; name a backup file.`);
  }
  makePrivateDir(path.dirname(databaseFile));
  const scratch = `${databaseFile}.restoring`;
  const stagedUploads = `${uploadsDir}.restoring`;
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
    const uploadsRestored = backup.uploads === null ? null : unpackUploads(scratch, stagedUploads);

    let safetyCopy: string | null = null;
    const name = backupFileName(now).replace(/^dropin-/, "pre-restore-");
    if (fs.existsSync(databaseFile)) {
      makePrivateDir(safetyDir);
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
    fs.chmodSync(databaseFile, PRIVATE_FILE);
    const live = new Database(databaseFile, { fileMustExist: true });
    let restored: DatabaseReport;
    try {
      restored = inspectDatabase(live, databaseFile);
      // How Dropin runs it (app/utils/db.server.ts sets this at boot too).
      live.pragma("journal_mode = WAL");
    } finally {
      live.close();
    }

    let uploadsSafetyCopy: string | null = null;
    if (uploadsRestored !== null) {
      if (fs.existsSync(uploadsDir)) {
        makePrivateDir(safetyDir);
        uploadsSafetyCopy = path.join(safetyDir, name.replace(/\.db$/, "-uploads"));
        fs.renameSync(uploadsDir, uploadsSafetyCopy);
        fs.chmodSync(uploadsSafetyCopy, PRIVATE_DIR);
      }
      fs.renameSync(stagedUploads, uploadsDir);
    }
    return { restored, safetyCopy, pendingMigrations, uploadsRestored, uploadsSafetyCopy };
  } finally {
    fs.rmSync(scratch, { force: true });
    fs.rmSync(stagedUploads, { recursive: true, force: true });
  }
}
