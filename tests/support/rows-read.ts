// "How much of the database did this read?", for tests that show a lookup does not
// grow with the size of a PD day. Every model's read methods are wrapped (once, for
// the rest of the test file: Prisma's delegates do not survive a spy's restore) and
// while `run` runs the rows they hand back are added up; a count() adds the number
// it counted, since the database walked that many entries for it. Raw queries are
// not counted; the lookups measured with this make none. The wrapped methods
// return plain promises, so do not batch them in db.$transaction([...]) afterwards.
import { Prisma } from "@prisma/client";
import { vi } from "vitest";
import { db } from "~/utils/db.server";

const READS = [
  "findMany",
  "findFirst",
  "findFirstOrThrow",
  "findUnique",
  "findUniqueOrThrow",
  "count",
  "groupBy",
  "aggregate",
] as const;

type AnyReader = Record<string, (...args: unknown[]) => Promise<unknown>>;

let tally: { rows: number } | null = null;
let wrapped = false;

function rowsIn(result: unknown) {
  if (Array.isArray(result)) return result.length;
  if (typeof result === "number") return result;
  return result == null ? 0 : 1;
}

function wrapReads() {
  if (wrapped) return;
  wrapped = true;
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, AnyReader>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
    for (const method of READS) {
      const original = delegate[method]!.bind(delegate);
      vi.spyOn(delegate, method).mockImplementation(async (...args: unknown[]) => {
        const result = await original(...args);
        if (tally) tally.rows += rowsIn(result);
        return result;
      });
    }
  }
}

/** The rows read while `run` ran; what `run` threw (a 404 for a made-up link) is ignored. */
export async function rowsRead(run: () => Promise<unknown>) {
  wrapReads();
  const counted = { rows: 0 };
  tally = counted;
  try {
    await run().catch(() => undefined);
  } finally {
    tally = null;
  }
  return counted.rows;
}
