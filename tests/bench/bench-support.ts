// Pieces of `npm run bench`: start Dropin's production server on a scratch
// database, sign a session cookie, run autocannon with exact percentiles, and
// measure the physical-limit references on the same machine in the same run.
import { fork, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { sameOrigin } from "../support/same-origin";
import { sessionCookie } from "../support/session-cookie";
import { toDbTime } from "../../app/utils/db-time";

export type Load = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  seconds: number;
  times: number[];
};

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Several runs as one: total rate over total time, percentiles over every answer. */
export function combine(runs: Load[]): Load {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  return {
    rps: requests / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    seconds,
    times,
  };
}

/**
 * autocannon reports p97.5 and p99 but not p95, so every response time is kept
 * and the percentiles are exact. A short warm-up run comes first and is thrown away.
 */
export async function load(options: autocannon.Options & { warmup?: number }): Promise<Load> {
  const { warmup = 2, ...rest } = options;
  if (warmup > 0) await autocannon({ ...rest, duration: warmup, requests: undefined });
  const times: number[] = [];
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(rest, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, ms) => {
      times.push(ms);
      last = performance.now();
    });
  });
  times.sort((a, b) => a - b);
  // autocannon ends a fixed-`amount` run on its next one-second tick, so the run's
  // real length is up to the last answer, timed here.
  const seconds = rest.amount ? (last - started) / 1000 : ((rest.duration as number | undefined) ?? 10);
  return {
    rps: result.requests.total / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    seconds,
    times,
  };
}

export async function waitForHealth(url: string, child: ChildProcess) {
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before answering ${url}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No answer from ${url}`);
}

/** `npm start` on a given database: migrate, build if stale, serve. Its own process group, so stop() ends tsx's child too. */
export function startDropin({
  port,
  databaseUrl,
  sessionSecret,
  env = {},
}: {
  port: number;
  databaseUrl: string;
  sessionSecret: string;
  env?: Record<string, string>;
}) {
  const appUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["./node_modules/tsx/dist/cli.mjs", "server/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: sessionSecret,
      SEED_DEMO: "false",
      NODE_ENV: "production",
      APP_URL: appUrl,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return {
    child,
    /** The Origin a browser on Dropin's pages sends with a write: every POST the bench makes carries it. */
    origin: sameOrigin(appUrl),
    stop() {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    },
  };
}

/** A session row plus the signed cookie the app would set after sign-in. */
export async function signedInCookie(sqlite: Database.Database, userId: string, secret: string) {
  const id = crypto.randomUUID();
  sqlite
    .prepare("INSERT INTO Session (id, userId, expiresAt, createdAt) VALUES (?, ?, ?, ?)")
    .run(id, userId, toDbTime(new Date(Date.now() + 86_400_000)), toDbTime(new Date()));
  return sessionCookie(id, secret);
}

/** Physical limit 1: single-row write transactions straight through better-sqlite3, Dropin's pragmas, same disk. */
export function rawSqliteTransactions(dir: string, rows = 50_000) {
  const file = path.join(dir, "raw.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec(
    "CREATE TABLE t (id TEXT PRIMARY KEY, eventId TEXT, userId TEXT, checkedInAt TEXT, UNIQUE(eventId, userId))",
  );
  const insert = sqlite.prepare("INSERT INTO t (id, eventId, userId, checkedInAt) VALUES (?, 'e', ?, ?)");
  const started = performance.now();
  for (let i = 0; i < rows; i++) insert.run(crypto.randomUUID(), `u${i}`, new Date().toISOString());
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return rows / seconds;
}

/** Physical limit 2: a plain node:http server answering a 6 KB page from memory, in its own process, under the same load tool. */
export async function staticNodeServer(port: number, connections: number, duration: number) {
  const child = fork("tests/bench/static-reference-server.ts", {
    env: { ...process.env, PORT: String(port) },
    execArgv: ["--import", "tsx"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`static reference server exited (${code})`)));
  });
  try {
    return await load({ url: `http://127.0.0.1:${port}/`, connections, duration });
  } finally {
    child.kill();
  }
}
