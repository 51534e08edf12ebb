// Door check-ins through the real HTTP endpoint the kiosk uses (POST
// /events/<slug>/kiosk/sync, one scan per request, as a kiosk on a good network
// sends them), with concurrent clients, next to raw SQLite single-row inserts
// measured in the same run on the same disk. Needs a production build first.
// Run: DROPIN_BUILD_DIR=build npx tsx tests/bench/checkin.bench.ts [requests] [concurrency]
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { createCookieSessionStorage } from "@remix-run/node";
import Database from "better-sqlite3";

const REQUESTS = Number(process.argv[2] ?? 1000);
const CONCURRENCY = Number(process.argv[3] ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3299);
const DIR = `tests/.tmp/bench-${PORT}`;
const DB_FILE = `${DIR}/bench.db`;

fs.mkdirSync(DIR, { recursive: true });

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitForHealth(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("Dropin did not start");
}

function rawInsertRate(rows: number) {
  const file = path.join(DIR, "raw.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const sqlite = new Database(file);
  // The same settings Dropin runs with (WAL, synchronous NORMAL).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("CREATE TABLE t (id TEXT PRIMARY KEY, eventId TEXT, userId TEXT, checkedInAt INTEGER, UNIQUE(eventId, userId))");
  const insert = sqlite.prepare("INSERT INTO t (id, eventId, userId, checkedInAt) VALUES (?, 'e', ?, ?)");
  const started = performance.now();
  for (let i = 0; i < rows; i++) insert.run(crypto.randomUUID(), `u${i}`, Date.now());
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return rows / seconds;
}

async function main() {
  const server = spawn(process.execPath, ["./node_modules/tsx/dist/cli.mjs", "tests/e2e/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: `file:./${DB_FILE}`,
      SEED_DEMO: "false",
      APP_URL: `http://localhost:${PORT}`,
      NODE_ENV: "production",
      DROPIN_SKIP_BUILD: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(`http://localhost:${PORT}/healthz`);
    const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${DB_FILE}`, timeout: 5000 }) });
    const coordinator = await prisma.user.create({ data: { email: "bench-coordinator@bench.test", name: "Bench Coordinator" } });
    const event = await prisma.event.create({
      data: {
        slug: "bench",
        name: "Bench Day",
        date: "2027-03-12",
        startTime: "08:00",
        endTime: "15:00",
        timeZone: "America/Chicago",
        memberships: { create: { userId: coordinator.id, role: "coordinator" } },
      },
    });
    const tokens: string[] = [];
    for (let i = 0; i < REQUESTS; i += 500) {
      const batch = Array.from({ length: Math.min(500, REQUESTS - i) }, (_, j) => ({
        id: `bench-user-${i + j}`,
        email: `bench-${i + j}@bench.test`,
        name: `Bench Person ${i + j}`,
      }));
      await prisma.user.createMany({ data: batch });
      const memberships = batch.map((u) => ({ eventId: event.id, userId: u.id, role: "attendee", badgeToken: crypto.randomBytes(16).toString("base64url") }));
      await prisma.membership.createMany({ data: memberships });
      tokens.push(...memberships.map((m) => m.badgeToken));
    }
    const session = await prisma.session.create({ data: { userId: coordinator.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const secret = fs.readFileSync(path.join(DIR, "session-secret"), "utf8").trim();
    const storage = createCookieSessionStorage({ cookie: { name: "__dropin_session", httpOnly: true, sameSite: "lax", path: "/", secrets: [secret] } });
    const cookieSession = await storage.getSession();
    cookieSession.set("sessionId", session.id);
    const cookie = (await storage.commitSession(cookieSession)).split(";")[0]!;

    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const url = `http://localhost:${PORT}/events/${event.slug}/kiosk/sync`;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < tokens.length) {
          const token = tokens[next++]!;
          const t0 = performance.now();
          const response = await fetch(url, {
            method: "POST",
            headers: { "Content-Type": "application/json", Cookie: cookie },
            body: JSON.stringify({ scans: [{ clientId: crypto.randomUUID(), token, scannedAt: new Date().toISOString() }] }),
          });
          const body = (await response.json()) as { results?: Array<{ status: string }> };
          if (!response.ok || body.results?.[0]?.status !== "checked_in") failures++;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const stored = await prisma.doorCheckIn.count({ where: { eventId: event.id } });
    await prisma.$disconnect();
    latencies.sort((a, b) => a - b);
    const raw = rawInsertRate(20_000);
    console.log(`Door check-ins over HTTP: ${REQUESTS} requests, ${CONCURRENCY} concurrent clients`);
    console.log(`  ${(REQUESTS / seconds).toFixed(0)} check-ins/s · p50 ${percentile(latencies, 50).toFixed(1)} ms · p99 ${percentile(latencies, 99).toFixed(1)} ms · failures ${failures} · rows stored ${stored}`);
    console.log(`Raw SQLite single-row inserts (WAL, synchronous=NORMAL, autocommit): ${raw.toFixed(0)} rows/s`);
    if (failures > 0 || stored !== REQUESTS) process.exitCode = 1;
  } finally {
    server.kill();
  }
}

await main();
