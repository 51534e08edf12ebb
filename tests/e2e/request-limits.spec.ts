// What the production server refuses before any route runs, and where a sign-in
// may send a browser: oversized bodies (413), addresses that cannot be decoded
// (400), redirects off the site, and floods of made-up private links (429).
import { sameOrigin } from "../support/same-origin";
import { freePort, spawnServer, newDatabase, type SpawnedServer } from "./spawn-server";
import { createUser, expect, expectAccessible, test } from "./support";

test("an anonymous 20 MB post to /login is refused with 413 before it is read; the server keeps answering", async ({
  baseURL,
}) => {
  const body = new URLSearchParams({ email: "a@springfield.k12.test", password: "x".repeat(20 * 1024 * 1024) });
  const page = await fetch(`${baseURL}/login`, {
    method: "POST",
    headers: { ...sameOrigin(baseURL!), Accept: "text/html" },
    body,
  });
  expect(page.status).toBe(413);
  const html = await page.text();
  expect(html).toContain("<h1>Too large</h1>");
  expect(html).toContain("This was more than Dropin accepts here (1 MB, room for a form)");
  const data = await fetch(`${baseURL}/login.data`, { method: "POST", headers: sameOrigin(baseURL!), body });
  expect(data.status).toBe(413);
  expect(await data.json()).toEqual({ message: expect.stringContaining("1 MB") });
  expect((await fetch(`${baseURL}/login`)).status).toBe(200);
});

test("an address with a broken %-escape is a readable 400, not a 500", async ({ page, baseURL }) => {
  for (const path of ["/e/%ZZ", "/e/%ZZ/my-day", "/events/%E0%A4%A/kiosk", "/verify/%"]) {
    const res = await fetch(`${baseURL}${path}`, { headers: { Accept: "text/html" } });
    expect(res.status, path).toBe(400);
    expect(await res.text(), path).toContain("This address is not valid");
  }
  const response = await page.goto("/e/%ZZ");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "This address is not valid" })).toBeVisible();
  await expectAccessible(page);
});

test("after sign-in, a redirectTo with a tab in it (the reported one) lands on Dropin, not another site", async ({
  page,
  baseURL,
}) => {
  const maria = await createUser({ password: "maria-right-password" });
  // If the browser were sent off the site it would try evil.example: fail loudly instead of waiting for DNS.
  await page.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.abort(),
  );
  for (const redirectTo of [
    "%2F%09%2Fevil.example",
    "%2F%5Cevil.example",
    "https%3A%2F%2Fevil.example",
    "%2F%0A%2Fevil.example",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/login?redirectTo=${redirectTo}`);
    await page.getByLabel("Email").fill(maria.email);
    await page.getByLabel("Password").fill("maria-right-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(new URL(page.url()).origin, redirectTo).toBe(baseURL);
  }
});

test.describe("made-up private links from one address", () => {
  let server: SpawnedServer | undefined;
  test.afterAll(async () => {
    await server?.stop();
  });

  test("are refused with 429 after 300 in 15 minutes; another address still gets its 404", async () => {
    test.setTimeout(120_000);
    // Its own server: the 300 misses must not use up this machine's address on the suite's servers.
    // Behind a "proxy" (TRUST_PROXY=loopback), so each test address is its own X-Forwarded-For.
    const port = await freePort();
    const databaseFile = `tests/.tmp/e2e-${port}-link-limits/fresh.db`;
    newDatabase(databaseFile);
    server = await spawnServer({ port, databaseFile, env: { TRUST_PROXY: "loopback" } });
    const get = (path: string, from: string) =>
      fetch(`${server!.url}${path}`, { headers: { "X-Forwarded-For": from } });

    const statuses: number[] = [];
    for (let i = 0; i < 300; i += 1) statuses.push((await get(`/verify/NOTACODE${i % 10}`, "203.0.113.5")).status);
    expect(new Set(statuses)).toEqual(new Set([404]));
    const refused = await get("/verify/NOTACODE0", "203.0.113.5");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await refused.text()).toContain("Too many unknown links from this network. Try again in 15 minutes.");
    // Feeds count in the same budget, and answer in plain text.
    const feed = await get(`/e/demo/my-day/${"A".repeat(44)}.ics`, "203.0.113.5");
    expect(feed.status).toBe(429);
    expect(await feed.text()).toBe("Too many unknown links from this network. Try again in 15 minutes.\n");
    expect((await get("/verify/NOTACODE0", "198.51.100.20")).status).toBe(404);
  });
});
