import type { Page } from "@playwright/test";
import { addMember, createEvent, createUser, expect, signIn, test } from "./support";

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
