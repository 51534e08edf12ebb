// Lighthouse on a simulated slow phone (Lighthouse's default mobile emulation and
// simulated slow 4G) for the attendee pages, against the production build on a
// fresh demo-seeded database. A report, not a gate: prints the figures and exits
// 0 unless Lighthouse itself could not run.
// Run after a build: npm run bench:attendee-lighthouse  (DROPIN_BUILD_DIR to pick the build)
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(origin: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Dropin did not answer ${origin}/healthz within ${timeoutMs / 1000}s`);
}

const port = await freePort();
const origin = `http://localhost:${port}`;
const dir = `tests/.tmp/lighthouse-${port}`;
fs.mkdirSync(dir, { recursive: true });
const server = spawn(process.execPath, ["./node_modules/tsx/dist/cli.mjs", "tests/e2e/serve.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:./${dir}/demo.db`,
    SEED_DEMO: "true",
    APP_URL: origin,
    NODE_ENV: "production",
    DROPIN_SKIP_BUILD: "1",
    DROPIN_BUILD_DIR: process.env.DROPIN_BUILD_DIR ?? "build",
  },
  // Its own process group, so the whole tree (tsx and the app) goes at the end.
  detached: true,
  stdio: ["ignore", "ignore", "inherit"],
});
const stopServer = () => {
  try {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopServer);

let chrome: chromeLauncher.LaunchedChrome | undefined;
let failed = false;
try {
  await waitForHealth(origin);
  const schedule = await (await fetch(`${origin}/e/demo`)).text();
  const sessionPath = /href="(\/e\/demo\/sessions\/[^"?#]+)"/.exec(schedule)?.[1];
  const pages = [
    { page: "schedule", path: "/e/demo" },
    ...(sessionPath ? [{ page: "session", path: sessionPath }] : []),
  ];

  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const rows = [];
  for (const { page, path } of pages) {
    // Defaults: a mid-range phone (Moto G Power), simulated slow 4G and 4x CPU slowdown.
    const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    if (!result || result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${result?.lhr.runtimeError?.message ?? "no result"}`);
    const { lhr } = result;
    const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    rows.push({
      page,
      path,
      performance: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
      "FCP ms": ms("first-contentful-paint"),
      "LCP ms": ms("largest-contentful-paint"),
      "TBT ms": ms("total-blocking-time"),
      CLS: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
      "transfer KB": Number(((lhr.audits["total-byte-weight"]?.numericValue ?? NaN) / 1024).toFixed(1)),
    });
  }
  console.log("Lighthouse, mobile emulation, simulated slow 4G:");
  console.table(rows);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await chrome?.kill();
  // The database goes only once the app has closed it (SQLite would recreate -wal files).
  const exited = new Promise((resolve) => server.once("exit", resolve));
  stopServer();
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
