// The roster import runs as a job in small transactions: progress is stored, a
// stopped import carries on from where it was, and nothing is ever added twice.
import { beforeAll, expect, test } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { sqlite } from "~/utils/sqlite.server";
import {
  importRoster,
  rosterImportProgress,
  startRosterImport,
  storeRosterUpload,
  warmImportThread,
} from "./roster-import";
import { CHUNK, importChunk } from "./roster-import-job";

// The import runs on its own thread, whose first start loads its modules: not part of any one test.
beforeAll(() => warmImportThread(), 60_000);

const MAPPING = { name: "Full name", lastName: "", email: "Email", school: "School", staffId: "" };

/** What the page does: keep the file, then import it with the column matching. */
async function start(coordinatorId: string, eventId: string, csv: string) {
  const uploadId = await storeRosterUpload(coordinatorId, eventId, "roster.csv", csv);
  return startRosterImport(coordinatorId, eventId, uploadId, MAPPING);
}

async function setup() {
  const event = await createEvent();
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

function roster(count: number, tag: string) {
  const lines = ["Full name,Email,School"];
  for (let i = 1; i <= count; i++) lines.push(`Teacher ${i},t${i}.${tag}@springfield.k12.us,School ${i % 5}`);
  return lines.join("\n");
}

async function finished(coordinatorId: string, eventId: string, jobId: string) {
  for (;;) {
    const progress = await rosterImportProgress(coordinatorId, eventId, jobId);
    if (progress.status === "done") return progress;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test("a 600-row import goes in small chunks and reports rows done of total", async () => {
  const { event, coordinator } = await setup();
  const job = await start(coordinator.id, event.id, roster(600, "a"));
  const seen = new Set<number>();
  for (;;) {
    const progress = await rosterImportProgress(coordinator.id, event.id, job.id);
    seen.add(progress.done);
    expect(progress.total).toBe(600);
    if (progress.status === "done") break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Progress only moves forward, a chunk (at most CHUNK rows) at a time.
  const steps = [...seen].sort((a, b) => a - b);
  expect(steps.every((done, i) => i === 0 || done - steps[i - 1]! <= 600)).toBe(true);
  expect(steps.at(-1)).toBe(600);
  expect(await db.membership.count({ where: { eventId: event.id, role: "attendee" } })).toBe(600);
  const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "roster.imported" } });
  expect(JSON.parse(audit.detail)).toEqual({ created: 600, updated: 0, rejected: 0 });
});

test("an import stopped after its first chunk (a restart) resumes from there, without doubles", async () => {
  const { event, coordinator } = await setup();
  const csv = roster(600, "b");
  const job = await start(coordinator.id, event.id, csv);
  await finished(coordinator.id, event.id, job.id);
  const tokens = await db.membership.findMany({
    where: { eventId: event.id, role: "attendee" },
    select: { userId: true, badgeToken: true },
  });
  // As the row stands if the server died after the first chunk: running, stale, 250 done.
  await db.rosterImport.update({
    where: { id: job.id },
    data: { status: "running", done: CHUNK, updatedAt: new Date(Date.now() - 60_000) },
  });

  const resumed = await rosterImportProgress(coordinator.id, event.id, job.id);
  expect(resumed).toMatchObject({ status: "running", done: CHUNK, total: 600 });
  await finished(coordinator.id, event.id, job.id);

  expect(await db.membership.count({ where: { eventId: event.id, role: "attendee" } })).toBe(600);
  expect(await db.user.count({ where: { email: { endsWith: ".b@springfield.k12.us" } } })).toBe(600);
  // Badges already printed stay valid.
  const after = await db.membership.findMany({
    where: { eventId: event.id, role: "attendee" },
    select: { userId: true, badgeToken: true },
  });
  expect(new Map(after.map((m) => [m.userId, m.badgeToken]))).toEqual(
    new Map(tokens.map((m) => [m.userId, m.badgeToken])),
  );
});

test("a second worker that read the job at 0 after another imported the first chunk adds nothing", async () => {
  const { event, coordinator } = await setup();
  const job = await start(coordinator.id, event.id, roster(300, "c"));
  await finished(coordinator.id, event.id, job.id);
  const people = [{ name: "Late Copy", email: "late.copy.c@springfield.k12.us", school: "", staffId: "" }];
  await db.rosterImport.update({ where: { id: job.id }, data: { status: "running" } });
  // The job stands at 300; a chunk "from 0" is refused and rolled back whole.
  expect(importChunk(sqlite(), { id: job.id, eventId: event.id }, 0, people)).toBe(0);
  expect(await db.user.count({ where: { email: "late.copy.c@springfield.k12.us" } })).toBe(0);
  expect(await db.rosterImport.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
    done: 300,
    created: 300,
    updated: 0,
  });
});

test("importing the same file twice updates the same people", async () => {
  const { event, coordinator } = await setup();
  const csv = roster(300, "d");
  expect(await importRoster(coordinator.id, event.id, csv, MAPPING)).toMatchObject({ created: 300, updated: 0 });
  expect(await importRoster(coordinator.id, event.id, csv, MAPPING)).toMatchObject({ created: 0, updated: 300 });
  expect(await db.membership.count({ where: { eventId: event.id, role: "attendee" } })).toBe(300);
});

test("only the PD day's coordinators see an import's progress", async () => {
  const { event, coordinator } = await setup();
  const job = await start(coordinator.id, event.id, roster(3, "e"));
  const stranger = await createUser();
  await expect(rosterImportProgress(stranger.id, event.id, job.id)).rejects.toThrow();
  await finished(coordinator.id, event.id, job.id);
});

test("while an import runs the database is checkpointed off the event loop, and afterwards as before", async () => {
  const { event, coordinator } = await setup();
  const job = await start(coordinator.id, event.id, roster(600, "wal"));
  // Mid-import: the direct connection leaves checkpoints to the worker thread.
  expect(sqlite().pragma("wal_autocheckpoint", { simple: true })).toBe(0);
  const done = await finished(coordinator.id, event.id, job.id);
  expect(done.done).toBe(600);
  // A file with a header and no rows (the sliced parser's corner) imports nothing, and
  // once no import runs (importRoster waits for its worker) SQLite's default is back.
  const empty = await importRoster(coordinator.id, event.id, "Full name,Email,School\n", MAPPING);
  expect(empty.imported).toBe(0);
  expect(empty.errors).toEqual([]);
  expect(sqlite().pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
});
