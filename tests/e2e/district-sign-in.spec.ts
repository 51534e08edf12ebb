// District sign-in through a real browser against a real OpenID Connect provider
// on loopback (tests/support/oidc-provider.ts): nothing about the tokens is mocked.
// Dropin runs on its own server here (E2E_PORT + 51, provider on + 50) because it
// needs OIDC_PROVIDERS and PASSWORD_SIGNIN=admins-only, which the suite's shared
// servers must not have.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import bcrypt from "bcryptjs";
import type { Page } from "@playwright/test";
import { DISTRICT_TENANT, startOidcProvider } from "../support/oidc-provider";
import { sessionCookie } from "../support/session-cookie";
import { spawnServer, TEST_SESSION_SECRET, newDatabase, type SpawnedServer } from "./spawn-server";
import { expect, expectAccessible, test } from "./support";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const PROVIDER_PORT = BASE_PORT + 50;
const DROPIN_PORT = BASE_PORT + 51;
const DB_FILE = `tests/.tmp/e2e-${DROPIN_PORT}/district.db`;
const OLD_PASSWORD = "a password Maria never chose";
const ADMIN_PASSWORD = "break-glass administrator";

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let server: SpawnedServer;
let db: PrismaClient;
const clients = ["google", "microsoft"].map((id) => ({
  client_id: `dropin-${id}`,
  client_secret: `${id}-client-secret-for-tests`,
  redirect_uris: [`http://localhost:${DROPIN_PORT}/auth/${id}/callback`],
}));

test.beforeAll(async () => {
  test.setTimeout(120_000);
  provider = await startOidcProvider(PROVIDER_PORT, clients);
  const common = { issuer: provider.issuer };
  const providers = [
    {
      ...common,
      id: "google",
      type: "google",
      clientId: "dropin-google",
      clientSecret: clients[0]!.client_secret,
      allowedDomains: ["springfield.k12.us"],
    },
    {
      ...common,
      id: "microsoft",
      type: "microsoft",
      tenantId: DISTRICT_TENANT,
      clientId: "dropin-microsoft",
      clientSecret: clients[1]!.client_secret,
    },
  ];
  newDatabase(DB_FILE);
  server = await spawnServer({
    port: DROPIN_PORT,
    databaseFile: DB_FILE,
    env: { OIDC_PROVIDERS: JSON.stringify(providers), PASSWORD_SIGNIN: "admins-only" },
  });
  db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${DB_FILE}`, timeout: 5000 }) });
});

test.afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
  await provider?.stop();
});

test.use({ baseURL: `http://localhost:${DROPIN_PORT}` });

/** Press a district button on /login and, when the provider asks, sign in there as `login`. */
async function signInWithDistrict(page: Page, button: string, login: string) {
  await page.goto("/login");
  // By keyboard, as the district buttons are links.
  await page.getByRole("link", { name: button }).press("Enter");
  const loginField = page.getByPlaceholder("Enter any login");
  // A second sign-in finds the provider's own session and comes straight back.
  if (await loginField.isVisible({ timeout: 5_000 }).catch(() => false)) {
    await loginField.fill(login);
    await page.getByPlaceholder("and password").fill("any password works here");
    await page.getByRole("button", { name: "Sign-in" }).click();
  }
}

test("a teacher signs in with the district account: her account is linked, its stray password and sessions end, the second sign-in matches", async ({
  page,
  request,
}) => {
  // Someone registered Maria's address before she ever used Dropin (never proven it),
  // and holds a session from before proven email.
  const maria = await db.user.create({
    data: {
      email: "maria.hernandez@springfield.k12.us",
      name: "Maria H.",
      password: { create: { hash: await bcrypt.hash(OLD_PASSWORD, 4) } },
    },
  });
  const strayCookie = await sessionCookie(
    (await db.session.create({ data: { userId: maria.id, expiresAt: new Date(Date.now() + 86_400_000) } })).id,
    TEST_SESSION_SECRET,
  );
  await db.user.create({
    // Made as `npm run create-coordinator` makes one: a proven address.
    data: {
      email: "admin@dropin.local",
      name: "Dana Admin",
      isDistrictCoordinator: true,
      emailVerifiedAt: new Date(),
      password: { create: { hash: await bcrypt.hash(ADMIN_PASSWORD, 4) } },
    },
  });

  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/login");
  await expect(page.getByText("Dropin passwords are turned off, except for its administrators.")).toBeVisible();
  await expectAccessible(page);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    "/login scrolls sideways at 320px",
  ).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });

  await signInWithDistrict(page, "Sign in with Google", "maria");
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole("button", { name: /Sign out/ })).toBeVisible();
  await expect(page.getByText("Your Dropin account is now linked to Google.")).toBeVisible();
  // Whoever held the other session is out, and the password they set opens nothing.
  expect((await request.get("/events", { headers: { cookie: strayCookie }, maxRedirects: 0 })).status()).toBe(302);

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();

  await signInWithDistrict(page, "Sign in with Google", "maria");
  await expect(page).toHaveURL(/\/events$/);
  expect(await db.externalIdentity.findMany({ select: { provider: true, subject: true, userId: true } })).toEqual([
    { provider: "google", subject: "maria", userId: maria.id },
  ]);
  expect(await db.user.count({ where: { email: "maria.hernandez@springfield.k12.us" } })).toBe(1);
  await page.getByRole("button", { name: /Sign out/ }).click();

  // Passwords: Maria's is gone; the break-glass administrator's still works.
  await page.getByText("Administrator sign-in with a password").click();
  await page.getByLabel("Email").fill("maria.hernandez@springfield.k12.us");
  await page.getByLabel("Password").fill(OLD_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an administrator account.")).toBeVisible();
  await page.getByLabel("Email").fill("admin@dropin.local");
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/events$/);
});

test("an account from another Google Workspace or another Microsoft tenant is refused, saying why", async ({
  page,
}) => {
  await signInWithDistrict(page, "Sign in with Google", "mallory");
  await expect(page.getByRole("heading", { name: "You are not signed in" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(
    "Only springfield.k12.us Google accounts can sign in here. You signed in as mallory@shelbyville.k12.us.",
  );
  await expectAccessible(page);

  await signInWithDistrict(page, "Sign in with Microsoft", "mallory");
  await expect(page.getByRole("alert")).toContainText("That Microsoft account belongs to another organization.");
  expect(await db.user.count({ where: { email: "mallory@shelbyville.k12.us" } })).toBe(0);
});

test("a sign-in whose state or nonce was changed on the way is refused", async ({ page }) => {
  // Rewrite one parameter of Dropin's redirect to the provider: the provider then
  // returns the changed state, or signs an ID token with the changed nonce.
  const tamper = (name: "state" | "nonce") =>
    page.route(/\/auth\/google(\?|$)/, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers().location!);
      location.searchParams.set(name, `${location.searchParams.get(name)}x`);
      await route.fulfill({ response, headers: { ...response.headers(), location: location.href } });
    });
  const refused = "This sign-in could not be finished safely";

  await tamper("state");
  await signInWithDistrict(page, "Sign in with Google", "maria");
  await expect(page.getByRole("alert")).toContainText(refused);
  await page.unrouteAll();

  await tamper("nonce");
  await signInWithDistrict(page, "Sign in with Google", "maria");
  await expect(page.getByRole("alert")).toContainText(refused);
  await expect(page.getByRole("button", { name: /Sign out/ })).toHaveCount(0);
});

test("while the district's provider is down the sign-in says so (503), at the start and on the way back, and works once it is back", async ({
  page,
  request,
}) => {
  const unreachable = "Google is not answering right now, so the sign-in cannot go through.";
  // Dropin has talked to the provider before (the tests above): then it stops.
  await provider.stop();
  const start = await request.get("/auth/google", { maxRedirects: 0 });
  expect(start.status()).toBe(503);
  expect(start.headers()["cache-control"]).toBe("no-store");
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with Google" }).press("Enter");
  await expect(page.getByRole("heading", { name: "We could not start the sign-in" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(unreachable);
  await expectAccessible(page);

  // Up again, and down once more while the person is at the provider's page: the
  // provider sends them back, but Dropin cannot redeem the code.
  provider = await startOidcProvider(PROVIDER_PORT, clients);
  provider.goDownAtTokenRequest();
  const callback = page.waitForResponse(/\/auth\/google\/callback/);
  await signInWithDistrict(page, "Sign in with Google", "maria");
  expect((await callback).status()).toBe(503);
  await expect(page.getByRole("heading", { name: "You are not signed in" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(unreachable);
  await expect(page.getByRole("button", { name: /Sign out/ })).toHaveCount(0);

  // Back for good: the same button signs her in.
  provider = await startOidcProvider(PROVIDER_PORT, clients);
  await signInWithDistrict(page, "Sign in with Google", "maria");
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole("button", { name: /Sign out/ })).toBeVisible();
});
