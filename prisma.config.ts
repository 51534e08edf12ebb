// The Prisma CLI reads this file. With a config file present Prisma does not load
// .env or default DATABASE_URL itself, and without a driver adapter it would try to
// download a native schema engine (impossible offline). So: resolve the URL here,
// and run migrations through the Wasm engine over the same better-sqlite3 adapter
// the app uses.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./prisma/database-url.js";

process.env.DATABASE_URL = resolveDatabaseUrl(process.env);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // `migrate dev` replays the migrations into a shadow database; the adapter's
    // default in-memory shadow does not survive between its connections, so use a
    // scratch file beside the real one.
    const url = process.env.DATABASE_URL!;
    const shadow = `${url.replace(/\.db$/, "")}.shadow.db`;
    return new PrismaBetterSQLite3({ url }, { shadowDatabaseUrl: shadow });
  },
});
