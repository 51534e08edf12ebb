// The roster import's work, run on the import worker thread (roster-import.worker.ts)
// with that thread's own SQLite connection: checking the file, storing the job, and
// the rows going in a chunk at a time. Nothing here touches the server's event loop,
// so door check-ins and pages are answered while a 20,000-row file goes in.
//
// Safe to resume or repeat: each person is an upsert by email and their attendee
// membership an upsert per PD day, and a chunk advances the job only from the `done`
// it read (a second worker on the same job stops instead of importing rows again).
import crypto from "node:crypto";
import Database from "better-sqlite3";
import type { PersonInput, RosterMapping } from "~/schemas/checkin";
import { toDbTime } from "~/utils/db-time";
import { newBadgeToken } from "./badge-token";
import { validateRoster, type RosterRowError } from "./roster-file";

export const CHUNK = 250;
/**
 * A chunk holds SQLite's write lock while it runs, and a door check-in waiting for
 * that lock is the door's latency: chunks stop after this long, and the worker leaves
 * the lock free for a moment before the next one.
 */
const CHUNK_MS = 5;
const PAUSE_MS = 2;

// What the coordinator's file says belongs to this PD day (the attendee
// Membership), never to the account (day-person.ts): an existing person's own
// name, school and staff ID and their other PD days stay as they are. Only an
// account made here starts with the file's name. (The no-op update lets
// RETURNING give the existing row's id.)
const UPSERT_USER = `INSERT INTO User (id, email, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (email) DO UPDATE SET email = excluded.email
  RETURNING id`;
// A blank school or staff ID keeps what this day already knew (COALESCE), as the form does.
// RETURNING id tells a person new to this PD day's roster (our id) from one already on it.
const UPSERT_ATTENDEE = `INSERT INTO Membership (id, eventId, userId, role, badgeToken, name, school, staffId, createdAt)
  VALUES (?, ?, ?, 'attendee', ?, ?, ?, ?, ?)
  ON CONFLICT (eventId, userId, role) DO UPDATE SET badgeToken = COALESCE(Membership.badgeToken, excluded.badgeToken),
    name = excluded.name, school = COALESCE(excluded.school, Membership.school), staffId = COALESCE(excluded.staffId, Membership.staffId)
  RETURNING id`;
// `created` counts people added to this PD day's roster, `updated` those already on it.
const ADVANCE = `UPDATE RosterImport SET done = ?, created = created + ?, updated = updated + ?, updatedAt = ?
  WHERE id = ? AND done = ? AND status = 'running'`;

export type JobRef = { id: string; eventId: string };

/** Open the worker's own connection: WAL like the server's, and it may wait for the write lock (it is not the event loop). */
export function openConnection(file: string) {
  const sqlite = new Database(file, { timeout: 5000 });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

export type StartRequest = { eventId: string; actorId: string; uploadId: string; mapping: RosterMapping };

/**
 * Check a pending upload's rows against the column matching and store the job (the
 * valid people, the rows that were not). The upload goes once its job exists.
 * Throws RuleError for a matching the file cannot satisfy.
 */
export function createJob(sqlite: Database.Database, request: StartRequest) {
  const upload = sqlite
    .prepare("SELECT csv FROM RosterUpload WHERE id = ? AND eventId = ? AND createdById = ?")
    .get(request.uploadId, request.eventId, request.actorId) as { csv: string } | undefined;
  if (!upload) return null;
  const { good, errors } = validateRoster(upload.csv, request.mapping);
  const id = crypto.randomUUID();
  const now = toDbTime(new Date());
  sqlite
    .transaction(() => {
      sqlite
        .prepare(
          "INSERT INTO RosterImport (id, eventId, createdById, status, total, people, errors, createdAt, updatedAt) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?)",
        )
        .run(id, request.eventId, request.actorId, good.length, JSON.stringify(good), JSON.stringify(errors), now, now);
      sqlite.prepare("DELETE FROM RosterUpload WHERE id = ?").run(request.uploadId);
    })
    .immediate();
  return { id, eventId: request.eventId, people: good };
}

class LostRace extends Error {}

/**
 * Up to CHUNK people (fewer if they take longer than CHUNK_MS), all or nothing;
 * returns how many went in, 0 if another worker advanced the job first.
 */
export function importChunk(sqlite: Database.Database, job: JobRef, from: number, people: PersonInput[]) {
  const upsertUser = sqlite.prepare(UPSERT_USER);
  const upsertAttendee = sqlite.prepare(UPSERT_ATTENDEE);
  const now = toDbTime(new Date());
  let added = 0;
  let taken = 0;
  const run = sqlite.transaction(() => {
    const started = performance.now();
    for (const person of people) {
      if (taken > 0 && performance.now() - started > CHUNK_MS) break;
      taken++;
      const userId = crypto.randomUUID();
      const user = upsertUser.get(userId, person.email, person.name, now, now) as { id: string };
      const membershipId = crypto.randomUUID();
      const day = [person.name, person.school || null, person.staffId || null];
      const membership = upsertAttendee.get(membershipId, job.eventId, user.id, newBadgeToken(), ...day, now) as {
        id: string;
      };
      if (membership.id === membershipId) added++;
    }
    const advanced = sqlite.prepare(ADVANCE).run(from + taken, added, taken - added, now, job.id, from);
    // Someone else imported these rows meanwhile: undo ours (the upserts changed nothing new anyway).
    if (advanced.changes !== 1) throw new LostRace();
  });
  try {
    run.immediate();
    return taken;
  } catch (error) {
    if (error instanceof LostRace) return 0;
    throw error;
  }
}

/** The job is done: its status and the audit entry, together. */
function finish(sqlite: Database.Database, job: JobRef & { createdById: string | null }) {
  sqlite
    .transaction(() => {
      const flipped = sqlite
        .prepare("UPDATE RosterImport SET status = 'done', updatedAt = ? WHERE id = ? AND status = 'running'")
        .run(toDbTime(new Date()), job.id);
      if (flipped.changes !== 1) return;
      const final = sqlite.prepare("SELECT created, updated, errors FROM RosterImport WHERE id = ?").get(job.id) as {
        created: number;
        updated: number;
        errors: string;
      };
      const detail = {
        created: final.created,
        updated: final.updated,
        rejected: (JSON.parse(final.errors) as RosterRowError[]).length,
      };
      sqlite
        .prepare(
          "INSERT INTO AuditLog (id, eventId, actorId, action, entity, entityId, detail, createdAt) VALUES (?, ?, ?, 'roster.imported', 'Event', ?, ?, ?)",
        )
        .run(
          crypto.randomUUID(),
          job.eventId,
          job.createdById,
          job.eventId,
          JSON.stringify(detail),
          toDbTime(new Date()),
        );
    })
    .immediate();
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, PAUSE_MS));

/** Import the rest of a job, chunk by chunk, from where it stands (`known`: the people, when this thread just checked them). */
export async function runJob(sqlite: Database.Database, jobId: string, known?: PersonInput[]) {
  const job = sqlite
    .prepare("SELECT id, eventId, createdById, done, people, status FROM RosterImport WHERE id = ?")
    .get(jobId) as
    | { id: string; eventId: string; createdById: string | null; done: number; people: string; status: string }
    | undefined;
  if (!job || job.status !== "running") return;
  const people = known ?? (JSON.parse(job.people) as PersonInput[]);
  let done = job.done;
  while (done < people.length) {
    const taken = importChunk(sqlite, job, done, people.slice(done, done + CHUNK));
    if (taken === 0) return;
    done += taken;
    await pause();
  }
  finish(sqlite, job);
}
