// Crash safety: kiosks check people in as fast as they can, the server is killed
// with SIGKILL mid-load (no shutdown, no checkpoint), and after a restart every
// check-in the server acknowledged is still there and the file passes
// PRAGMA integrity_check. Runs its own server on E2E_PORT + 4 with its own file.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sameOrigin } from "../support/same-origin";
import { expect, test } from "./support";
import { sessionCookie } from "../support/session-cookie";
import { spawnServer, TEST_SESSION_SECRET, newDatabase, type SpawnedServer } from "./spawn-server";
import { toDbTime } from "../../app/utils/db-time";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const DB_FILE = `tests/.tmp/e2e-${PORT}/crash.db`;
const ATTENDEES = 600;
const KILL_AFTER_ACKS = 300;
const IN_FLIGHT = 32;

/** A live PD day, its door volunteer (a coordinator) signed in, and the attendees' badge tokens. */
function seed(file: string) {
  const db = new Database(file, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  const now = toDbTime(new Date());
  const eventId = crypto.randomUUID();
  const slug = `crash-day-${eventId.slice(0, 8)}`;
  const volunteerId = crypto.randomUUID();
  const sessionId = crypto.randomUUID();
  const tokens: string[] = [];
  db.transaction(() => {
    db.prepare(
      `INSERT INTO Event (id, slug, name, date, startTime, endTime, timeZone, status, doorsOpenAt, updatedAt) VALUES (?, ?, 'Crash Test PD Day', '2027-03-06', '08:00', '15:00', 'America/Chicago', 'live', '2000-01-01T00:00', ?)`,
    ).run(eventId, slug, now);
    const user = db.prepare(
      `INSERT INTO User (id, email, name, school, updatedAt) VALUES (?, ?, ?, 'Lincoln Elementary', ?)`,
    );
    const member = db.prepare(`INSERT INTO Membership (id, eventId, userId, role, badgeToken) VALUES (?, ?, ?, ?, ?)`);
    user.run(volunteerId, `door.${slug}@springfield.k12.test`, "Dana Door", now);
    member.run(crypto.randomUUID(), eventId, volunteerId, "coordinator", null);
    db.prepare(`INSERT INTO Session (id, userId, expiresAt) VALUES (?, ?, ?)`).run(
      sessionId,
      volunteerId,
      toDbTime(new Date(Date.now() + 86_400_000)),
    );
    for (let i = 0; i < ATTENDEES; i++) {
      const userId = crypto.randomUUID();
      const token = crypto.randomBytes(16).toString("base64url");
      user.run(userId, `teacher${i}.${slug}@springfield.k12.test`, `Teacher ${i}`, now);
      member.run(crypto.randomUUID(), eventId, userId, "attendee", token);
      tokens.push(token);
    }
  })();
  db.close();
  return { eventId, slug, sessionId, tokens };
}

type Scan = { clientId: string; token: string; scannedAt: string };

async function sync(url: string, slug: string, cookie: string, scan: Scan) {
  const response = await fetch(`${url}/events/${slug}/kiosk/sync`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...sameOrigin(url) },
    body: JSON.stringify({ scans: [scan] }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { results: { clientId: string; status: string }[] },
  };
}

test.describe("crash safety", () => {
  test.describe.configure({ timeout: 120_000 });
  let server: SpawnedServer | undefined;
  test.afterEach(async () => {
    await server?.kill();
  });

  test("SIGKILL during check-in load loses no acknowledged check-in and leaves an intact database", async () => {
    test.setTimeout(120_000); // two server starts and a load run: 24 s on a quiet machine (2026-12-02)
    fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
    newDatabase(DB_FILE);
    server = await spawnServer({ port: PORT, databaseFile: DB_FILE });
    const { eventId, slug, sessionId, tokens } = seed(DB_FILE);
    const cookie = await sessionCookie(sessionId, TEST_SESSION_SECRET);

    const scans: Scan[] = tokens.map((token) => ({
      clientId: crypto.randomUUID(),
      token,
      scannedAt: new Date().toISOString(),
    }));
    const acked = new Map<string, Scan>();
    let next = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    let failedAfterKill = 0;
    let killing: Promise<void> | undefined;
    const running = server;
    const worker = async () => {
      while (next < scans.length && !killing) {
        const scan = scans[next++]!;
        inFlight++;
        try {
          const answer = await sync(running.url, slug, cookie, scan);
          // Acknowledged: the kiosk would now drop the scan from its offline queue.
          if (answer.status === 200 && answer.body.results[0]?.status === "checked_in") acked.set(scan.clientId, scan);
          else if (!killing)
            throw new Error(`Unexpected answer before the kill: ${answer.status} ${JSON.stringify(answer.body)}`);
        } catch (error) {
          if (!killing) throw error;
          failedAfterKill++;
        } finally {
          inFlight--;
        }
        if (acked.size >= KILL_AFTER_ACKS && !killing) {
          inFlightAtKill = inFlight;
          killing = running.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await killing;
    expect(killing, "the load should have reached the kill point").toBeDefined();
    expect(inFlightAtKill, "requests were in flight when the server died").toBeGreaterThan(0);

    server = await spawnServer({ port: PORT, databaseFile: DB_FILE });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: "reachable" });

    const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = db.prepare("SELECT clientId, userId FROM DoorCheckIn WHERE eventId = ?").all(eventId) as {
        clientId: string;
        userId: string;
      }[];
      const storedIds = new Set(stored.map((row) => row.clientId));
      const missing = [...acked.keys()].filter((id) => !storedIds.has(id));
      test.info().annotations.push({
        type: "crash",
        description: `${acked.size} check-ins acknowledged before SIGKILL with ${inFlightAtKill} requests in flight; ${failedAfterKill} requests failed with the server; ${stored.length} rows after restart; ${missing.length} acknowledged missing`,
      });
      console.log(`[crash-safety] ${test.info().annotations.at(-1)!.description}`);
      expect(missing).toEqual([]);
      expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      // Unacknowledged ones may or may not have landed, but never twice.
      expect(new Set(stored.map((row) => row.userId)).size).toBe(stored.length);
      expect(stored.length).toBeLessThan(scans.length);

      // The kiosk resends an acknowledged scan (its ack was lost): answered from the stored row, no second row.
      const [replayed] = [...acked.values()];
      const again = await sync(server.url, slug, cookie, replayed!);
      expect(again.status).toBe(200);
      expect(again.body.results[0]).toMatchObject({ clientId: replayed!.clientId, status: "checked_in" });
      // The same badge scanned anew at another kiosk: already in.
      const rescan = await sync(server.url, slug, cookie, { ...replayed!, clientId: crypto.randomUUID() });
      expect(rescan.body.results[0]).toMatchObject({ status: "already" });
      const count = db.prepare("SELECT COUNT(*) FROM DoorCheckIn WHERE eventId = ?").pluck().get(eventId);
      expect(count).toBe(stored.length);

      // And the restarted server keeps checking people in.
      const unscanned = scans.find((scan) => !storedIds.has(scan.clientId))!;
      const fresh = await sync(server.url, slug, cookie, { ...unscanned, clientId: crypto.randomUUID() });
      expect(fresh.body.results[0]).toMatchObject({ status: "checked_in" });
    } finally {
      db.close();
    }
    await server.stop();
    server = undefined;
    const after = new Database(DB_FILE, { readonly: true, fileMustExist: true });
    try {
      expect(after.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      after.close();
    }
  });
});
