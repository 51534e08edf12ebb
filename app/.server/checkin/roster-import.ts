// Roster import as a background job on its own thread. One transaction for 20,000
// rows held the database for over a minute; chunks on the event loop still held the
// door's check-ins up (p99 133-295 ms during an import). So a coordinator's file is
// read, checked and written by the import worker (roster-import.worker.ts, with its
// own SQLite connection); this side checks permissions, hands the work over by
// message and reads progress. The job's rows (progress, people, errors) live in the
// database, so an import whose server stopped carries on from its last chunk.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { RosterMappingSchema, type RosterMapping } from "~/schemas/checkin";
import { db } from "~/utils/db.server";
import { sqlite } from "~/utils/sqlite.server";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import type { RosterPreview, RosterRowError } from "./roster-file";
import type { WorkerMessage, WorkerRequest } from "./roster-import.worker";
import { checkpointInBackground } from "./wal-checkpointer";

/** A running import not advanced for this long has lost its worker (a restart): the next look resumes it. */
const STALLED_MS = 15_000;
/** The thread stays this long after its last work, so a preview's file imports without a second start-up. */
const IDLE_MS = 5 * 60_000;
// Resolved from the project folder (where `npm start` and the tests run), not from
// this module: in production this code runs from the bundled build.
const ENTRY = pathToFileURL(path.resolve("app/.server/checkin/roster-import.worker.ts")).href;
const BOOT = path.resolve("app/.server/ops/ts-worker.mjs");

type Thread = {
  worker: Worker;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
};
let thread: Thread | null = null;
let nextRequest = 0;
let idle: NodeJS.Timeout | undefined;
/** Imports running on the thread, each with its hold on the WAL checkpointer. */
const working = new Map<string, () => void>();
const finishedWaiters = new Map<string, Array<() => void>>();

function jobEnded(jobId: string) {
  working.get(jobId)?.();
  working.delete(jobId);
  for (const wake of finishedWaiters.get(jobId) ?? []) wake();
  finishedWaiters.delete(jobId);
  restartIdleTimer();
}

function restartIdleTimer() {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (thread && working.size === 0 && thread.pending.size === 0) void thread.worker.terminate();
  }, IDLE_MS);
  idle.unref();
}

function stopped(current: Thread, error: Error) {
  if (thread === current) thread = null;
  for (const { reject } of current.pending.values()) reject(error);
  current.pending.clear();
  // Their rows stay "running": the next look at their progress resumes them after STALLED_MS.
  for (const jobId of [...working.keys()]) jobEnded(jobId);
}

function importThread() {
  if (thread) return thread;
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY, file: sqlite().name } });
  // An idle import thread never keeps a process (a script, a test run) alive.
  worker.unref();
  const current: Thread = { worker, pending: new Map() };
  worker.on("message", (message: WorkerMessage) => {
    if (message.kind === "running") {
      // While it writes, SQLite's checkpoints stay off the event loop too.
      if (!working.has(message.jobId)) working.set(message.jobId, checkpointInBackground());
    } else if (message.kind === "finished") {
      if (message.error) console.error("Roster import stopped", message.jobId, message.error);
      jobEnded(message.jobId);
    } else {
      const waiting = current.pending.get(message.requestId);
      current.pending.delete(message.requestId);
      if (message.kind === "answer") waiting?.resolve(message.value);
      else if (message.kind === "refused") waiting?.reject(new RuleError(message.message, message.field));
      else waiting?.reject(new Error(`Roster import thread: ${message.message}`));
    }
  });
  worker.on("error", (error) => {
    console.error("Roster import thread stopped", error);
    stopped(current, error);
  });
  worker.on("exit", () => stopped(current, new Error("The roster import thread stopped.")));
  thread = current;
  return current;
}

function ask<T>(request: WorkerRequest): Promise<T> {
  const current = importThread();
  restartIdleTimer();
  const requestId = ++nextRequest;
  return new Promise<T>((resolve, reject) => {
    current.pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject });
    current.worker.postMessage({ requestId, request });
  });
}

/**
 * Start the import thread ahead of need (the roster page does, when it opens): its
 * start-up (loading its modules) takes a second or more on a busy machine.
 */
export function warmImportThread() {
  return ask<boolean>({ kind: "ready" });
}

/** Keep a coordinator's file on the server while they match its columns; returns its id. */
export async function storeRosterUpload(actorId: string, eventId: string, fileName: string, csv: string) {
  await assertEventCoordinator(actorId, eventId);
  return ask<string>({ kind: "store", eventId, actorId, fileName: fileName.slice(0, 200) || "pasted roster", csv });
}

export type RosterUploadPreview = RosterPreview & { id: string; fileName: string };

/** The pending file's columns, guessed matching and first rows; only its uploader sees it. */
export async function rosterUploadPreview(actorId: string, eventId: string, uploadId: string) {
  await assertEventCoordinator(actorId, eventId);
  const preview = await ask<RosterUploadPreview | null>({ kind: "preview", eventId, actorId, uploadId });
  if (!preview) throw new NotFoundError("That roster file is no longer here: choose it again.");
  return preview;
}

/** Check the pending file against the matching, store the job and start it; the page polls its progress. */
export async function startRosterImport(actorId: string, eventId: string, uploadId: string, mapping: RosterMapping) {
  await assertEventCoordinator(actorId, eventId);
  const { name, lastName, email, school, staffId } = mapping;
  const jobId = await ask<string | null>({
    kind: "start",
    eventId,
    actorId,
    uploadId,
    mapping: { name, lastName, email, school, staffId },
  });
  if (!jobId) throw new NotFoundError("That roster file is no longer here: choose it again.");
  return { id: jobId };
}

export type RosterImportProgress = {
  id: string;
  status: "running" | "done";
  total: number;
  done: number;
  /** Added to this PD day's roster / already on it (their day's values updated). */
  created: number;
  updated: number;
  errors: RosterRowError[];
};

/** How far an import is. A running one whose worker died (a restart) carries on from `done`. */
export async function rosterImportProgress(
  actorId: string,
  eventId: string,
  jobId: string,
): Promise<RosterImportProgress> {
  await assertEventCoordinator(actorId, eventId);
  const job = await db.rosterImport.findFirst({
    where: { id: jobId, eventId },
    select: {
      id: true,
      status: true,
      total: true,
      done: true,
      created: true,
      updated: true,
      errors: true,
      updatedAt: true,
    },
  });
  if (!job) throw new NotFoundError("That roster import does not exist.");
  if (job.status === "running" && !working.has(job.id) && Date.now() - job.updatedAt.getTime() > STALLED_MS) {
    await ask({ kind: "resume", jobId: job.id });
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

/** Resolves when the import thread has stopped working on this job (done, or stopped by an error). */
export function importSettled(jobId: string) {
  if (!working.has(jobId)) return Promise.resolve();
  return new Promise<void>((resolve) => finishedWaiters.set(jobId, [...(finishedWaiters.get(jobId) ?? []), resolve]));
}

/** Upload, start and wait for an import (scripts and tests): the page's path, on the same thread. */
export async function importRoster(
  actorId: string,
  eventId: string,
  csv: string,
  mapping: Partial<RosterMapping> & Pick<RosterMapping, "name" | "email">,
) {
  const uploadId = await storeRosterUpload(actorId, eventId, "roster.csv", csv);
  const job = await startRosterImport(actorId, eventId, uploadId, RosterMappingSchema.parse(mapping));
  await importSettled(job.id);
  const result = await rosterImportProgress(actorId, eventId, job.id);
  return {
    imported: result.created + result.updated,
    created: result.created,
    updated: result.updated,
    errors: result.errors,
  };
}
