// Sign-in hardening end to end: the password-guessing limit (strict per account,
// generous per network), the reset-mail limit, and a new session at every sign-in.
import type { BrowserContext } from "@playwright/test";
import { sameOrigin } from "../support/same-origin";
import { createEvent, createUser, db, expect, signIn, test, unique } from "./support";

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "__dropin_session")?.value ?? "";
}

/** The session id inside the signed cookie (base64 JSON, then ".signature"). */
function sessionIdIn(cookie: string) {
  const [payload = ""] = decodeURIComponent(cookie).split(".");
  return (JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as { sessionId?: string }).sessionId;
}

test("the 11th wrong password for one email gets 429 and the wait; a colleague on the same network still signs in", async ({
  page,
  request,
  baseURL,
}) => {
  // One address for the browser and the API client: "localhost" can be ::1 for one
  // and 127.0.0.1 for the other, and the limit is per email *and* address.
  const base = baseURL!.replace("localhost", "127.0.0.1");
  // What Chromium sends with a post from a page at that address, which is not APP_URL's
  // name for it: its own origin (Remix wants it to match Host) and Sec-Fetch-Site.
  const fromPage = { ...sameOrigin(base), "Sec-Fetch-Site": "same-origin" };
  const maria = await createUser({ password: "maria-right-password" });
  const dev = await createUser({ password: "dev-right-password" });
  // Malformed posts are not counted: they get their field errors as always.
  for (let i = 0; i < 15; i += 1) {
    expect(
      (await request.post(`${base}/login`, { headers: fromPage, form: { email: maria.email, password: "" } })).status(),
    ).toBe(400);
  }
  for (let i = 0; i < 10; i += 1) {
    expect(
      (
        await request.post(`${base}/login`, { headers: fromPage, form: { email: maria.email, password: `wrong-${i}` } })
      ).status(),
    ).toBe(400);
  }

  // The 11th, typed in the browser: a form-level message, the email kept.
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(maria.email);
  await page.getByLabel("Password").fill("wrong-10");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(maria.email);

  // Without JavaScript: 429, and even the right password waits now.
  const refused = await request.post(`${base}/login`, {
    headers: fromPage,
    form: { email: maria.email, password: "maria-right-password" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(800);
  const html = await refused.text();
  expect(html).toMatch(/Too many sign-in attempts\. Try again in 1[45] minutes\./);
  expect(html).toContain(`value="${maria.email}"`);
  expect(html).not.toContain("maria-right-password");

  const colleague = await request.post(`${base}/login`, {
    headers: fromPage,
    form: { email: dev.email, password: "dev-right-password" },
    maxRedirects: 0,
  });
  expect(colleague.status()).toBe(302);
  expect(colleague.headers()["location"]).toBe("/events");
});

test("reset links: the 6th request for one address in an hour is refused and mails nothing", async ({
  page,
  baseURL,
}) => {
  const maria = await createUser({ password: "maria-right-password" });
  const mails = () => db().outboxMessage.count({ where: { to: maria.email, subject: "Reset your Dropin password" } });
  for (let i = 0; i < 5; i += 1) {
    expect(
      (
        await page.request.post("/forgot-password", { headers: sameOrigin(baseURL!), form: { email: maria.email } })
      ).status(),
    ).toBe(200);
  }
  expect(await mails()).toBe(5);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(maria.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/^Too many reset requests\. Try again in \d+ minutes\.$/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(maria.email);
  expect(await mails()).toBe(5);
});

test("attendee codes: the 9th request for one email is refused and mails nothing; the 11th wrong code is refused", async ({
  page,
  request,
  baseURL,
}) => {
  const coordinator = await createUser();
  const event = await createEvent(coordinator.id, { status: "published" });
  await db().event.update({ where: { id: event.id }, data: { allowedEmailDomain: "springfield.k12.test" } });
  const email = `${unique("walkup")}@springfield.k12.test`.toLowerCase();
  const mails = () => db().outboxMessage.count({ where: { to: email } });
  for (let i = 0; i < 8; i += 1) {
    expect(
      (await request.post(`/e/${event.slug}/join`, { headers: sameOrigin(baseURL!), form: { email } })).status(),
    ).toBe(200);
  }
  // The service itself stops mailing after five live codes.
  expect(await mails()).toBe(5);
  await page.goto(`/e/${event.slug}/join`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByText(/^Too many code requests\. Try again in 1[45] minutes\.$/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  expect(await mails()).toBe(5);

  for (let i = 0; i < 10; i += 1) {
    const wrong = await request.post(`/e/${event.slug}/join`, {
      headers: sameOrigin(baseURL!),
      form: { intent: "verify", email, code: "000000" },
    });
    expect(wrong.status()).toBe(400);
  }
  const refused = await request.post(`/e/${event.slug}/join`, {
    headers: sameOrigin(baseURL!),
    form: { intent: "verify", email, code: "123456" },
  });
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toMatch(/Too many wrong codes\. Try again in 1[45] minutes\./);
});

test("signing in replaces a session id planted before; signing out deletes the session", async ({ page, baseURL }) => {
  const maria = await createUser({ password: "maria-right-password" });
  // A session id fixed in the browser before sign-in (as an attacker on a shared computer might).
  await signIn(page, maria.id, baseURL!);
  const [plantedRow] = await db().session.findMany({ where: { userId: maria.id } });
  const before = await sessionCookie(page.context());
  expect(sessionIdIn(before)).toBe(plantedRow!.id);

  const response = await page.request.post("/login", {
    headers: sameOrigin(baseURL!),
    form: { email: maria.email, password: "maria-right-password" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const after = await sessionCookie(page.context());
  expect(after).not.toBe(before);
  const rows = await db().session.findMany({ where: { userId: maria.id } });
  expect(rows.map((r) => r.id)).not.toContain(plantedRow!.id);
  expect(rows).toHaveLength(1);
  expect(sessionIdIn(after)).toBe(rows[0]!.id);
  await page.goto("/events");
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/signedOut=1/);
  expect(await db().session.count({ where: { userId: maria.id } })).toBe(0);
  expect(await sessionCookie(page.context())).toBe("");
});
