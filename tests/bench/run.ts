// `npm run bench`: Dropin on the morning of a PD day, measured. Seeds the large
// event (npm run seed:large) into a scratch database, starts the production
// server on loopback and loads it with autocannon, then prints one table:
// each figure, its target, and its ratio to a physical limit measured on this
// machine in this run (raw SQLite transactions; plain Node serving a 6 KB page).
//   BENCH_DURATION=10 (seconds per load) BENCH_PORT=3290 npm run bench
//   BENCH_SKIP_IMPORT=1 leaves out the roster-import run at the end.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import type autocannon from "autocannon";
import Database from "better-sqlite3";
import { attendeePageRows, measureAttendeePages, type BenchRow } from "./attendee-pages";
import {
  combine,
  load,
  rawSqliteTransactions,
  signedInCookie,
  startDropin,
  staticNodeServer,
  waitForHealth,
  type Load,
} from "./bench-support";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const DIR = `tests/.tmp/bench-${PORT}`;
const DB_FILE = `${DIR}/large.db`;
const BASE = `http://127.0.0.1:${PORT}`;
// Phones always ask for compressed pages.
const PHONE = { "accept-encoding": "gzip, br", "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)" };

type Row = BenchRow;

function ms(n: number) {
  return `${n.toFixed(1)} ms`;
}

function seedLarge() {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const seeded = spawnSync(process.execPath, ["./node_modules/tsx/dist/cli.mjs", "app/cli/seed-large.ts"], {
    env: { ...process.env, DATABASE_URL: `file:./${DB_FILE}`, SESSION_SECRET: "bench-only-secret-bench-only-secret" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (seeded.status !== 0) throw new Error("npm run seed:large failed");
}

async function main() {
  console.log("Seeding the large PD day…");
  seedLarge();
  const secret = crypto.randomBytes(32).toString("hex");
  const sqlite = new Database(DB_FILE);
  sqlite.pragma("busy_timeout = 5000");
  const event = sqlite.prepare("SELECT id FROM Event WHERE slug = 'large'").get() as { id: string };
  const coordinator = sqlite
    .prepare("SELECT userId FROM Membership WHERE eventId = ? AND role = 'coordinator'")
    .get(event.id) as { userId: string };
  // The attendee with the most picks: their pages show the most of them. Among those, one
  // who was in a session, so their credit page's part has a line to work out.
  const attendee = sqlite
    .prepare(
      "SELECT m.userId FROM Membership m JOIN Pick p ON p.userId = m.userId AND p.eventId = m.eventId WHERE m.eventId = ? AND m.role = 'attendee' AND EXISTS (SELECT 1 FROM RoomVisit v WHERE v.eventId = m.eventId AND v.userId = m.userId AND v.placementId IS NOT NULL) GROUP BY m.userId ORDER BY COUNT(*) DESC LIMIT 1",
    )
    .get(event.id) as { userId: string };
  const tokens = (
    sqlite.prepare("SELECT badgeToken FROM Membership WHERE eventId = ? AND role = 'attendee'").all(event.id) as Array<{
      badgeToken: string;
    }>
  ).map((r) => r.badgeToken);
  const coordinatorCookie = await signedInCookie(sqlite, coordinator.userId, secret);
  const attendeeCookie = await signedInCookie(sqlite, attendee.userId, secret);
  // The morning starts with nobody in: every badge's first scan is a new row.
  sqlite.prepare("DELETE FROM DoorCheckIn WHERE eventId = ?").run(event.id);
  // Closed while the server starts: `prisma migrate deploy` wants the file to itself.
  sqlite.close();

  console.log("Measuring the physical limits…");
  const rawTx = rawSqliteTransactions(DIR);
  const staticPage = await staticNodeServer(PORT + 1, 100, DURATION);

  console.log("Starting Dropin (production build; builds first if stale)…");
  const server = startDropin({ port: PORT, databaseUrl: `file:./${DB_FILE}`, sessionSecret: secret });
  const results: Record<string, Load> = {};
  let attendeePages: Awaited<ReturnType<typeof measureAttendeePages>> | undefined;
  try {
    await waitForHealth(`${BASE}/healthz`, server.child);
    const scan = (token: () => string): autocannon.Request[] => [
      {
        method: "POST",
        headers: { "content-type": "application/json", cookie: coordinatorCookie, ...server.origin },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            scans: [{ clientId: crypto.randomUUID(), token: token(), scannedAt: new Date().toISOString() }],
          }),
        }),
      },
    ];

    // Every measured scan is a first arrival and writes a row: the 5,000 badges are
    // scanned once, the check-ins are cleared, and again — three rounds after a
    // warm-up round, so 15,000 first scans on a warm server.
    const url = `${BASE}/events/large/kiosk/sync`;
    const writer = new Database(DB_FILE);
    writer.pragma("busy_timeout = 5000");
    const clear = () => writer.prepare("DELETE FROM DoorCheckIn WHERE eventId = ?").run(event.id);
    const round = () => {
      let next = 0;
      return load({ url, connections: 100, amount: tokens.length, warmup: 0, requests: scan(() => tokens[next++]!) });
    };
    console.log("Door check-ins (POST /events/large/kiosk/sync, one scan per request, 100 kiosks)…");
    await round();
    const rounds: Load[] = [];
    for (let i = 0; i < 3; i++) {
      clear();
      rounds.push(await round());
    }
    results.checkin = combine(rounds);
    const rows = writer.prepare("SELECT COUNT(*) AS n FROM DoorCheckIn WHERE eventId = ?").get(event.id) as {
      n: number;
    };
    writer.close();
    console.log(`  ${rows.n} people checked in by the last round; ${results.checkin.requests} first scans measured`);
    let next = 0;
    console.log('Repeat scans (the same badges again: answered "already checked in")…');
    results.repeat = await load({
      url,
      connections: 100,
      duration: DURATION,
      warmup: 0,
      requests: scan(() => tokens[next++ % tokens.length]!),
    });

    console.log("Attendee schedule page, anonymous (GET /e/large, 100 and 10 phones)…");
    results.page100 = await load({ url: `${BASE}/e/large`, connections: 100, duration: DURATION, headers: PHONE });
    results.page10 = await load({ url: `${BASE}/e/large`, connections: 10, duration: DURATION, headers: PHONE });
    console.log("Attendee schedule page, signed in (stored render per kind of viewer, 10 phones)…");
    results.pageSignedIn = await load({
      url: `${BASE}/e/large`,
      connections: 10,
      duration: DURATION,
      headers: { ...PHONE, cookie: attendeeCookie },
    });
    attendeePages = await measureAttendeePages(BASE, attendeeCookie, DURATION);
    console.log("Coordinator grid page (GET /events/large/grid, one coordinator)…");
    results.grid = await load({
      url: `${BASE}/events/large/grid`,
      connections: 1,
      duration: DURATION,
      headers: { cookie: coordinatorCookie },
    });
    // The reference: a small coordinator page on the same server (sign-in check, layout, six
    // blocks), so the ratio is the grid's own cost over what any coordinator page costs here now.
    console.log("Coordinator time-blocks page (GET /events/large/blocks, the grid's reference)…");
    results.blocksPage = await load({
      url: `${BASE}/events/large/blocks`,
      connections: 1,
      duration: DURATION,
      headers: { cookie: coordinatorCookie },
    });
  } finally {
    server.stop();
  }

  const { checkin, repeat, page100, page10, pageSignedIn, grid, blocksPage } = results as Record<string, Load>;
  const table: Row[] = [
    {
      what: "Raw SQLite single-row transactions (WAL, NORMAL)",
      figure: `${rawTx.toFixed(0)} tx/s`,
      target: "reference",
      ok: null,
      reference: "—",
      ratio: "1",
    },
    {
      what: "Plain Node, 6 KB page, 100 concurrent",
      figure: `${staticPage.rps.toFixed(0)} req/s, p95 ${ms(staticPage.p95)}`,
      target: "reference",
      ok: null,
      reference: "—",
      ratio: "1",
    },
    {
      what: "Door check-in, first scans (each writes), 100 concurrent",
      figure: `${checkin!.rps.toFixed(0)} /s, p99 ${ms(checkin!.p99)}`,
      target: "≥ 3,000/s, p99 ≤ 100 ms",
      ok: checkin!.rps >= 3000 && checkin!.p99 <= 100 && checkin!.non2xx === 0,
      reference: "raw SQLite tx/s",
      ratio: (checkin!.rps / rawTx).toFixed(3),
    },
    {
      what: "Repeat scans (already checked in), 100 concurrent",
      figure: `${repeat!.rps.toFixed(0)} /s, p99 ${ms(repeat!.p99)}`,
      target: "no target (reported)",
      ok: null,
      reference: "raw SQLite tx/s",
      ratio: (repeat!.rps / rawTx).toFixed(3),
    },
    {
      what: "Attendee schedule page (anonymous), 100 concurrent",
      figure: `${page100!.rps.toFixed(0)} req/s, p95 ${ms(page100!.p95)}`,
      target: "≥ 1,500 req/s, p95 ≤ 100 ms",
      ok: page100!.rps >= 1500 && page100!.p95 <= 100 && page100!.non2xx === 0,
      reference: "plain Node req/s",
      ratio: (page100!.rps / staticPage.rps).toFixed(3),
    },
    {
      what: "Attendee schedule page (anonymous), 10 concurrent",
      figure: `${page10!.rps.toFixed(0)} req/s, p95 ${ms(page10!.p95)}`,
      target: "p95 ≤ 15 ms",
      ok: page10!.p95 <= 15 && page10!.non2xx === 0,
      reference: "plain Node p95",
      ratio: (page10!.p95 / Math.max(staticPage.p95, 0.001)).toFixed(1),
    },
    ...attendeePageRows(page10!, pageSignedIn!, attendeePages!),
    {
      what: "Coordinator time-blocks page, large event, 1 client",
      figure: `p50 ${ms(blocksPage!.p50)}, p95 ${ms(blocksPage!.p95)}`,
      target: "reference",
      ok: null,
      reference: "—",
      ratio: "1",
    },
    {
      what: "Coordinator grid page (60 rooms × 6 blocks, one room group shown), 1 client",
      figure: `p50 ${ms(grid!.p50)}, p95 ${ms(grid!.p95)}`,
      target: "< 50 ms (p95)",
      ok: grid!.p95 < 50 && grid!.non2xx === 0,
      reference: "time-blocks page p95",
      ratio: (grid!.p95 / Math.max(blocksPage!.p95, 0.001)).toFixed(1),
    },
  ];
  console.log(
    `\nDropin benchmark · ${new Date().toISOString()} · ${DURATION} s per load · large event: 5,000 attendees, 300 sessions\n`,
  );
  console.table(
    table.map((r) => ({
      measure: r.what,
      result: r.figure,
      target: r.target,
      met: r.ok === null ? "" : r.ok ? "yes" : "NO",
      "ratio to": r.reference,
      ratio: r.ratio,
    })),
  );
  const errors = Object.entries(results).filter(([, r]) => r.errors > 0 || r.non2xx > 0);
  for (const [name, r] of [
    ...errors,
    ...Object.entries(attendeePages!.pages).filter(([, r]) => r.errors > 0 || r.non2xx > 0),
  ])
    console.log(`! ${name}: ${r.errors} errors/timeouts, ${r.non2xx} non-2xx answers`);

  // Door check-ins during a 20,000-row roster import: its own server on its own scratch database.
  if (process.env.BENCH_SKIP_IMPORT === "1") return;
  console.log("\nCheck-ins during a roster import (npm run bench:import)…");
  const importBench = spawnSync(
    process.execPath,
    ["./node_modules/tsx/dist/cli.mjs", "tests/bench/import-checkin.bench.ts"],
    {
      env: { ...process.env, BENCH_PORT: String(PORT + 5) },
      stdio: "inherit",
    },
  );
  if (importBench.status !== 0) process.exitCode = 1;

  // Forming follow-up circles for 5,000 people: pure computation, no server.
  console.log("\nForming circles for 5,000 people (npm run bench:circles)…");
  const circlesBench = spawnSync(
    process.execPath,
    ["./node_modules/tsx/dist/cli.mjs", "tests/bench/circles-forming.bench.ts"],
    { stdio: "inherit" },
  );
  if (circlesBench.status !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
