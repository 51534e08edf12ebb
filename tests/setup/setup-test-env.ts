// Runs in every worker before each test file. Gives the worker its own SQLite file
// copied from the migrated base, wipes it after every test, and makes console.error
// fail the test (an error logged is a bug until a test says it is expected).
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import type Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, vi, type MockInstance } from "vitest";

// A worker runs many files in one process (vitest.config.ts: isolate off), keeping the
// packages it loaded (Prisma, zod, bcrypt) but not the app: each file imports the app's
// modules anew, so no module state (env, caches, limits, clients) passes between files.
vi.resetModules();

const tmpDir = path.resolve(`tests/.tmp/${process.env.DROPIN_TEST_RUN ?? "vitest"}`);
const workerDb = path.join(tmpDir, `worker-${process.env.VITEST_POOL_ID ?? 0}.db`);

// A WAL left by the previous test file in this worker slot would be replayed onto
// the fresh copy and corrupt it, so the side files go too.
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(workerDb + suffix, { force: true });
fs.copyFileSync(path.join(tmpDir, "base.db"), workerDb);

// Set before anything imports ~/utils/env.server or ~/utils/db.server.
process.env.DATABASE_URL = `file:./${path.relative(process.cwd(), workerDb)}`;
process.env.NODE_ENV = "test";
// A fixed secret: workers would otherwise race to create tests/.tmp/session-secret.
process.env.SESSION_SECRET = "test-session-secret-that-is-long-enough-0123456789";
process.env.APP_URL = "http://localhost:3000";
// Mail stays in the outbox; a developer's SMTP_URL must never send from tests.
delete process.env.SMTP_URL;

export let consoleError: MockInstance<(typeof console)["error"]>;

beforeEach(() => {
  const originalConsoleError = console.error;
  consoleError = vi.spyOn(console, "error");
  consoleError.mockImplementation((...args: unknown[]) => {
    originalConsoleError(...args);
    throw new Error(
      "console.error was called. If the test expects it, call consoleError.mockImplementation(() => {}).",
    );
  });
});

// The clients db.server and sqlite.server keep on globalThis (so they outlive module
// reloads); absent when the file never touched the database (schema and env tests),
// which then skip the wipe.
const handles = globalThis as unknown as {
  __dropinDb?: PrismaClient;
  __dropinSqlite?: Database.Database;
  __dropinStatements?: Map<string, Database.Statement>;
};
function openDb() {
  return handles.__dropinDb;
}

afterEach(async () => {
  consoleError.mockRestore();
  const db = openDb();
  if (!db) return;
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
  );
  // PRAGMA foreign_keys is ignored inside a transaction, so it is switched off
  // around the deletes rather than wrapping them in one.
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  try {
    for (const { name } of tables) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  } finally {
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
});

// The next file in this process starts on a new copy of the database: both
// connections to this one close, and nothing a file faked or stubbed outlives it.
afterAll(async () => {
  await openDb()?.$disconnect();
  delete handles.__dropinDb;
  handles.__dropinSqlite?.close();
  delete handles.__dropinSqlite;
  delete handles.__dropinStatements;
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});
