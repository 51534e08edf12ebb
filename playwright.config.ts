import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download its own browser on our machines: drive Debian's
// Chromium unless CHROMIUM_PATH points elsewhere (or is empty, to use Playwright's).
// Debian's chromium-headless-shell first: it is the headless build Playwright itself
// runs by default, and it spends about a quarter less CPU than the full browser in
// headless mode (the same specs, 2026-12-03: 32.4 → 24.8 s and 37.2 → 26.5 s CPU).
const debianChromium = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => fs.existsSync(file));
const executablePath = process.env.CHROMIUM_PATH ?? debianChromium;

// E2E_PORT lets two runs share a machine: each gets its own ports and database files.
export const FRESH_PORT = Number(process.env.E2E_PORT ?? 3100);
export const DEMO_PORT = FRESH_PORT + 1;
process.env.E2E_FRESH_DB = `tests/.tmp/e2e-${FRESH_PORT}/fresh.db`;

const server = (port: number, seedDemo: boolean) => ({
  command: "node ./node_modules/tsx/dist/cli.mjs tests/e2e/serve.ts",
  url: `http://localhost:${port}/healthz`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: {
    PORT: String(port),
    DATABASE_URL: `file:./tests/.tmp/e2e-${port}/${seedDemo ? "demo" : "fresh"}.db`,
    SEED_DEMO: String(seedDemo),
    APP_URL: `http://localhost:${port}`,
    NODE_ENV: "production",
    DROPIN_SKIP_BUILD: "1",
    // The empty-install server also makes the database templates for the servers
    // specs start themselves (tests/e2e/database-templates.ts).
    E2E_MAKE_TEMPLATES: seedDemo ? "0" : "1",
  },
});

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry in CI: a timing race in a test (CI once failed on two such races) must not
  // cost a landing; Playwright still lists the test as "flaky", and a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  outputDir: `test-results/e2e-${FRESH_PORT}`,
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: `playwright-report/${FRESH_PORT}` }]],
  // Machines vary about 2× in speed: a test must need at most half its budget on the
  // slowest one. Long journeys set their own budget with test.setTimeout.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // Recording a trace costs every test its DOM snapshots and screencast whether it
    // passes or not: a quarter of the suite's time on two busy cores (13 tests, 182 s
    // traced against 135 s untraced). A test that fails in CI is traced on its retry;
    // locally rerun it with --trace on. A failure's screenshot costs nothing until then.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [server(FRESH_PORT, false), server(DEMO_PORT, true)],
  projects: [
    // An empty install: the first-run page must run before anyone else signs up.
    {
      name: "first-run",
      testMatch: /first-run\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${FRESH_PORT}` },
    },
    {
      name: "app",
      testIgnore: /(first-run|demo)\.spec\.ts/,
      dependencies: ["first-run"],
      use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${FRESH_PORT}` },
    },
    {
      name: "demo",
      testMatch: /demo\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${DEMO_PORT}` },
    },
  ],
});
