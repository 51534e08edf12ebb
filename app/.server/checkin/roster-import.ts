// Roster import as a background job. One transaction for 20,000 rows held the
// database for over a minute and every door check-in waited behind it. Here the
// file is checked up front, the valid people are kept on a RosterImport row, and
// they go in CHUNK at a time (or what fits in CHUNK_MS): each chunk is one short write transaction on the
// direct SQLite connection (a few milliseconds), then the event loop is handed
// back (setImmediate) so check-ins and pages run between chunks.
//
// Safe to resume or repeat: each person is an upsert by email and their
// attendee membership an upsert per PD day, and a chunk advances the job only
// from the `done` it read (a second worker on the same job stops instead of
// importing the same rows again).
import crypto from "node:crypto";
import type { PersonInput, RosterMapping } from "~/schemas/checkin";
import { db } from "~/utils/db.server";
import { sqlite, statement, toDbTime, writeWithRetry } from "~/utils/sqlite.server";
import { phase, tookSync, traced } from "../ops/loop-trace";
import { recordAudit } from "../audit/audit";
import { NotFoundError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { checkpointInBackground, checkpointNow } from "./wal-checkpointer";
import { newBadgeToken, validateRoster, type RosterRowError } from "./roster";

export const CHUNK = 250;
/** A chunk stops early past this: the door's p99 budget is 100 ms, and a chunk holds the event loop while it runs. */
const CHUNK_MS = 6;
/** A running import not advanced for this long has lost its worker (a restart): the next look resumes it. */
const STALLED_MS = 15_000;

// What the coordinator's file says belongs to this PD day (the attendee
// Membership), never to the account (day-person.ts): an existing person's own
// name, school and staff ID and their other PD days stay as they are. Only an
// account made here starts with the file's name. (The no-op update lets
// RETURNING give the existing row's id.)
const UPSERT_USER = `INSERT INTO User (id, email, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (email) DO UPDATE SET email = excluded.email
  RETURNING id`;
// A blank school or staff ID keeps what this day already knew (COALESCE), as the form does.
const UPSERT_ATTENDEE = `INSERT INTO Membership (id, eventId, userId, role, badgeToken, name, school, staffId, createdAt)
  VALUES (?, ?, ?, 'attendee', ?, ?, ?, ?, ?)
  ON CONFLICT (eventId, userId, role) DO UPDATE SET badgeToken = COALESCE(Membership.badgeToken, excluded.badgeToken),
    name = excluded.name, school = COALESCE(excluded.school, Membership.school), staffId = COALESCE(excluded.staffId, Membership.staffId)`;
const ADVANCE = `UPDATE RosterImport SET done = ?, created = created + ?, updated = updated + ?, updatedAt = ?
  WHERE id = ? AND done = ? AND status = 'running'`;

/** Imports running in this process, so a page refresh never starts a second worker here. */
const working = new Set<string>();

type Job = { id: string; eventId: string; createdById: string | null; done: number; total: number; people: string };

/**
 * Up to CHUNK people (fewer if they take longer than CHUNK_MS on a busy machine),
 * all or nothing; returns how many went in, 0 if another worker advanced the job first.
 */
export function importChunk(job: { id: string; eventId: string }, from: number, people: PersonInput[]) {
  const now = toDbTime(new Date());
  let created = 0;
  let taken = 0;
  let inner = 0;
  const run = sqlite().transaction(() => {
    const started = performance.now();
    for (const person of people) {
      if (taken > 0 && performance.now() - started > CHUNK_MS) break;
      taken++;
      const id = crypto.randomUUID();
      const row = statement(UPSERT_USER).get(id, person.email, person.name, now, now) as { id: string };
      if (row.id === id) created++;
      const day = [person.name, person.school || null, person.staffId || null];
      statement(UPSERT_ATTENDEE).run(crypto.randomUUID(), job.eventId, row.id, newBadgeToken(), ...day, now);
    }
    const advanced = statement(ADVANCE).run(from + taken, created, taken - created, now, job.id, from);
    // Someone else imported these rows meanwhile: undo ours (the upserts changed nothing new anyway).
    if (advanced.changes !== 1) throw new LostRace();
    inner = performance.now();
  });
  try {
    const started = performance.now();
    run.immediate();
    tookSync(`chunk of ${taken} (loop body ${(inner - started).toFixed(0)} ms)`, performance.now() - started);
    return taken;
  } catch (error) {
    if (error instanceof LostRace) return 0;
    throw error;
  }
}

class LostRace extends Error {}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Import the rest of a job, chunk by chunk, from where it stands. */
export async function runRosterImport(jobId: string, known?: PersonInput[]) {
  if (working.has(jobId)) return;
  working.add(jobId);
  const release = checkpointInBackground();
  try {
    // The people list is megabytes of JSON for a big file: read (and written, below) on the
    // direct connection, where it is one memcpy, not a long pass through Prisma's engine.
    const job = await traced("read job", () => statement("SELECT id, eventId, createdById, done, total, people FROM RosterImport WHERE id = ?").get(jobId) as Job | undefined);
    if (!job) return;
    // Parsing the stored list again held the event loop 70-100 ms: the process that checked the file passes it in.
    const people = known ?? (await traced("parse job", () => JSON.parse(job.people) as PersonInput[]));
    let done = job.done;
    while (done < people.length) {
      const chunk = people.slice(done, done + CHUNK);
      // The direct connection does not wait for the lock; writeWithRetry waits without blocking.
      const taken = await traced("chunk", () => writeWithRetry(() => importChunk(job, done, chunk)));
      if (taken === 0) return;
      done += taken;
      await nextTurn();
      phase("between chunks");
    }
    await traced("last checkpoint", checkpointNow);
    await traced("finish", () => finish(job));
  } finally {
    release();
    working.delete(jobId);
  }
}

async function finish(job: Job) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.rosterImport.updateMany({ where: { id: job.id, status: "running" }, data: { status: "done" } });
    if (count !== 1) return;
    const final = await tx.rosterImport.findUniqueOrThrow({ where: { id: job.id }, select: { created: true, updated: true, errors: true } });
    await recordAudit(tx, {
      eventId: job.eventId,
      actorId: job.createdById,
      action: "roster.imported",
      entity: "Event",
      entityId: job.eventId,
      detail: { created: final.created, updated: final.updated, rejected: (JSON.parse(final.errors) as unknown[]).length },
    });
  });
}

/** Check the file, store the job and start it in the background; the page polls its progress. */
export async function startRosterImport(actorId: string, eventId: string, csv: string, mapping: RosterMapping) {
  await assertEventCoordinator(actorId, eventId);
  const { good, errors } = await traced("validate", () => validateRoster(csv, mapping));
  const job = { id: crypto.randomUUID() };
  const now = toDbTime(new Date());
  const people = await traced("stringify", () => JSON.stringify(good));
  await traced("insert job", () => writeWithRetry(() =>
    statement(
      "INSERT INTO RosterImport (id, eventId, createdById, status, total, people, errors, createdAt, updatedAt) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?)",
    ).run(job.id, eventId, actorId, good.length, people, JSON.stringify(errors), now, now),
  ));
  void runRosterImport(job.id, good).catch((error: unknown) => console.error("Roster import stopped", job.id, error));
  return job;
}

export type RosterImportProgress = {
  id: string;
  status: "running" | "done";
  total: number;
  done: number;
  created: number;
  updated: number;
  errors: RosterRowError[];
};

/** How far an import is. A running one whose worker died (a restart) carries on from `done`. */
export async function rosterImportProgress(actorId: string, eventId: string, jobId: string): Promise<RosterImportProgress> {
  await assertEventCoordinator(actorId, eventId);
  const job = await db.rosterImport.findFirst({
    where: { id: jobId, eventId },
    select: { id: true, status: true, total: true, done: true, created: true, updated: true, errors: true, updatedAt: true },
  });
  if (!job) throw new NotFoundError("That roster import does not exist.");
  if (job.status === "running" && !working.has(job.id) && Date.now() - job.updatedAt.getTime() > STALLED_MS) {
    void runRosterImport(job.id).catch((error: unknown) => console.error("Roster import stopped", job.id, error));
  }
  return {
    id: job.id,
    status: job.status === "done" ? "done" : "running",
    total: job.total,
    done: job.done,
    created: job.created,
    updated: job.updated,
    errors: JSON.parse(job.errors) as RosterRowError[],
  };
}

/** Start an import and wait for it (scripts and tests): the same path as the page's. */
export async function importRoster(actorId: string, eventId: string, csv: string, mapping: RosterMapping) {
  const job = await startRosterImport(actorId, eventId, csv, mapping);
  await runRosterImport(job.id);
  // The background worker started above may still hold the job: wait for it.
  while (working.has(job.id)) await new Promise((resolve) => setTimeout(resolve, 10));
  const result = await rosterImportProgress(actorId, eventId, job.id);
  return { imported: result.created + result.updated, created: result.created, updated: result.updated, errors: result.errors };
}
