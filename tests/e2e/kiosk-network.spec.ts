// The day itself when the network is not: a kiosk whose server does not answer
// (while the browser is "online"), a kiosk reloaded with no network at all, the
// door before it opens, and what attendees see outside a block and on their credit page.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { createEvent, createUser, db, expect, expectAccessible, signIn, test, unique } from "./support";

// The kiosk's own live region (the page also has the toast region, another status).
const kioskStatus = (page: Page) => page.getByRole("status").and(page.locator(".kiosk-status"));
const token = () => crypto.randomBytes(16).toString("base64url");

async function addAttendee(eventId: string, name: string, school: string) {
  const user = await db().user.create({
    data: { name, school, email: `${unique("att")}@springfield.k12.test`.toLowerCase() },
  });
  const { id } = await db().membership.create({
    data: { eventId, userId: user.id, role: "attendee", badgeToken: token() },
  });
  // The short code comes from a database trigger, after the insert's RETURNING.
  const { badgeToken, shortCode } = await db().membership.findUniqueOrThrow({ where: { id } });
  return { user, token: badgeToken!, code: shortCode! };
}

async function kioskDay(name: string, extra: { doorsOpenAt?: string | null } = {}) {
  const coordinator = await createUser({ name: "Val Volunteer" });
  const event = await createEvent(coordinator.id, { name, status: "live", ...extra });
  const keisha = await addAttendee(event.id, "Keisha Reyes", "Roosevelt Middle");
  const tom = await addAttendee(event.id, "Tomasz Kowalski", "Jefferson High");
  return { coordinator, event, keisha, tom };
}

test.describe("kiosk with a failing server", () => {
  // page.route does not see requests a service worker handles; these tests are about the page's own requests.
  test.use({ serviceWorkers: "block" });

  test("failed check-ins (503, no answer) queue with names and sync by themselves, each exactly once", async ({
    page,
    baseURL,
  }) => {
    const { coordinator, event, keisha } = await kioskDay("Flaky Wi-Fi Day");
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/kiosk`);
    await expect(page.getByText("0 of 2 on the roster checked in. Roster on this device: 2 people.")).toBeVisible();
    const sync = `**/events/${event.slug}/kiosk/sync`;
    const status = kioskStatus(page);

    // The check-in reaches the server but its answer is lost behind a 503.
    await page.route(sync, async (route) => {
      await route.fetch();
      await route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable" });
    });
    await page.getByLabel("Badge code").fill(keisha.token);
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await expect(status).toContainText("Saved offline");
    await expect(status).toContainText("1 scan waiting to sync");
    const waiting = page.getByRole("region", { name: /Waiting to sync/ });
    await expect(waiting.getByRole("listitem")).toHaveText([/Keisha Reyes/]);
    await expect(page.getByRole("heading", { name: "Door check-in" })).toBeVisible();

    // Now nothing answers at all; name search still works from the device's roster.
    await page.unroute(sync);
    await page.route(sync, (route) => route.abort("failed"));
    await page.getByRole("searchbox", { name: "Name or school" }).fill("kowal");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: "Check in Tomasz Kowalski" }).click();
    await expect(status).toContainText("2 scans waiting to sync");
    // A walk-in is kept the same way, to be registered when the server answers. It is
    // checked on the kiosk first, with the server's schema: a mistyped email is shown
    // beside its field, with the name kept, and nothing is queued.
    await page.getByRole("textbox", { name: "Name" }).fill("Walt Inn");
    await page.getByRole("textbox", { name: "Email" }).fill("walt.inn@");
    await page.getByRole("button", { name: "Register and check in" }).click();
    await expect(page.getByRole("textbox", { name: "Email" })).toHaveAccessibleDescription(
      /Enter a valid email address\./,
    );
    await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Walt Inn");
    await expect(status).toContainText("2 scans waiting to sync");
    await page.getByRole("textbox", { name: "Email" }).fill(`${unique("walt")}@springfield.k12.test`);
    await expect(page.getByText("Enter a valid email address.")).toBeHidden();
    await page.getByRole("button", { name: "Register and check in" }).click();
    await expect(status).toContainText("3 scans waiting to sync");
    // Emptied for the next walk-in.
    await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("");
    await expect(waiting.getByRole("listitem")).toHaveText([/Keisha Reyes/, /Tomasz Kowalski/, /Walt Inn/]);
    await expectAccessible(page);

    // The server is back: the kiosk retries by itself (backoff) and the counts follow without a reload.
    await page.unroute(sync);
    await expect(status).toContainText("3 queued scans synced", { timeout: 25_000 });
    await expect(status).toContainText("3 checked in.");
    await expect(page.getByText("3 of 3 on the roster checked in.")).toBeVisible();
    await expect(page.getByText(/waiting to sync/i)).toHaveCount(0);
    const rows = await db().doorCheckIn.findMany({ where: { eventId: event.id }, include: { user: true } });
    expect(rows.map((r) => r.user.name).sort()).toEqual(["Keisha Reyes", "Tomasz Kowalski", "Walt Inn"]);
    expect(rows.map((r) => r.source).sort()).toEqual(["qr", "search", "walk_in"]);
  });
});

test("offline after a reload: the service worker opens the kiosk; check-in by name and by typed badge code queue", async ({
  page,
  context,
  baseURL,
}) => {
  const { coordinator, event, keisha, tom } = await kioskDay("Dead Wi-Fi Day");
  await signIn(page, coordinator.id, baseURL!);
  const kiosk = `/events/${event.slug}/kiosk`;
  await page.goto(kiosk);
  await expect(page.getByText("Roster on this device: 2 people.")).toBeVisible();
  // The kiosk page and every build file it loaded are stored for a reload without a server.
  await expect
    .poll(() =>
      page.evaluate(async (shell) => {
        const assets = performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((n) => new URL(n).pathname.startsWith("/assets/"));
        const stored = await Promise.all([shell, ...assets].map((u) => caches.match(u)));
        return stored.every(Boolean);
      }, kiosk),
    )
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Door check-in" })).toBeVisible();
  await expect(page.getByText("Roster on this device: 2 people.")).toBeVisible();
  await page.getByRole("searchbox", { name: "Name or school" }).fill("Jefferson");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("button", { name: "Check in Tomasz Kowalski" }).click();
  await expect(kioskStatus(page)).toContainText("Saved offline");
  // A badge's short code typed as read (lower case, hyphen): named from the device's roster,
  // which holds a short hash of each code, never the codes or tokens themselves.
  const onDevice = (await page.evaluate((key) => localStorage.getItem(key), `dropin-kiosk-roster:${event.slug}`))!;
  expect(onDevice).toContain("Keisha Reyes");
  for (const secret of [keisha.code, keisha.token]) expect(onDevice).not.toContain(secret);
  await page.getByLabel("Badge code").fill(`${keisha.code.slice(0, 4)}-${keisha.code.slice(4)}`.toLowerCase());
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(kioskStatus(page)).toContainText("Keisha Reyes");
  await expect(page.getByRole("region", { name: /Waiting to sync/ }).getByRole("listitem")).toHaveText([
    /Tomasz Kowalski/,
    /Keisha Reyes/,
  ]);
  await expectAccessible(page);
  expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(0);

  await context.setOffline(false);
  await expect(kioskStatus(page)).toContainText("2 queued scans synced", { timeout: 15_000 });
  await expect(page.getByText("2 of 2 on the roster checked in.")).toBeVisible();
  const rows = await db().doorCheckIn.findMany({ where: { eventId: event.id }, orderBy: { checkedInAt: "asc" } });
  expect(rows.map((r) => [r.userId, r.source])).toEqual([
    [tom.user.id, "search"],
    [keisha.user.id, "qr"],
  ]);
});

test("before the doors open a scan is refused with the day; with early check-in on it goes through", async ({
  page,
  baseURL,
}) => {
  // The factory's day is Saturday 2027-02-13, 08:00 without blocks: doors open at 7:00 that morning.
  const { coordinator, event, keisha } = await kioskDay("Early Bird Day", { doorsOpenAt: null });
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/kiosk`);
  await expect(
    page.getByText("Door check-in opens Saturday, February 13 at 7:00 AM. Until then scans are refused."),
  ).toBeVisible();
  await page.getByLabel("Badge code").fill(keisha.token);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  const status = kioskStatus(page);
  await expect(status).toContainText("Doors are not open yet");
  await expect(status).toContainText("Door check-in opens Saturday, February 13 at 7:00 AM.");
  await expectAccessible(page);
  expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(0);

  await page.goto(`/events/${event.slug}/settings`);
  await page.getByRole("checkbox", { name: /Early check-in/ }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await page.goto(`/events/${event.slug}/kiosk`);
  await expect(
    page.getByText(/Early check-in is on: people checked in before then are not in prize drawings/),
  ).toBeVisible();
  await page.getByLabel("Badge code").fill(keisha.token);
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(status).toContainText("Checked in");
  expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
});

test("outside a block the room page says why and what to do; the credit page explains hours before any room check-in", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two browsers (with and without JavaScript) and three axe scans.
  test.setTimeout(90_000);
  process.env.DATABASE_URL = `file:${process.env.E2E_FRESH_DB ?? "tests/.tmp/e2e-3100/fresh.db"}`;
  const f = await import("../factories");
  const day = await f.createPublishedDay({ slug: unique("quiet-day"), name: "Quiet Day" });
  const ana = await addAttendee(day.event.id, "Ana Ruiz", "Lincoln Elementary");
  await signIn(page, ana.user.id, baseURL!);

  await page.goto(`/e/${day.event.slug}/credit`);
  await expect(page.getByText("You have not checked in at the door yet.")).toBeVisible();
  await expect(
    page.getByText(/Hours come from sessions: at each session, scan the QR code on the room’s door/),
  ).toBeVisible();
  await db().doorCheckIn.create({
    data: { eventId: day.event.id, userId: ana.user.id, checkedInAt: new Date("2027-03-12T14:52:00Z") },
  });
  await page.reload();
  await expect(
    page.getByText(
      "You checked in at the door at 8:52 AM. That records that you came; it does not earn hours by itself.",
    ),
  ).toBeVisible();
  await expectAccessible(page);

  // The schedule's day is 2027-03-12: no block runs now.
  await page.goto(`/e/${day.event.slug}/rooms/${day.roomA.id}`);
  await page.getByRole("button", { name: "Check in to this room" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "No session block is running right now, so there is nothing to check in to. Block 1 starts at 9:00 AM on Friday, March 12: come back then",
  );
  await expect(page.getByRole("heading", { name: "Room A" })).toBeVisible();
  await expectAccessible(page);

  // Without JavaScript (a plain form post) too: the message on the room page, not the error page.
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await noJs.newPage();
  await signIn(plain, ana.user.id, baseURL!);
  await plain.goto(`/e/${day.event.slug}/rooms/${day.roomA.id}`);
  await plain.getByRole("button", { name: "Check in to this room" }).click();
  await expect(plain.getByRole("alert")).toContainText("No session block is running right now");
  await expect(plain.getByRole("heading", { name: "Room A" })).toBeVisible();
  await noJs.close();
});
