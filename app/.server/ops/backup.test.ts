// Backup and restore against real SQLite files: each test gets its own migrated
// copy of the base database (never the worker's, which Prisma holds open).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toDbTime } from "~/utils/db-time";
import { BackupFileError, backupDatabase, backupFileName, keepDataPrivate, UPLOADS_TABLE } from "./backup";
import { DatabaseInUseError, restoreDatabase } from "./restore";

const TMP = path.resolve(`tests/.tmp/${process.env.DROPIN_TEST_RUN ?? "vitest"}`);
let dir: string;
let liveFile: string;
let backupsDir: string;
let safetyDir: string;
let uploadsDir: string;
const open: Database.Database[] = [];

function connect(file: string) {
  const db = new Database(file, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  open.push(db);
  return db;
}

const now = () => toDbTime(new Date());

/** A PD day with `attendees` people checked in at the door, written the way Prisma stores rows. */
function seed(db: Database.Database, attendees: number) {
  const eventId = crypto.randomUUID();
  db.prepare(
    `INSERT INTO Event (id, slug, name, date, startTime, endTime, timeZone, updatedAt) VALUES (?, ?, 'Spring PD Day', '2027-03-06', '08:00', '15:00', 'America/Chicago', ?)`,
  ).run(eventId, `spring-${eventId.slice(0, 8)}`, now());
  const user = db.prepare(
    `INSERT INTO User (id, email, name, school, updatedAt) VALUES (?, ?, ?, 'Lincoln Elementary', ?)`,
  );
  const member = db.prepare(
    `INSERT INTO Membership (id, eventId, userId, role, badgeToken) VALUES (?, ?, ?, 'attendee', ?)`,
  );
  const checkIn = db.prepare(
    `INSERT INTO DoorCheckIn (id, eventId, userId, checkedInAt, clientId) VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < attendees; i++) {
      const userId = crypto.randomUUID();
      user.run(userId, `teacher${i}.${eventId.slice(0, 6)}@springfield.k12.test`, `Teacher ${i}`, now());
      member.run(crypto.randomUUID(), eventId, userId, crypto.randomBytes(16).toString("base64url"));
      if (i % 2 === 0) checkIn.run(crypto.randomUUID(), eventId, userId, now(), crypto.randomUUID());
    }
  })();
  return eventId;
}

/** Every row of every table, in storage order: "the data is back exactly". (A backup's uploaded files are compared on their own.) */
function dump(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all() as string[]
    ).filter((t) => t !== UPLOADS_TABLE);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

function integrity(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma("integrity_check", { simple: true });
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = path.join(TMP, `ops-${process.env.VITEST_POOL_ID ?? 0}-${crypto.randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir, { recursive: true });
  liveFile = path.join(dir, "dropin.db");
  backupsDir = path.join(dir, "backups");
  safetyDir = path.join(dir, "safety");
  uploadsDir = path.join(dir, "uploads");
  fs.copyFileSync(path.join(TMP, "base.db"), liveFile);
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("round trip: back up while the database is open, lose data, restore it exactly", async () => {
    const server = connect(liveFile);
    const eventId = seed(server, 400);
    const before = dump(liveFile);

    const report = await backupDatabase({
      databaseFile: liveFile,
      dir: backupsDir,
      now: new Date("2027-03-06T13:45:12Z"),
    });
    expect(path.basename(report.file)).toBe("dropin-20270306-134512.db");
    expect(report.tables).toContainEqual({ table: "DoorCheckIn", rows: 200 });
    expect(report.tables).toContainEqual({ table: "User", rows: 400 });
    expect(report.migrations.length).toBeGreaterThan(0);
    expect(report.bytes).toBe(fs.statSync(report.file).size);
    expect(integrity(report.file)).toBe("ok");
    // One self-contained file: no WAL beside it.
    expect(fs.existsSync(`${report.file}-wal`)).toBe(false);
    expect(fs.readdirSync(backupsDir)).toEqual(["dropin-20270306-134512.db"]);

    // The server kept writing after the backup; then a bad morning.
    server.prepare("DELETE FROM DoorCheckIn WHERE eventId = ?").run(eventId);
    server.prepare("UPDATE User SET name = 'Overwritten'").run();
    server.close();
    expect(dump(liveFile)).not.toEqual(before);

    const result = await restoreDatabase({
      backupFile: report.file,
      databaseFile: liveFile,
      safetyDir,
      now: new Date("2027-03-06T15:00:00Z"),
    });
    expect(dump(liveFile)).toEqual(before);
    expect(integrity(liveFile)).toBe("ok");
    expect(result.restored.tables).toContainEqual({ table: "DoorCheckIn", rows: 200 });
    expect(result.pendingMigrations).toEqual([]);
    // The database as it was before the restore is kept.
    expect(result.safetyCopy).toBe(path.join(safetyDir, "pre-restore-20270306-150000.db"));
    const safety = dump(result.safetyCopy!);
    expect(safety.DoorCheckIn).toEqual([]);
    expect(new Set((safety.User as { name: string }[]).map((u) => u.name))).toEqual(new Set(["Overwritten"]));
    // The backup file itself is untouched by restoring from it.
    expect(dump(report.file)).toEqual(before);
    // Dropin can open it again in WAL mode and keep writing.
    const reopened = connect(liveFile);
    expect(reopened.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(reopened.prepare("SELECT COUNT(*) FROM DoorCheckIn").pluck().get()).toBe(200);
  });

  it("two backups in the same second are both kept", async () => {
    const at = new Date("2027-03-06T13:45:12Z");
    const first = await backupDatabase({ databaseFile: liveFile, dir: backupsDir, now: at });
    const second = await backupDatabase({ databaseFile: liveFile, dir: backupsDir, now: at });
    expect(path.basename(first.file)).toBe(backupFileName(at));
    expect(path.basename(second.file)).toBe("dropin-20270306-134512-2.db");
  });

  it("refuses a file that is not a SQLite database, and leaves the live database alone", async () => {
    seed(connect(liveFile), 20);
    const before = dump(liveFile);
    const junk = path.join(dir, "notes.db");
    fs.writeFileSync(junk, "These are not the rows you are looking for.\n".repeat(200));
    await expect(restoreDatabase({ backupFile: junk, databaseFile: liveFile, safetyDir })).rejects.toThrow(
      new BackupFileError(`${junk} is not a SQLite database (or is damaged beyond reading): file is not a database.`),
    );
    await expect(
      restoreDatabase({ backupFile: path.join(dir, "missing.db"), databaseFile: liveFile, safetyDir }),
    ).rejects.toThrow(/There is no file at .*missing\.db/);
    expect(dump(liveFile)).toEqual(before);
    expect(fs.existsSync(safetyDir)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes("restoring"))).toEqual([]);
  });

  it("refuses a damaged backup", async () => {
    const server = connect(liveFile);
    seed(server, 600);
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    // Scribble over pages in the middle of the file (the page header of every page from 4 on).
    const fd = fs.openSync(report.file, "r+");
    const pageSize = server.pragma("page_size", { simple: true }) as number;
    const pages = Math.floor(report.bytes / pageSize);
    expect(pages).toBeGreaterThan(10);
    for (let page = 4; page < pages; page++) fs.writeSync(fd, crypto.randomBytes(64), 0, 64, page * pageSize);
    fs.closeSync(fd);
    const before = dump(liveFile);
    await expect(restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir })).rejects.toThrow(
      /failed SQLite's integrity check|not a SQLite database \(or is damaged beyond reading\)/,
    );
    expect(dump(liveFile)).toEqual(before);
    expect(fs.existsSync(safetyDir)).toBe(false);
  });

  it("refuses a SQLite file that is not a Dropin database", async () => {
    const other = path.join(dir, "other.db");
    const db = new Database(other);
    db.exec("CREATE TABLE grades (student TEXT, grade TEXT)");
    db.close();
    await expect(restoreDatabase({ backupFile: other, databaseFile: liveFile, safetyDir })).rejects.toThrow(
      /is a SQLite database, but not a Dropin one/,
    );
  });

  it("refuses a backup made by a newer Dropin (a migration this code does not ship)", async () => {
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    const db = new Database(report.file);
    db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', 1, '29990101000000_future_feature', 1, 1)`,
    ).run();
    db.close();
    await expect(restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir })).rejects.toThrow(
      /comes from a newer version of Dropin: .* \(29990101000000_future_feature\)\. Update Dropin/,
    );
  });

  it("a backup from before the latest migrations restores, and says `npm start` will apply them", async () => {
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    const db = new Database(report.file);
    const latest = db
      .prepare("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1")
      .pluck()
      .get() as string;
    db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(latest);
    db.close();
    const result = await restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir });
    expect(result.pendingMigrations).toEqual([latest]);
  });

  it("refuses while Dropin (any other connection) has the live database open", async () => {
    const server = connect(liveFile);
    seed(server, 10);
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    server.prepare("DELETE FROM DoorCheckIn").run();
    const before = dump(liveFile);
    await expect(restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir })).rejects.toThrow(
      DatabaseInUseError,
    );
    expect(dump(liveFile)).toEqual(before);
    expect(server.pragma("journal_mode", { simple: true })).toBe("wal");
    server.close();
    await restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir });
    expect(dump(liveFile)).toEqual(dump(report.file));
  });

  it("restores over a damaged live database, keeping the damaged file aside", async () => {
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    fs.writeFileSync(liveFile, "disk trouble");
    const result = await restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir });
    expect(result.safetyCopy).toMatch(/-damaged\.db$/);
    expect(fs.readFileSync(result.safetyCopy!, "utf8")).toBe("disk trouble");
    expect(integrity(liveFile)).toBe("ok");
  });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** The uploads folder as name → bytes (hex), for "the photos are back exactly". */
function photos(folder = uploadsDir) {
  if (!fs.existsSync(folder)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(folder, name)).toString("hex")]),
  );
}

function addPhoto(name: string, bytes = crypto.randomBytes(5000)) {
  fs.mkdirSync(uploadsDir, { recursive: true });
  fs.writeFileSync(path.join(uploadsDir, name), bytes);
}

describe("uploaded files and permissions", () => {
  it("a backup carries the donation photos; a restore brings them back and keeps the folder it replaced", async () => {
    const server = connect(liveFile);
    const eventId = seed(server, 5);
    addPhoto("3f9a0c.jpg");
    addPhoto("77b1e2.png");
    server
      .prepare(
        `INSERT INTO Vendor (id, eventId, company, contactName, contactEmail) VALUES ('v1', ?, 'Bluebird Coffee', 'Sam', 'sam@bluebird.test')`,
      )
      .run(eventId);
    server
      .prepare(
        `INSERT INTO Donation (id, eventId, vendorId, kind, itemName, quantity, unitValueCents, photoPath, updatedAt) VALUES ('d1', ?, 'v1', 'prize', 'Gift card', 1, 2500, '3f9a0c.jpg', ?)`,
      )
      .run(eventId, now());
    const before = { rows: dump(liveFile), photos: photos() };

    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    expect(report.uploads).toBe(2);
    // One file: no folder of photos beside it.
    expect(fs.readdirSync(backupsDir)).toEqual([path.basename(report.file)]);

    // The photos are lost (a new disk), and one stranger appears.
    fs.rmSync(uploadsDir, { recursive: true });
    addPhoto("stray.webp");
    server.close();

    const result = await restoreDatabase({
      backupFile: report.file,
      databaseFile: liveFile,
      safetyDir,
      uploadsDir,
      now: new Date("2027-03-06T15:00:00Z"),
    });
    expect(result.uploadsRestored).toBe(2);
    expect(photos()).toEqual(before.photos);
    expect(dump(liveFile)).toEqual(before.rows);
    // The live database never carries the backup's table of files.
    const live = new Database(liveFile, { readonly: true });
    expect(live.prepare("SELECT name FROM sqlite_master WHERE name = ?").get(UPLOADS_TABLE)).toBeUndefined();
    live.close();
    expect(result.uploadsSafetyCopy).toBe(path.join(safetyDir, "pre-restore-20270306-150000-uploads"));
    expect(Object.keys(photos(result.uploadsSafetyCopy!))).toEqual(["stray.webp"]);
  });

  it("backups, the restored database and the restored photos are readable by their owner only", async () => {
    addPhoto("3f9a0c.jpg");
    fs.chmodSync(liveFile, 0o644);
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    expect(mode(report.file)).toBe(0o600);
    expect(mode(backupsDir)).toBe(0o700);
    const result = await restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir, uploadsDir });
    expect(mode(liveFile)).toBe(0o600);
    expect(mode(result.safetyCopy!)).toBe(0o600);
    expect(mode(safetyDir)).toBe(0o700);
    expect(mode(uploadsDir)).toBe(0o700);
    expect(mode(path.join(uploadsDir, "3f9a0c.jpg"))).toBe(0o600);
  });

  it("an install from before: npm start makes the database, secret, uploads and backups its owner's only", async () => {
    addPhoto("3f9a0c.jpg");
    fs.chmodSync(uploadsDir, 0o755);
    fs.chmodSync(path.join(uploadsDir, "3f9a0c.jpg"), 0o644);
    fs.writeFileSync(path.join(dir, "session-secret"), "x".repeat(40), { mode: 0o644 });
    fs.mkdirSync(backupsDir, { mode: 0o755 });
    fs.copyFileSync(liveFile, path.join(backupsDir, "dropin-20260101-000000.db"));
    fs.chmodSync(path.join(backupsDir, "dropin-20260101-000000.db"), 0o644);
    fs.chmodSync(liveFile, 0o644);
    keepDataPrivate(liveFile);
    expect(
      [
        liveFile,
        path.join(dir, "session-secret"),
        path.join(uploadsDir, "3f9a0c.jpg"),
        path.join(backupsDir, "dropin-20260101-000000.db"),
      ].map(mode),
    ).toEqual([0o600, 0o600, 0o600, 0o600]);
    expect([uploadsDir, backupsDir].map(mode)).toEqual([0o700, 0o700]);
  });

  it("a backup from before backups carried files leaves the uploads folder alone", async () => {
    addPhoto("3f9a0c.jpg");
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    const old = new Database(report.file);
    old.exec(`DROP TABLE "${UPLOADS_TABLE}"`);
    old.close();
    const result = await restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir, uploadsDir });
    expect(result.uploadsRestored).toBeNull();
    expect(result.uploadsSafetyCopy).toBeNull();
    expect(Object.keys(photos())).toEqual(["3f9a0c.jpg"]);
  });

  it("refuses a backup whose file names would write outside the uploads folder", async () => {
    const report = await backupDatabase({ databaseFile: liveFile, dir: backupsDir });
    const doctored = new Database(report.file);
    doctored.prepare(`INSERT INTO "${UPLOADS_TABLE}" (name, bytes) VALUES ('../../session-secret', x'41')`).run();
    doctored.close();
    const before = dump(liveFile);
    await expect(
      restoreDatabase({ backupFile: report.file, databaseFile: liveFile, safetyDir, uploadsDir }),
    ).rejects.toThrow(/not a plain file name/);
    expect(dump(liveFile)).toEqual(before);
    expect(fs.existsSync(path.join(dir, "session-secret"))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes("restoring"))).toEqual([]);
  });
});

type Run = { code: number | null; stdout: string; stderr: string };

function runCli(script: string, args: string[], databaseUrl: string) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, ["./node_modules/tsx/dist/cli.mjs", script, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run backup / npm run restore", () => {
  it("round trip through the CLIs, with a write transaction open during the backup", { timeout: 60_000 }, async () => {
    const url = `file:./${path.relative(process.cwd(), liveFile)}`;
    const server = connect(liveFile);
    seed(server, 50);
    addPhoto("3f9a0c.jpg");
    const before = dump(liveFile);
    const beforePhotos = photos();
    // A server mid-write: the backup neither waits for it nor sees its uncommitted row.
    server.exec("BEGIN IMMEDIATE");
    server.prepare("UPDATE User SET name = 'Uncommitted'").run();
    const backup = await runCli("app/cli/backup.ts", [], url);
    server.exec("COMMIT");
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const file = backup.stdout.match(/^ {2}(\S+dropin-\d{8}-\d{6}\.db) \(/m)?.[1];
    expect(file, backup.stdout).toBeDefined();
    expect(path.dirname(file!)).toBe(path.join(dir, "backups"));
    expect(backup.stdout).toMatch(/integrity ok, \d+ migrations, 1 uploaded file\)/);
    expect(mode(file!)).toBe(0o600);
    expect(backup.stdout).toMatch(/DoorCheckIn\s+25\n/);
    expect(backup.stdout).toMatch(/User\s+50\n/);

    // Restore refuses while the "server" is still up…
    const refused = await runCli("app/cli/restore.ts", [file!], url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Dropin is probably still running\. Stop it, then run the restore again\./);
    server.close();
    fs.rmSync(uploadsDir, { recursive: true });

    const restore = await runCli("app/cli/restore.ts", [file!], url);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/The database as it was is kept at .*pre-restore-\d{8}-\d{6}\.db/);
    expect(restore.stdout).toMatch(/✔ Restored/);
    expect(restore.stdout).toMatch(/1 uploaded file restored\./);
    expect(dump(liveFile)).toEqual(before);
    expect(photos()).toEqual(beforePhotos);
    expect(integrity(liveFile)).toBe("ok");

    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "not a database at all, just text ".repeat(100));
    const bad = await runCli("app/cli/restore.ts", [junk], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/junk\.db is not a SQLite database/);
    expect(dump(liveFile)).toEqual(before);
  });
});
