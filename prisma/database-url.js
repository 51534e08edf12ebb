// One place decides where the SQLite file lives, shared by the Prisma CLI config,
// the start script and the app: DATABASE_URL if given, else data/dropin.db.
// With driver adapters a `file:` path is relative to the current directory.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/dropin.db";

/** @param {Record<string, string | undefined>} env */
export function resolveDatabaseUrl(env) {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  return url;
}
