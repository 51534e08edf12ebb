// A direct better-sqlite3 connection to the same database file Prisma uses, for
// the few hot paths where Prisma's per-query overhead (~0.15 ms through the
// driver adapter) is most of the request: the door check-in API, session lookup
// and the public-page cache's freshness check. Statements are prepared once and
// run synchronously; WAL lets this connection and Prisma's read and write the
// same file.
//
// Locks: a Prisma transaction can hold the write lock across awaits. A write here
// must not wait for it with SQLite's busy timeout, which would block the event
// loop that transaction needs in order to finish. So this connection's busy
// timeout is 0 and writes go through writeWithRetry, which waits asynchronously.
import Database from "better-sqlite3";
import { databaseFilePath, getEnv } from "./env.server";

function open() {
  const sqlite = new Database(databaseFilePath(getEnv().DATABASE_URL), { timeout: 0 });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

const globalForSqlite = globalThis as unknown as {
  __dropinSqlite?: Database.Database;
  __dropinStatements?: Map<string, Database.Statement>;
};

export function sqlite() {
  return (globalForSqlite.__dropinSqlite ??= open());
}

/** A prepared statement, compiled on first use and kept for the process. */
export function statement(sql: string) {
  const cache = (globalForSqlite.__dropinStatements ??= new Map());
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = sqlite().prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

export { fromDbTime, toDbTime } from "./db-time";

function isBusy(error: unknown) {
  return String((error as { code?: unknown } | null)?.code ?? "").startsWith("SQLITE_BUSY");
}

/** Run a one-statement write; while another connection holds the write lock, yield and try again (up to 5 s). */
export async function writeWithRetry<T>(write: () => T, deadlineMs = 5000): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > deadlineMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 2, 25)));
    }
  }
}
