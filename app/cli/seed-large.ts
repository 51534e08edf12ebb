// `npm run seed:large`: add the 5,000-attendee "large" PD day (see
// app/.server/demo/large-event.ts) to the database in DATABASE_URL, replacing an
// earlier one. Migrations are applied first so it works on a brand-new file.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseEnvOrExit } from "~/utils/env.server";

async function main() {
  const env = parseEnvOrExit();
  const migrate = spawnSync(
    process.execPath,
    [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
    },
  );
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);

  const { db } = await import("~/utils/db.server");
  const { seedLargeEvent, LARGE_COORDINATOR } = await import("../.server/demo/large-event");
  const started = performance.now();
  try {
    const result = await seedLargeEvent();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded /e/${result.slug} in ${seconds} s into ${env.DATABASE_URL}:`);
    console.table(result.counts);
    console.log(`Coordinator: ${LARGE_COORDINATOR.email} / ${LARGE_COORDINATOR.password}`);
  } finally {
    await db.$disconnect();
  }
}

void main();
