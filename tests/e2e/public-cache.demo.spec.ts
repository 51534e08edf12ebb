// The production server's stored render of the anonymous schedule page
// (server/public-page-cache.ts), against the demo day.
import Database from "better-sqlite3";
import { expect, expectAccessible, test } from "./support";
import { toDbTime } from "../../app/utils/db-time";

const DEMO_DB = `tests/.tmp/e2e-${Number(process.env.E2E_PORT ?? 3100) + 1}/demo.db`;
const PHONE = { "accept-encoding": "gzip, br" };

test("the anonymous schedule is stored, revalidates with 304, and its CSP allows only its own inline scripts", async ({
  request,
  page,
}) => {
  const first = await request.get("/e/demo", { headers: PHONE });
  const second = await request.get("/e/demo", { headers: PHONE });
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^W\/".+"$/);
  expect(second.headers()["etag"]).toBe(etag);
  expect(await second.text()).toBe(await first.text());

  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("nonce-");
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);

  const revalidated = await request.get("/e/demo", { headers: { ...PHONE, "if-none-match": etag! } });
  expect(revalidated.status()).toBe(304);
  expect(await revalidated.body()).toHaveLength(0);

  // In a browser the hashed policy must let the page hydrate with no violation.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/e/demo");
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.getByLabel("Search").fill("Desmos");
  await page
    .getByRole("button", { name: /Show|Find|Filter|Search/ })
    .first()
    .click();
  await expect(page).toHaveURL(/q=Desmos/);
  await expect(page.getByRole("link", { name: /Desmos/ }).first()).toBeVisible();
  expect(violations).toEqual([]);
  await expectAccessible(page);
});

test("a change to the day reaches anonymous visitors on the next request", async ({ request }) => {
  const sqlite = new Database(DEMO_DB);
  sqlite.pragma("busy_timeout = 5000");
  const { description } = sqlite.prepare("SELECT description FROM Event WHERE slug = 'demo'").get() as {
    description: string;
  };
  const stamp = (text: string) =>
    sqlite
      .prepare("UPDATE Event SET description = ?, updatedAt = ? WHERE slug = 'demo'")
      .run(text, toDbTime(new Date()));
  try {
    const before = await request.get("/e/demo");
    expect(await before.text()).not.toContain("Parking moved to the east lot");
    stamp(`${description} Parking moved to the east lot.`);
    const after = await request.get("/e/demo");
    expect(await after.text()).toContain("Parking moved to the east lot");
    expect(after.headers()["etag"]).not.toBe(before.headers()["etag"]);
  } finally {
    stamp(description);
    sqlite.close();
  }
});

test("a signed-in attendee gets the attendees' stored page, and their picks from one small request", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("attendee@demo.dropin.test");
  await page.getByLabel("Password").fill("demo-attendee");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();
  const picks = page.waitForResponse((r) => r.url().endsWith("/e/demo/my-picks"));
  const response = await page.goto("/e/demo");
  const headers = response!.headers();
  // Stored: allowed by its scripts' hashes, revalidated by ETag, never by a per-person nonce.
  expect(headers["content-security-policy"]).not.toContain("nonce-");
  expect(headers["etag"]).toMatch(/^W\/".+"$/);
  expect((await picks).headers()["cache-control"]).toBe("private, no-store");
  const own = (await (await picks).json()) as { canPick: boolean; picks: Record<string, string> };
  expect(own.canPick).toBe(true);
  // Only a signed-in attendee gets pick buttons, so this is not the anonymous render,
  // and the demo attendee's picks show as picked.
  await expect(page.getByRole("button", { name: /^Pick/ }).first()).toBeVisible();
  await expect(page.getByRole("button", { pressed: true })).toHaveCount(Object.keys(own.picks).length);
  expect(Object.keys(own.picks).length).toBeGreaterThan(0);
  await expectAccessible(page);
});
