// The roster import's thread. Parsing and checking a 20,000-row file and writing
// it in chunks took the server's event loop for seconds in all (door check-in p99
// 133-295 ms during an import even in 5 ms slices); here it shares nothing with
// the event loop but the database file. roster-import.ts talks to it by messages.
import { parentPort, workerData } from "node:worker_threads";
import { toDbTime } from "~/utils/db-time";
import { DomainError, RuleError } from "../errors";
import { createJob, openConnection, runJob, type StartRequest } from "./roster-import-job";
import { parseCsv, previewRoster } from "./roster-file";

export type WorkerRequest =
  | { kind: "store"; eventId: string; actorId: string; fileName: string; csv: string }
  | { kind: "preview"; eventId: string; actorId: string; uploadId: string }
  | ({ kind: "start" } & StartRequest)
  | { kind: "resume"; jobId: string }
  | { kind: "ready" };

export type WorkerMessage =
  | { kind: "answer"; requestId: number; value: unknown }
  | { kind: "refused"; requestId: number; message: string; field?: string }
  | { kind: "failed"; requestId: number; message: string }
  | { kind: "running"; jobId: string }
  | { kind: "finished"; jobId: string; error?: string };

const port = parentPort!;
const sqlite = openConnection((workerData as { file: string }).file);
const running = new Set<string>();
const send = (message: WorkerMessage) => port.postMessage(message);

function run(jobId: string, known?: Parameters<typeof runJob>[2]) {
  if (running.has(jobId)) return;
  running.add(jobId);
  send({ kind: "running", jobId });
  runJob(sqlite, jobId, known)
    .then(
      () => send({ kind: "finished", jobId }),
      (error: unknown) => send({ kind: "finished", jobId, error: String(error) }),
    )
    .finally(() => running.delete(jobId));
}

function store(request: Extract<WorkerRequest, { kind: "store" }>) {
  parseCsv(request.csv); // a file without a header row is refused before it is kept
  const id = crypto.randomUUID();
  const now = toDbTime(new Date());
  sqlite
    .transaction(() => {
      // One pending file per coordinator and PD day: choosing another replaces it.
      sqlite
        .prepare("DELETE FROM RosterUpload WHERE eventId = ? AND createdById = ?")
        .run(request.eventId, request.actorId);
      sqlite
        .prepare(
          "INSERT INTO RosterUpload (id, eventId, createdById, fileName, csv, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(id, request.eventId, request.actorId, request.fileName, request.csv, now);
    })
    .immediate();
  return id;
}

function preview(request: Extract<WorkerRequest, { kind: "preview" }>) {
  const upload = sqlite
    .prepare("SELECT fileName, csv FROM RosterUpload WHERE id = ? AND eventId = ? AND createdById = ?")
    .get(request.uploadId, request.eventId, request.actorId) as { fileName: string; csv: string } | undefined;
  return upload ? { id: request.uploadId, fileName: upload.fileName, ...previewRoster(upload.csv) } : null;
}

function answer(request: WorkerRequest) {
  switch (request.kind) {
    case "store":
      return store(request);
    case "preview":
      return preview(request);
    case "start": {
      const job = createJob(sqlite, request);
      if (job) run(job.id, job.people);
      return job ? job.id : null;
    }
    case "resume":
      run(request.jobId);
      return null;
    case "ready":
      return true;
  }
}

port.on("message", ({ requestId, request }: { requestId: number; request: WorkerRequest }) => {
  try {
    send({ kind: "answer", requestId, value: answer(request) });
  } catch (error) {
    if (error instanceof DomainError) {
      send({
        kind: "refused",
        requestId,
        message: error.message,
        field: error instanceof RuleError ? error.field : undefined,
      });
    } else {
      send({
        kind: "failed",
        requestId,
        message: String(error instanceof Error ? (error.stack ?? error.message) : error),
      });
    }
  }
});
