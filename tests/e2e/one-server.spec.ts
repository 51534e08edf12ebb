// One server: `npm start` serves the production build with each app module loaded
// once, and `npm run dev` runs the same Express server (guards, headers, hot path)
// with Vite in middleware mode. Both start their own server here (spawn-server.ts).
import fs from "node:fs";
import path from "node:path";
import { sameOrigin } from "../support/same-origin";
import { freePort, newDatabase, spawnServer } from "./spawn-server";
import { expect, test } from "./support";

const TMP = `tests/.tmp/e2e-${process.env.E2E_PORT ?? 3100}`;
const HOT_PATH_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** An unsigned kiosk upload: the hot path answers 401 with its own fixed headers. */
function postScans(url: string) {
  return fetch(`${url}/events/demo/kiosk/sync`, {
    method: "POST",
    headers: { ...sameOrigin(url), "Content-Type": "application/json" },
    body: JSON.stringify({ scans: [] }),
  });
}

test("npm start loads each app module once: the serving process loads no file from app/, only the build", async () => {
  // A start on the demo template (the stored public page needs the demo day): a few seconds
  // here, but the budget stays for a machine 2× slower and busy.
  test.setTimeout(150_000);
  const databaseFile = `${TMP}/one-copy.db`;
  const log = path.resolve(`${TMP}/module-loads.log`);
  newDatabase(databaseFile, "demo");
  fs.rmSync(log, { force: true });
  const server = await spawnServer({
    port: await freePort(),
    databaseFile,
    env: {
      SEED_DEMO: "true",
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ./tests/support/record-module-loads.mjs`.trim(),
      DROPIN_MODULE_LOG: log,
    },
  });
  try {
    // Every way into the app: a page, the stored public page, the kiosk's hot path.
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
    expect((await fetch(`${server.url}/e/demo`)).status).toBe(200);
    expect((await postScans(server.url)).status).toBe(401);
  } finally {
    await server.stop();
  }
  const loads = fs
    .readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(" ") as [string, string]);
  const app = `${path.resolve("app")}${path.sep}`;
  const appFiles = (pid: string) =>
    loads.filter(([p, url]) => p === pid && url.startsWith(`file://${app}`)).map(([, url]) => url);
  const serving = [...new Set(loads.filter(([, url]) => url.endsWith("/build/server/index.js")).map(([pid]) => pid))];
  expect(serving).toHaveLength(1);
  expect(appFiles(serving[0]!)).toEqual([]);
  // The recorder does see app/ files: the preparing process (migrate, seed) loads them through tsx.
  const others = [...new Set(loads.map(([pid]) => pid))].filter((pid) => pid !== serving[0]);
  expect(others.flatMap(appFiles)).toContainEqual(expect.stringMatching(/\/app\/utils\/db\.server\.ts$/));
});

test("npm run dev runs the same server: pages carry the CSP nonce and hydrate, the kiosk upload takes the hot path", async ({
  page,
}) => {
  // Vite's first compile of the page: 40–85 s on a busy machine.
  test.setTimeout(240_000);
  const databaseFile = `${TMP}/dev.db`;
  newDatabase(databaseFile);
  const server = await spawnServer({ port: await freePort(), databaseFile, npmScript: "dev", startupMs: 90_000 });
  try {
    const login = await fetch(`${server.url}/login`);
    const policy = login.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, policy).toBeTruthy();
    expect(await login.text()).toContain(`<script nonce="${nonce}"`);

    const scans = await postScans(server.url);
    expect(scans.status).toBe(401);
    // The hot path's fixed policy, not a page's: Express answered before Remix.
    expect(scans.headers.get("content-security-policy")).toBe(HOT_PATH_POLICY);

    // Vite's scripts run under the policy: no violation, and the page hydrates.
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${server.url}/login`);
    await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 60_000 });
    expect(violations).toEqual([]);
  } finally {
    await server.stop();
  }
});
