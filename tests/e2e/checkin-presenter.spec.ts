// A presenter takes attendance from their phone: from the room page to their
// session's attendance list, search, mark present (with and without JavaScript),
// and see who is in the room. Everyone else is refused.
import { sameOrigin } from "../support/same-origin";
import { db, expect, expectAccessible, signIn, test, unique } from "./support";

// The unit-test factories build a published schedule in one call; pointed at the
// e2e server's database file before they load (their db client reads DATABASE_URL once).
async function factories() {
  process.env.DATABASE_URL = `file:${process.env.E2E_FRESH_DB ?? "tests/.tmp/e2e-3100/fresh.db"}`;
  return import("../factories");
}

async function seedDay() {
  const f = await factories();
  const day = await f.createPublishedDay({ slug: unique("attendance-day"), name: "Attendance Day" });
  const email = () => `${unique("att")}@springfield.k12.test`.toLowerCase();
  const keisha = await f.createAttendee(day.event.id, {
    name: "Keisha Reyes",
    school: "Roosevelt Middle",
    email: email(),
  });
  const tomasz = await f.createAttendee(day.event.id, {
    name: "Tomasz Kowalski",
    school: "Jefferson High",
    email: email(),
  });
  return { ...day, keisha: keisha.user, tomasz: tomasz.user };
}

const phone = { viewport: { width: 320, height: 640 } };

test.describe("presenter attendance", () => {
  test("a presenter goes from the room page to their session, finds people by name and marks them present", async ({
    browser,
    baseURL,
  }) => {
    const day = await seedDay();
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, day.presenter.id, baseURL!);

    await page.goto(`${baseURL}/e/${day.event.slug}/rooms/${day.roomA.id}`);
    await page.getByRole("link", { name: "Take attendance for Desmos for Algebra I" }).click();
    await expect(page.getByRole("heading", { name: "Take attendance" })).toBeVisible();
    await expect(page.getByText("Desmos for Algebra I · Room A")).toBeVisible();
    await expect(page.getByRole("heading", { name: "In the room now (0)" })).toBeVisible();
    await expectAccessible(page);
    // Usable at 320px: nothing forces sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await page.getByLabel("Search by name").fill("keisha");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\?q=keisha/);
    await expect(page.getByRole("button", { name: "Mark Tomasz Kowalski present" })).toHaveCount(0);
    const mark = page.getByRole("button", { name: "Mark Keisha Reyes present" });
    // A thumb-sized target.
    expect((await mark.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await mark.click();
    await expect(page.getByRole("status")).toContainText("Keisha Reyes marked present.");
    await expect(page.getByRole("heading", { name: "In the room now (1)" })).toBeVisible();
    await expect(page.locator(".attendance-present")).toContainText("Keisha Reyes");
    // The search is kept, and Keisha now reads as present instead of offering the button again.
    await expect(page.getByLabel("Search by name")).toHaveValue("keisha");
    await expect(page.getByRole("button", { name: "Mark Keisha Reyes present" })).toHaveCount(0);
    await expectAccessible(page);

    const visit = await db().roomVisit.findFirstOrThrow({ where: { eventId: day.event.id, userId: day.keisha.id } });
    expect(visit).toMatchObject({ placementId: day.a1.id, roomId: day.roomA.id, source: "presenter", leftAt: null });
    await context.close();

    // The same form without JavaScript: a plain POST and a redirect back.
    const noJs = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await signIn(plain, day.presenter.id, baseURL!);
    await plain.goto(`${baseURL}/e/${day.event.slug}/sessions/${day.a1.id}/attendance`);
    await plain.getByRole("button", { name: "Mark Tomasz Kowalski present" }).click();
    await expect(plain.getByRole("heading", { name: "In the room now (2)" })).toBeVisible();
    await expect(plain.locator(".attendance-present")).toContainText("Tomasz Kowalski");
    await noJs.close();
    expect(await db().roomVisit.count({ where: { eventId: day.event.id, placementId: day.a1.id, leftAt: null } })).toBe(
      2,
    );
  });

  test("someone who does not present the session is refused, and marking by a direct POST changes nothing", async ({
    page,
    baseURL,
  }) => {
    const day = await seedDay();
    await signIn(page, day.keisha.id, baseURL!);
    // No attendance link on the room page for an attendee.
    await page.goto(`/e/${day.event.slug}/rooms/${day.roomA.id}`);
    await expect(page.getByRole("heading", { name: "Room A" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Take attendance/ })).toHaveCount(0);

    const url = `/e/${day.event.slug}/sessions/${day.a1.id}/attendance`;
    expect((await page.goto(url))?.status()).toBe(403);
    await expect(page.getByText("Only this session's presenters can take its attendance.")).toBeVisible();
    await expect(page.getByText("Tomasz Kowalski")).toHaveCount(0);
    await expectAccessible(page);
    const post = await page.request.post(url, { headers: sameOrigin(baseURL!), form: { attendeeId: day.tomasz.id } });
    expect(post.status()).toBe(403);
    expect(await db().roomVisit.count({ where: { eventId: day.event.id } })).toBe(0);

    // The coordinator runs the day but does not present this session.
    await page.context().clearCookies();
    await signIn(page, day.coordinator.id, baseURL!);
    expect((await page.goto(url))?.status()).toBe(403);
  });
});
