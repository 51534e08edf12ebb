// What `npm start` and `npm run dev` (server/start.ts) run before serving, in a
// process of its own: apply pending migrations, make the data files private, seed
// the demo PD day on an empty database, and remember old certificates' codes. Its
// own process, because the server loads the app only from the server build; doing
// this there would load a second copy of the app's modules through tsx.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { keepDataPrivate } from "~/.server/ops/backup";
import { databaseFilePath, parseEnvOrExit } from "~/utils/env.server";
import { needsMigrating } from "~/utils/migrations.server";

async function main() {
  const env = parseEnvOrExit();
  // Everything Dropin writes from here on (the database, its side files, uploads,
  // backups) is its own account's only; files from before are made so too.
  process.umask(0o077);
  if (needsMigrating(databaseFilePath(env.DATABASE_URL))) {
    const result = spawnSync(
      process.execPath,
      [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"],
      {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
      },
    );
    if (result.status !== 0) {
      console.error(`\n✖ prisma migrate deploy failed (exit ${result.status}).`);
      process.exit(result.status ?? 1);
    }
  }
  keepDataPrivate(databaseFilePath(env.DATABASE_URL));

  // Imported here, not at the top, so the database client opens only after migrating.
  const { db } = await import("~/utils/db.server");
  if (env.SEED_DEMO) {
    const { seedDemoIfEmpty } = await import("../.server/demo/demo-day");
    await seedDemoIfEmpty();
  }
  // Certificates printed before verification codes were stored must still verify.
  const { rememberAllCertificateCodes } = await import("../.server/credit/certificate-codes");
  await rememberAllCertificateCodes();
  await db.$disconnect();
}

void main();
