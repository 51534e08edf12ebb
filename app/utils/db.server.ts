import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "@prisma/client";
import type Database from "better-sqlite3";
import { getEnv } from "./env.server";

/** A client or an open transaction: helpers that write take either. */
export type Tx = Prisma.TransactionClient;

/**
 * Prisma's SQLite adapter opens transactions with a plain (deferred) BEGIN. A
 * transaction that reads and then writes fails outright with SQLITE_BUSY_SNAPSHOT
 * if another connection committed in between — and the door check-ins commit
 * from a second connection (app/utils/sqlite.server.ts) many times a second.
 * BEGIN IMMEDIATE takes the write lock up front, so the transaction waits its
 * turn (busy timeout) instead of failing. The adapter has no option for this;
 * its connection is reached through the adapter object.
 */
class ImmediateTransactions extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  }
}

function createClient() {
  // timeout = SQLite busy timeout: a writer waits for the lock instead of failing.
  const adapter = new ImmediateTransactions({ url: getEnv().DATABASE_URL, timeout: 5000 });
  const client = new PrismaClient({ adapter });
  // WAL lets readers run during a write; NORMAL sync is safe in WAL and far faster.
  // The adapter holds one connection, so these settings stay for the process.
  void client
    .$queryRawUnsafe("PRAGMA journal_mode = WAL")
    .then(() => client.$queryRawUnsafe("PRAGMA synchronous = NORMAL"))
    .then(() => client.$queryRawUnsafe("PRAGMA foreign_keys = ON"))
    .catch((error: unknown) => console.error("Could not configure SQLite", error));
  return client;
}

// Keep one client across dev-server reloads.
const globalForDb = globalThis as unknown as { __dropinDb?: PrismaClient };
export const db: PrismaClient = (globalForDb.__dropinDb ??= createClient());
