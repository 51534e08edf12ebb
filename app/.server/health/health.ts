import { db } from "~/utils/db.server";
import { shippedMigrations } from "~/utils/migrations.server";

export async function checkHealth() {
  const started = performance.now();
  try {
    const [journal] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    const applied = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const appliedNames = new Set(applied.map((row) => row.migration_name));
    const pending = shippedMigrations().filter((name) => !appliedNames.has(name));
    return {
      ok: pending.length === 0,
      database: "reachable" as const,
      journalMode: journal?.journal_mode ?? "unknown",
      migrations: { applied: appliedNames.size, pending },
      responseMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    return {
      ok: false,
      database: "unreachable" as const,
      error: error instanceof Error ? error.message : String(error),
      responseMs: Math.round(performance.now() - started),
    };
  }
}
