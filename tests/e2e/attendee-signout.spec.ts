import type { Page } from "@playwright/test";
import { dayWithTwoAttendees, publishDay, seedDay } from "./attendee-day";
import { addMember, createEvent, createUser, db, expect, signIn, test } from "./support";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Paths of the pages the attendee service worker keeps in Cache Storage. */
function cachedPaths(page: Page) {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

async function attendeeWithCachedDay(page: Page, baseURL: string) {
  const coordinator = await createUser();
  const event = await createEvent(coordinator.id, { status: "live" });
  const attendee = await createUser({ name: "Keisha Reyes" });
  await addMember(event.id, attendee.id, "attendee");
  await signIn(page, attendee.id, baseURL);
  await page.goto(`/e/${event.slug}/my-day`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const myDay = `/e/${event.slug}/my-day`;
  // The worker installs, then the page asks it to keep my day: wait until it has.
  await expect.poll(() => cachedPaths(page), { timeout: 10_000 }).toContain(myDay);
  return myDay;
}

test.describe("signing out on a shared phone", () => {
  test.use(phone);

  test("drops the cached personal pages (sign-out with JavaScript)", async ({ page, baseURL }) => {
    const myDay = await attendeeWithCachedDay(page, baseURL!);
    await page.getByRole("button", { name: /Sign out/ }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    const left = await cachedPaths(page);
    expect(left).not.toContain(myDay);
    expect(left.filter((p) => p.startsWith("/e/"))).toEqual([]);
  });

  test("a sign-out the worker did not see (a plain form POST) is cleared by the sign-in page", async ({
    page,
    baseURL,
  }) => {
    const myDay = await attendeeWithCachedDay(page, baseURL!);
    // form.submit() skips Remix's handler: a navigation POST, outside the worker's /e/ scope.
    // Chromium's Clear-Site-Data "cache" empties only the HTTP cache; the signed-out
    // sign-in page then tells the worker to drop what it keeps.
    await page.evaluate(() => (document.querySelector('form[action="/logout"]') as HTMLFormElement).submit());
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await expect.poll(() => cachedPaths(page)).not.toContain(myDay);
  });
});

test.describe("the next person on a shared phone", () => {
  test.use(phone);

  // Attack: Keisha's session ends on its own (no sign-out the worker could see), Ben
  // signs in on the same phone and, in a dead zone, opens My day: the worker must not
  // answer with the copy it kept of Keisha's.
  test("cannot read the last person's cached pages after their session ended", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const g = await dayWithTwoAttendees(page.context().browser()!, baseURL!);
    // What a sign-in sets (auth.server.ts): the session and the script-readable mark.
    const signInAs = async (userId: string, mark: string) => {
      await signIn(page, userId, baseURL!);
      await page.context().addCookies([{ name: "dropin_signin", value: mark, url: baseURL!, sameSite: "Lax" }]);
    };
    const myDay = `/e/${g.event.slug}/my-day`;
    await signInAs(g.attendee.id, "keisha-sign-in");
    await page.goto(myDay);
    await expect(page.getByRole("link", { name: "Fractions with tiles" })).toBeVisible();
    await expect.poll(() => cachedPaths(page), { timeout: 10_000 }).toContain(myDay);
    // The first visit's own part was asked before the worker took the page over; the next one keeps it.
    await page.reload();
    await expect.poll(() => cachedPaths(page)).toContain(`/e/${g.event.slug}/mine/my-day`);
    // Offline, Keisha herself still reads her day.
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByRole("link", { name: "Fractions with tiles" })).toBeVisible();
    await page.context().setOffline(false);

    // Her session runs out: the browser drops both cookies. Ben signs in on the phone.
    await db().session.deleteMany({ where: { userId: g.attendee.id } });
    await page.context().clearCookies();
    await signInAs(g.ben.id, "ben-sign-in");
    await page.goto("/events");
    await page.context().setOffline(true);
    await page.goto(myDay).catch(() => undefined);
    await page.waitForTimeout(1000);
    await expect(page.getByRole("link", { name: "Fractions with tiles" })).toHaveCount(0);
    await page.context().setOffline(false);
    await page.goto("/events");
    expect((await cachedPaths(page)).filter((p) => p.includes("/my-day") || p.includes("/mine/"))).toEqual([]);
  });

  test("never gets the picks the last person queued offline", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const g = await seedDay();
    await publishDay(page.context().browser()!, baseURL!, g);
    const [keisha, ben] = await Promise.all(
      ["Keisha Reyes", "Ben Okafor"].map((name) => createUser({ name, password: "a-right-password" })),
    );
    for (const person of [keisha!, ben!]) await addMember(g.event.id, person.id, "attendee");
    const signInAs = async (p: Page, email: string) => {
      await p.getByLabel("Email").fill(email);
      await p.getByLabel("Password").fill("a-right-password");
      await p.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(p).toHaveURL(/\/events$/);
    };
    const picksOf = async (userId: string) => (await db().pick.findMany({ where: { userId } })).length;

    // Keisha picks a session in a dead zone; it waits in the page's queue.
    await page.goto("/login");
    await signInAs(page, keisha!.email);
    await page.goto(`/e/${g.event.slug}`);
    await expect(page.locator("nav.attendee-nav[data-ready]")).toBeAttached();
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Pick “Math talks”" }).tap();
    await expect(page.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
    // She closes the schedule before the Wi-Fi is back, then signs out from another page.
    const next = await page.context().newPage();
    await page.close();
    await next.context().setOffline(false);
    await next.goto("/events");
    await next.getByRole("button", { name: /Sign out/ }).click();
    await expect(next).toHaveURL(/\/login\?signedOut=1/);

    // Ben signs in on the same phone and opens the schedule, where the queue is flushed.
    await signInAs(next, ben!.email);
    await next.goto(`/e/${g.event.slug}`);
    await expect(next.locator("nav.attendee-nav[data-ready]")).toBeAttached();
    await expect.poll(() => next.evaluate(() => localStorage.getItem("dropin-pick-queue") ?? "[]")).toBe("[]");
    await next.waitForTimeout(500);
    expect(await picksOf(ben!.id)).toBe(0);
    await expect(next.getByRole("button", { name: "Pick “Math talks”" })).toBeVisible();
  });

  test("still sends their own offline picks once the Wi-Fi is back", async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const g = await seedDay();
    await publishDay(page.context().browser()!, baseURL!, g);
    const keisha = await createUser({ name: "Keisha Reyes", password: "a-right-password" });
    await addMember(g.event.id, keisha.id, "attendee");
    await page.goto("/login");
    await page.getByLabel("Email").fill(keisha.email);
    await page.getByLabel("Password").fill("a-right-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/events$/);
    await page.goto(`/e/${g.event.slug}`);
    await expect(page.locator("nav.attendee-nav[data-ready]")).toBeAttached();
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Pick “Math talks”" }).tap();
    await page.context().setOffline(false);
    await expect
      .poll(() => db().pick.count({ where: { userId: keisha.id, placementId: g.placed["Math talks"]!.placementId } }))
      .toBe(1);
  });
});
