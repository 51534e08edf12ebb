// The production server's security headers, and proof that the Content-Security-Policy
// breaks nothing: the main pages hydrate and the browser reports no violation.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { freePort, newDatabase, spawnServer } from "./spawn-server";
import { expect, test } from "./support";

const FRESH_PORT = Number(process.env.E2E_PORT ?? 3100);
// The demo-seeded server from playwright.config.ts: a published schedule, a grid, a kiosk.
const DEMO = `http://localhost:${FRESH_PORT + 1}`;

function nonceOf(csp: string) {
  return csp.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}

/** Every <script> in the page must be allowed by its policy: same-origin src, the nonce, or a listed hash. */
function expectScriptsAllowed(html: string, csp: string) {
  const nonce = nonceOf(csp);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [tag, attributes = "", body = ""] of scripts) {
    if (/\ssrc="\/(?!\/)/.test(attributes)) continue;
    if (nonce && attributes.includes(`nonce="${nonce}"`)) continue;
    const hash = `'sha256-${crypto.createHash("sha256").update(body).digest("base64")}'`;
    expect(csp, `not allowed: ${tag.slice(0, 120)}`).toContain(hash);
  }
}

test("every page gets a fresh CSP nonce, and every script in the HTML carries it", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/login", "/login", "/forgot-password", `${DEMO}/e/demo/join`]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = nonceOf(csp);
    expect(nonce, csp).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    nonces.add(nonce!);
    const html = await response.text();
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).toContain(`nonce="${nonce}"`);
    expectScriptsAllowed(html, csp);
  }
  expect(nonces.size).toBe(4);
});

test("the stored public schedule page allows exactly its own inline scripts (by hash)", async ({ request }) => {
  for (let i = 0; i < 2; i += 1) {
    const response = await request.get(`${DEMO}/e/demo`);
    expect(response.status()).toBe(200);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expectScriptsAllowed(await response.text(), csp);
  }
});

test("framing, referrer and sniffing headers; no HSTS over plain http, even with a forged X-Forwarded-Proto", async ({
  request,
}) => {
  const response = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "connect-src 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Static files get the same headers.
  expect((await request.get("/favicon.svg")).headers()["x-content-type-options"]).toBe("nosniff");
});

test("behind a trusted TLS proxy (TRUST_PROXY=loopback), https requests get HSTS", async ({ request }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  const databaseFile = `tests/.tmp/e2e-${FRESH_PORT}-trusted-proxy/fresh.db`;
  newDatabase(databaseFile);
  const server = await spawnServer({
    port,
    databaseFile,
    env: { APP_URL: `https://localhost:${port}`, TRUST_PROXY: "loopback" },
  });
  try {
    const https = await request.get(`${server.url}/login`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    const plain = await request.get(`${server.url}/login`);
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  } finally {
    await server.stop();
  }
});

/** Collects CSP violations both ways: the console message and the DOM event. */
async function watchForViolations(page: Page) {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) messages.push(message.text());
  });
  page.on("pageerror", (error) => messages.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return messages;
}

async function signInToDemo(page: Page, email: string, password: string) {
  await page.goto(`${DEMO}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();
}

test.describe("the CSP breaks nothing", () => {
  test("sign-in page: hydrated (validation runs in the browser), no violations", async ({ page }) => {
    const violations = await watchForViolations(page);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.goto(`${DEMO}/login`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your password")).toBeVisible();
    expect(posts, "checked in the browser, not posted").toEqual([]);
    expect(violations).toEqual([]);
  });

  test("attendee schedule: hydrated, service worker installed, no violations", async ({ page }) => {
    const violations = await watchForViolations(page);
    await page.goto(`${DEMO}/e/demo`);
    await expect(page.locator("nav.attendee-nav[data-ready]")).toBeAttached();
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => Boolean(r.active)))).toBe(true);
    await page.getByRole("link", { name: "Join with your email" }).click();
    await expect(page.getByRole("heading", { name: /^Join / })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("attendee badge QR, grid editor (dnd-kit), door signs: no violations", async ({ page }) => {
    test.setTimeout(60_000);
    const violations = await watchForViolations(page);

    await signInToDemo(page, "attendee@demo.dropin.test", "demo-attendee");
    await page.goto(`${DEMO}/e/demo/my-badge`);
    await expect(page.locator("svg").first()).toBeVisible();
    await page.getByRole("button", { name: /Sign out/ }).click();
    await expect(page).toHaveURL(/signedOut=1/);

    await signInToDemo(page, "coordinator@demo.dropin.test", "demo-coordinator");
    await page.goto(`${DEMO}/events/demo/grid`);
    // dnd-kit only after hydration: pick a session up by keyboard, then put it back.
    const live = page.locator("[id^=DndLiveRegion-]");
    await expect(live).toBeAttached();
    await page
      .getByRole("button", { name: /^Drag “/ })
      .first()
      .focus();
    await page.keyboard.press("Space");
    await expect(live).toContainText(/is over|picked up/i);
    const announced = (await live.textContent()) ?? "";
    await page.keyboard.press("Escape");
    await expect(live).not.toHaveText(announced);

    await page.goto(`${DEMO}/events/demo/print/door-signs`);
    await expect(page.locator("svg").first()).toBeVisible();

    await page.goto(`${DEMO}/events/demo`);
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
});

// Chromium's fake camera (a test pattern), so the kiosk scanner really starts.
const withCamera = test.extend({
  launchOptions: [
    async ({ launchOptions }, use) =>
      use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
      }),
    { scope: "worker" },
  ],
});

withCamera("kiosk: the camera scanner (@zxing/browser) loads and runs under the CSP", async ({ page }) => {
  const violations = await watchForViolations(page);
  // Linux Chromium has no BarcodeDetector anyway; make sure the zxing path is the one tested.
  await page.addInitScript(() => {
    delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
    // Each zxing scan attempt draws a video frame onto its canvas: counting them shows
    // the decoder running, where a fixed wait only hoped it had.
    const draw = CanvasRenderingContext2D.prototype.drawImage;
    CanvasRenderingContext2D.prototype.drawImage = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      const w = window as unknown as { framesScanned?: number };
      if (args[0] instanceof HTMLVideoElement) w.framesScanned = (w.framesScanned ?? 0) + 1;
      return (draw as (...a: unknown[]) => void).apply(this, args);
    } as typeof draw;
  });
  await page.context().grantPermissions(["camera"], { origin: DEMO });
  await signInToDemo(page, "coordinator@demo.dropin.test", "demo-coordinator");
  await page.goto(`${DEMO}/events/demo/kiosk`);
  await page.getByRole("button", { name: "Scan with camera" }).click();
  await expect(page.getByLabel("Camera view for scanning badges")).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => (document.querySelector("video.kiosk-video") as HTMLVideoElement | null)?.readyState ?? 0),
    )
    .toBeGreaterThanOrEqual(2);
  // Several scan attempts (300 ms apart), each under the CSP, and the camera still open.
  await expect
    .poll(() => page.evaluate(() => (window as { framesScanned?: number }).framesScanned ?? 0))
    .toBeGreaterThan(2);
  await expect(page.getByText("The camera could not be opened")).toHaveCount(0);
  await page.getByRole("button", { name: "Stop camera" }).click();
  expect(violations).toEqual([]);
});
