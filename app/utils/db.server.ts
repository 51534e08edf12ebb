import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "@prisma/client";
import { getEnv } from "./env.server";

export type Db = PrismaClient;
/** A client or an open transaction: helpers that write take either. */
export type Tx = Prisma.TransactionClient;

function createClient() {
  // timeout = SQLite busy timeout: a writer waits for the lock instead of failing.
  const adapter = new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL, timeout: 5000 });
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
