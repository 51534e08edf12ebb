// Runs once per `vitest run`: migrate a base database that every worker copies,
// so no test pays for migrations and no test touches data/dropin.db.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// tests/.tmp/vitest (or tests/.tmp/$DROPIN_TEST_RUN): two runs at once never share files.
export const TMP_NAME = `tests/.tmp/${process.env.DROPIN_TEST_RUN ?? "vitest"}`;
export const TMP_DIR = path.resolve(TMP_NAME);
export const BASE_DB = path.join(TMP_DIR, "base.db");

export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:./${TMP_NAME}/base.db`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0 || !fs.existsSync(BASE_DB)) {
    throw new Error(
      `Could not build the test database (prisma migrate deploy exited ${result.status ?? result.signal}):\n` +
        `${result.error?.message ?? ""}\n${result.stdout}\n${result.stderr}`,
    );
  }
}
