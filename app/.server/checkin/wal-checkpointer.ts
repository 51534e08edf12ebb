// While a roster import runs, SQLite's automatic checkpoint moved onto a worker thread.
// Measured with DROPIN_LOOP_TRACE=1 in `npm run bench:import`: a 250-row chunk's
// statements took ~10 ms but its COMMIT 40-100 ms, because once the WAL passes
// 1,000 pages every commit on the direct connection also copies pages back into
// the database file and syncs it, on the event loop the door's check-ins share.
// So for the import's duration that connection's automatic checkpoint is off and a
// worker with its own connection runs PASSIVE checkpoints (which never wait for
// readers or writers) a few times a second. Counted, so overlapping imports share one.
import { Worker } from "node:worker_threads";
import { sqlite } from "~/utils/sqlite.server";

const EVERY_MS = 200;
/** SQLite's default, restored when the last import ends. */
const AUTOCHECKPOINT_PAGES = 1000;

// Plain JS evaluated in the worker: the app's bundle cannot be loaded there.
const SOURCE = `
const Database = require("better-sqlite3");
const { workerData } = require("node:worker_threads");
const db = new Database(workerData.file, { timeout: 0 });
const checkpoint = () => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch { /* busy: the next turn tries again */ }
};
setInterval(checkpoint, workerData.every);
`;

let users = 0;
let worker: Worker | null = null;

/** Start checkpointing off the event loop; call the returned function when the import is done. */
export function checkpointInBackground() {
  if (users++ === 0) {
    sqlite().pragma("wal_autocheckpoint = 0");
    worker = new Worker(SOURCE, { eval: true, workerData: { file: sqlite().name, every: EVERY_MS } });
    worker.unref();
    // A worker that cannot open the file costs the speed-up, never the import.
    worker.on("error", (error) => console.error("WAL checkpoint worker stopped", error));
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--users > 0) return;
    void worker?.terminate();
    worker = null;
    sqlite().pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
}
