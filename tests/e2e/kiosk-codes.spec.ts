// The badge's short typed code at the door (issue 20; offline: kiosk-network.spec.ts), the kiosk's roster copy
// going at sign-out (issue 14), and early check-ins on the live view (issue 14).
import type { Page } from "@playwright/test";
import { sameOrigin } from "../support/same-origin";
import {
  addMember,
  cookieFor,
  createEvent,
  createUser,
  db,
  expect,
  expectAccessible,
  signIn,
  test,
  unique,
} from "./support";

const kioskStatus = (page: Page) => page.getByRole("status").and(page.locator(".kiosk-status"));
const rosterKey = (slug: string) => `dropin-kiosk-roster:${slug}`;
const queueKey = (slug: string) => `dropin-kiosk-queue:${slug}`;
const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

/** An attendee as a sign-in code makes one: the database gives the badge token and short code. */
async function addAttendee(eventId: string, name: string, school: string) {
  const user = await db().user.create({
    data: { name, school, email: `${unique("att")}@springfield.k12.test`.toLowerCase() },
  });
  const { shortCode, badgeToken } = await db()
    .membership.create({ data: { eventId, userId: user.id, role: "attendee" } })
    .then((m) => db().membership.findUniqueOrThrow({ where: { id: m.id } }));
  return { user, code: shortCode!, token: badgeToken! };
}

async function doorDay(name: string) {
  const coordinator = await createUser({ name: "Val Volunteer" });
  const event = await createEvent(coordinator.id, { name, status: "live" });
  const keisha = await addAttendee(event.id, "Keisha Reyes", "Roosevelt Middle");
  const tom = await addAttendee(event.id, "Tomasz Kowalski", "Jefferson High");
  return { coordinator, event, keisha, tom };
}

test("a volunteer types the badge's short code, in any case and with or without the hyphen, and the person is checked in", async ({
  page,
  browser,
  baseURL,
}) => {
  const { coordinator, event, keisha, tom } = await doorDay("Typed Code Day");
  expect(keisha.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
  await signIn(page, coordinator.id, baseURL!);

  // The badge and the attendee's own badge page print it as XXXX-XXXX.
  const printed = `${keisha.code.slice(0, 4)}-${keisha.code.slice(4)}`;
  await page.goto(`/events/${event.slug}/badges`);
  await expect(page.getByRole("listitem").filter({ hasText: "Keisha Reyes" })).toContainText(`Code ${printed}`);
  const phone = await browser.newContext({ baseURL });
  const attendee = await phone.newPage();
  await signIn(attendee, keisha.user.id, baseURL!);
  await attendee.goto(`/e/${event.slug}/my-badge`);
  await expect(attendee.getByText(`Code: ${printed}`)).toBeVisible();
  await expect(attendee.getByText(keisha.token)).toHaveCount(0);
  await phone.close();

  await page.goto(`/events/${event.slug}/kiosk`);
  await expect(page.getByText("Roster on this device: 2 people.")).toBeVisible();
  await page.getByLabel("Badge code").fill(printed.toLowerCase());
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(kioskStatus(page)).toContainText("Checked in");
  await expect(kioskStatus(page)).toContainText("Keisha Reyes");
  // Typed with a space instead of the hyphen: the same person, already in.
  await page.getByLabel("Badge code").fill(`${keisha.code.slice(0, 4)} ${keisha.code.slice(4)}`);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(kioskStatus(page)).toContainText("Already checked in at");
  // The old long token still works.
  await page.getByLabel("Badge code").fill(tom.token);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(kioskStatus(page)).toContainText("Tomasz Kowalski");
  await expectAccessible(page);
  const rows = await db().doorCheckIn.findMany({
    where: { eventId: event.id },
    select: { userId: true, source: true },
  });
  expect(rows.map((r) => r.userId).sort()).toEqual([keisha.user.id, tom.user.id].sort());
});

test("without JavaScript a typed short code checks the person in too", async ({ browser, baseURL }) => {
  const { coordinator, event, tom } = await doorDay("No Script Door");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/kiosk`);
  await page.getByLabel("Badge code").fill(tom.code.toLowerCase());
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.locator(".kiosk-status")).toContainText("Checked in");
  await expect(page.locator(".kiosk-status")).toContainText("Tomasz Kowalski");
  // A code that is no one's stays in the box, marked, to be corrected.
  await page.getByLabel("Badge code").fill("2222-2222");
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page.getByLabel("Badge code")).toHaveValue("2222-2222");
  await expect(page.getByLabel("Badge code")).toHaveAttribute("aria-invalid", "true");
  expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
  await context.close();
});

test("a short code is a secret of its PD day: only its door staff can use it, and only the person and coordinators see it", async ({
  request,
  baseURL,
}) => {
  const { coordinator, event, keisha } = await doorDay("Secret Code Day");
  const volunteer = await createUser({ name: "Dee Volunteer" });
  await addMember(event.id, volunteer.id, "door");
  const elsewhere = await createUser({ name: "Otto Other" });
  const otherDay = await createEvent(elsewhere.id, { name: "Other Day", status: "live" });
  const post = async (who: string, slug: string, code: string) =>
    request.post(`${baseURL}/events/${slug}/kiosk/sync`, {
      headers: { ...sameOrigin(baseURL!), Cookie: await cookieFor(who) },
      data: { scans: [{ clientId: unique("code").slice(0, 60), token: code, scannedAt: new Date().toISOString() }] },
    });
  // Another PD day's coordinator, and the attendee herself, cannot use it here; on the other day it is no one's.
  expect((await post(elsewhere.id, event.slug, keisha.code)).status()).toBe(403);
  expect((await post(keisha.user.id, event.slug, keisha.code)).status()).toBe(403);
  const there = await post(elsewhere.id, otherDay.slug, keisha.code);
  expect((await there.json()).results[0]).toMatchObject({ status: "unknown" });
  expect(await db().doorCheckIn.count({ where: { userId: keisha.user.id } })).toBe(0);

  // Door staff see no one's code (the printed badges are the coordinator's; the device's roster holds hashes).
  const printed = `${keisha.code.slice(0, 4)}-${keisha.code.slice(4)}`;
  const asVolunteer = { headers: { Cookie: await cookieFor(volunteer.id) } };
  expect((await request.get(`${baseURL}/events/${event.slug}/badges`, asVolunteer)).status()).toBe(403);
  for (const path of ["kiosk", "kiosk/roster", "live", "kiosk?q=keisha"]) {
    const body = await (await request.get(`${baseURL}/events/${event.slug}/${path}`, asVolunteer)).text();
    expect(body).not.toContain(keisha.code);
    expect(body).not.toContain(printed);
  }
  const badges = await request.get(`${baseURL}/events/${event.slug}/badges`, {
    headers: { Cookie: await cookieFor(coordinator.id) },
  });
  expect(await badges.text()).toContain(printed);
  // Door staff check her in with it: the one thing it is for.
  const door = await post(volunteer.id, event.slug, printed.toLowerCase());
  expect((await door.json()).results[0]).toMatchObject({ status: "checked_in", userId: keisha.user.id });
});

test.describe("the kiosk's copy of the roster", () => {
  // page.route does not see requests a service worker answers: the page's own requests are the subject here.
  test.use({ serviceWorkers: "block" });

  test("goes when door staff sign out; queued check-ins stay to be synced", async ({ page, baseURL }) => {
    const { coordinator, event } = await doorDay("Sign Out Day");
    const volunteer = await createUser({ name: "Dee Volunteer" });
    await addMember(event.id, volunteer.id, "door");
    await signIn(page, volunteer.id, baseURL!);
    await page.goto(`/events/${event.slug}/kiosk`);
    await expect(page.getByText("Roster on this device: 2 people.")).toBeVisible();
    expect(await stored(page, rosterKey(event.slug))).toContain("Keisha Reyes");
    // One check-in the server never answered: it waits on the device.
    await page.route(`**/events/${event.slug}/kiosk/sync`, (route) => route.abort("failed"));
    await page.getByRole("searchbox", { name: "Name or school" }).fill("keisha");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: "Check in Keisha Reyes" }).click();
    await expect(kioskStatus(page)).toContainText("1 scan waiting to sync");

    await page.getByRole("button", { name: /Sign out/ }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await expect.poll(() => stored(page, rosterKey(event.slug))).toBeNull();
    expect(await stored(page, queueKey(event.slug))).toContain("Keisha Reyes");
    void coordinator;
  });

  test("goes when the server says the volunteer is signed out (401) or no longer door staff (403)", async ({
    page,
    baseURL,
  }) => {
    const { event } = await doorDay("Revoked Day");
    const volunteer = await createUser({ name: "Dee Volunteer" });
    const door = await addMember(event.id, volunteer.id, "door");
    await signIn(page, volunteer.id, baseURL!);
    const kiosk = `/events/${event.slug}/kiosk`;
    await page.goto(kiosk);
    await expect(page.getByText("Roster on this device: 2 people.")).toBeVisible();
    // The kiosk page as the service worker keeps it, to open it again once the server has stopped accepting this device.
    const shell = await (await page.request.get(kiosk)).text();
    await page.route(`**${kiosk}`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: shell }));

    // 403: the volunteer's door role was taken away; the roster request really answers 403.
    await db().membership.delete({ where: { id: door.id } });
    const forbidden = page.waitForResponse((r) => r.url().endsWith(`${kiosk}/roster`));
    await page.reload();
    expect((await forbidden).status()).toBe(403);
    await expect.poll(() => stored(page, rosterKey(event.slug))).toBeNull();

    // 401: door staff again, the roster comes back; then the session ends.
    await addMember(event.id, volunteer.id, "door");
    await page.reload();
    await expect.poll(() => stored(page, rosterKey(event.slug))).toContain("Tomasz Kowalski");
    await db().session.deleteMany({ where: { userId: volunteer.id } });
    const signedOut = page.waitForResponse((r) => r.url().endsWith(`${kiosk}/roster`));
    await page.reload();
    expect((await signedOut).status()).toBe(401);
    await expect.poll(() => stored(page, rosterKey(event.slug))).toBeNull();
  });
});

test("the live view marks check-ins made before the doors opened, in words", async ({ page, baseURL }) => {
  const { coordinator, event, keisha, tom } = await doorDay("Early Live Day");
  // Doors open at 7:00 on the day (Chicago); early check-in let Keisha in at 6:40.
  await db().event.update({ where: { id: event.id }, data: { doorsOpenAt: "2027-02-13T07:00", earlyCheckIn: true } });
  await db().doorCheckIn.create({
    data: { eventId: event.id, userId: keisha.user.id, checkedInAt: new Date("2027-02-13T12:40:00Z") },
  });
  await db().doorCheckIn.create({
    data: { eventId: event.id, userId: tom.user.id, checkedInAt: new Date("2027-02-13T13:20:00Z") },
  });
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/live`);
  await expect(page.getByText("2 of 2 checked in at the door.")).toBeVisible();
  await expect(
    page.getByText(
      /1 of them checked in before the doors opened \(Saturday, February 13 at 7:00 AM\).*not in prize drawings/,
    ),
  ).toBeVisible();
  const table = page.getByRole("table", { name: "Door check-ins per 15 minutes" });
  await expect(table.getByRole("row", { name: /Sat 13 Feb 06:30/ })).toContainText("Early · not in drawings");
  await expect(table.getByRole("row", { name: /^07:15/ })).not.toContainText("Early");
  await expectAccessible(page);
});
