// `npm run backup`: a consistent copy of the live SQLite file, taken with SQLite's
// online backup API while Dropin keeps serving. In WAL mode a reader never blocks
// the server's writers, and the backup is copied in one step (one read
// transaction), so it is a snapshot of one instant and is never restarted by a
// write that lands mid-copy.
//
// Uploaded files (donation photos and session resource files, in the uploads
// folder beside the database: uploads/stored-files.ts) go
// into the same backup file, as rows of one extra table (UPLOADS_TABLE): a backup
// stays one self-contained file, and a restore brings the photos back with the
// rows that name them. Backups, like the database, are readable by their owner
// only (files 0600, folders Dropin creates 0700).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { uploadsDirBeside } from "~/utils/env.server";

type TableCount = { table: string; rows: number };
export type DatabaseReport = {
  file: string;
  bytes: number;
  tables: TableCount[];
  migrations: string[];
  /** Uploaded files carried in a backup; null for the live database or a backup made before they were. */
  uploads: number | null;
};

/** The backup's table of uploaded files: a file name and its bytes per row. Never in the live database. */
export const UPLOADS_TABLE = "_dropin_uploads";

/** Owner-only modes for everything holding Dropin's data. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** A folder for Dropin's data; one made here is its owner's only (an existing one is left as it is). */
export function makePrivateDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Where backups go unless told otherwise, and where restore keeps what it replaces. */
export function backupsDirBeside(databaseFile: string) {
  return path.join(path.dirname(databaseFile), "backups");
}

function chmodIfThere(file: string, mode: number) {
  try {
    fs.chmodSync(file, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPERM")
      console.warn(`Could not make ${file} readable by its owner only (it belongs to another account).`);
    else if (code !== "ENOENT") throw error;
  }
}

/**
 * Owner-only modes on what an install made before Dropin set them holds: the
 * database and its side files, the session secret, the uploads and the backups
 * (folders 0700, files 0600). `npm start` runs this; new files are created that way.
 */
export function keepDataPrivate(databaseFile: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) chmodIfThere(databaseFile + suffix, PRIVATE_FILE);
  chmodIfThere(path.join(path.dirname(databaseFile), "session-secret"), PRIVATE_FILE);
  for (const dir of [uploadsDirBeside(databaseFile), backupsDirBeside(databaseFile)]) {
    if (!fs.existsSync(dir)) continue;
    chmodIfThere(dir, PRIVATE_DIR);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      chmodIfThere(path.join(dir, entry.name), entry.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE);
    }
  }
}

/** A file that is not a usable Dropin database; the message says why, for a person to read. */
export class BackupFileError extends Error {
  name = "BackupFileError";
}

/** "dropin-20270213-074512.db", in UTC so names sort by time across DST changes. */
export function backupFileName(now = new Date()) {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `dropin-${stamp}.db`;
}

function describeOpenError(file: string, error: unknown): never {
  const code = (error as { code?: string }).code;
  if (error instanceof BackupFileError) throw error;
  if (code === "SQLITE_NOTADB" || code?.startsWith("SQLITE_CORRUPT")) {
    throw new BackupFileError(
      `${file} is not a SQLite database (or is damaged beyond reading): ${(error as Error).message}.`,
    );
  }
  throw error;
}

/**
 * Check a database file the way a restore needs it: SQLite, passes
 * `PRAGMA integrity_check`, and made by Dropin (has Prisma's migration table).
 * `db` must be a connection to that file.
 */
export function inspectDatabase(db: Database.Database, file: string): DatabaseReport {
  try {
    return readReport(db, file);
  } catch (error) {
    describeOpenError(file, error);
  }
}

function readReport(db: Database.Database, file: string): DatabaseReport {
  const problems = (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
  if (problems.length !== 1 || problems[0] !== "ok") {
    throw new BackupFileError(`${file} failed SQLite's integrity check:\n  ${problems.slice(0, 10).join("\n  ")}`);
  }
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).map((table) => ({ table, rows: db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number }));
  const uploads = tables.find((t) => t.table === UPLOADS_TABLE)?.rows ?? null;
  if (!tables.some((t) => t.table === "_prisma_migrations") || !tables.some((t) => t.table === "Event")) {
    throw new BackupFileError(
      `${file} is a SQLite database, but not a Dropin one (it has no _prisma_migrations or Event table).`,
    );
  }
  const migrations = db
    .prepare(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    )
    .pluck()
    .all() as string[];
  const own = tables.filter((t) => t.table !== "_prisma_migrations" && t.table !== UPLOADS_TABLE);
  return { file, bytes: fs.statSync(file).size, tables: own, migrations, uploads };
}

/** Open an existing file; a missing file or a non-database says so plainly. */
export function openExisting(file: string, options: { readonly?: boolean } = {}) {
  if (!fs.existsSync(file)) throw new BackupFileError(`There is no file at ${file}.`);
  try {
    return new Database(file, { fileMustExist: true, timeout: 5000, readonly: options.readonly ?? false });
  } catch (error) {
    describeOpenError(file, error);
  }
}

/**
 * Copy `source` (a live database, possibly in use) into `target` with the online
 * backup API. The copy is written beside the target under a temporary name and
 * renamed only once it passed the integrity check, so a half-written file never
 * looks like a backup. The copy is switched to rollback-journal mode: a backup is
 * one self-contained file, with no -wal beside it to lose.
 */
export async function copyDatabase(
  source: string,
  target: string,
  options: {
    readonly?: boolean;
    /** Adds to the copy before it is checked (the uploaded files). */ extend?: (copy: Database.Database) => void;
  } = {},
): Promise<DatabaseReport> {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const from = openExisting(source, options);
  try {
    // Created empty and owner-only first, so the data never sits in a file others can read.
    fs.writeFileSync(partial, "", { mode: PRIVATE_FILE });
    fs.chmodSync(partial, PRIVATE_FILE);
    // 0x7fffffff pages per step: everything in one step, i.e. one read snapshot.
    await from.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    describeOpenError(source, error);
  } finally {
    from.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  let report: DatabaseReport;
  try {
    copy.pragma("journal_mode = DELETE");
    options.extend?.(copy);
    report = inspectDatabase(copy, source);
  } catch (error) {
    copy.close();
    fs.rmSync(partial, { force: true });
    describeOpenError(source, error);
  }
  copy.close();
  fs.renameSync(partial, target);
  return { ...report, file: target, bytes: fs.statSync(target).size };
}

/**
 * Every file in the uploads folder, as rows of UPLOADS_TABLE in the backup copy.
 * Read after the database snapshot: a photo is written before the row that names
 * it, so every photo the snapshot names is already there.
 */
function packUploads(copy: Database.Database, uploadsDir: string) {
  copy.exec(`CREATE TABLE "${UPLOADS_TABLE}" (name TEXT PRIMARY KEY NOT NULL, bytes BLOB NOT NULL)`);
  if (!fs.existsSync(uploadsDir)) return;
  const insert = copy.prepare(`INSERT INTO "${UPLOADS_TABLE}" (name, bytes) VALUES (?, ?)`);
  copy.transaction(() => {
    for (const entry of fs.readdirSync(uploadsDir, { withFileTypes: true })) {
      if (entry.isFile()) insert.run(entry.name, fs.readFileSync(path.join(uploadsDir, entry.name)));
    }
  })();
}

/** `npm run backup`: the live database and the uploaded files into `dir`, in one file under a timestamped name. */
export async function backupDatabase({
  databaseFile,
  dir,
  uploadsDir = uploadsDirBeside(databaseFile),
  now = new Date(),
}: {
  databaseFile: string;
  dir: string;
  uploadsDir?: string;
  now?: Date;
}) {
  if (!fs.existsSync(databaseFile)) throw new BackupFileError(`There is no database at ${databaseFile} to back up.`);
  makePrivateDir(dir);
  let target = path.join(dir, backupFileName(now));
  // Two backups in the same second keep both.
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, backupFileName(now).replace(/\.db$/, `-${n}.db`));
  return copyDatabase(databaseFile, target, { extend: (copy) => packUploads(copy, uploadsDir) });
}

/** "1.2 MB", for what the CLIs print. */
export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The lines the CLIs print under a file: its size and the rows in each table. */
export function describeReport(report: DatabaseReport) {
  const width = Math.max(...report.tables.map((t) => t.table.length));
  return [
    `  ${report.file} (${formatBytes(report.bytes)}, integrity ok, ${report.migrations.length} migrations` +
      `${report.uploads === null ? "" : `, ${report.uploads} uploaded ${report.uploads === 1 ? "file" : "files"}`})`,
    ...report.tables.map((t) => `    ${t.table.padEnd(width)}  ${t.rows}`),
  ].join("\n");
}
