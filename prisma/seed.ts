// `npm run seed`: add the demo PD day to an empty database (see app/.server/demo).
// Run migrations first (`npm run db:migrate`); on a database with any users or
// events it does nothing, so it is safe to run against real data.
import { EnvError } from "../app/utils/env.server";

async function main() {
  // Imported here so a bad DATABASE_URL is reported below, not as a crash at load time.
  const { db } = await import("../app/utils/db.server");
  const { seedDemoIfEmpty } = await import("../app/.server/demo/demo-day");
  try {
    await seedDemoIfEmpty();
  } finally {
    await db.$disconnect();
  }
}

// P2021 is Prisma's "table does not exist": the migrations were never applied.
function isMissingTable(error: unknown) {
  return (
    (error as { code?: unknown } | null)?.code === "P2021" ||
    (error instanceof Error && /no such table/i.test(error.message))
  );
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else if (isMissingTable(error)) {
    console.error("✖ Seeding failed: the database has no tables yet. Run `npm run db:migrate` first.");
  } else {
    console.error("✖ Seeding the demo data failed:");
    console.error(error);
  }
  process.exit(1);
});
