// Managing the people of a PD day through the browser: invitations (a door
// volunteer's, revoked), a kiosk link for a shared device (it signs the device in
// with a press of a button, reaches the door only, and stops at once when
// revoked), role changes and removals without JavaScript, and leaving a PD day.
import {
  addMember,
  createEvent,
  createUser,
  db,
  expect,
  expectAccessible,
  expectAccessibleAsServed,
  signIn,
  test,
} from "./support";

const phone = { viewport: { width: 320, height: 640 } };

async function fitsPhone(page: import("@playwright/test").Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${page.url()} scrolls sideways at 320px`,
  ).toBeLessThanOrEqual(320);
}

test("a coordinator revokes an invitation, and a kiosk link runs the door until it is revoked", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Kiosk Day" });
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, coordinator.id, baseURL!);

  await page.goto(`/events/${event.slug}/people`);
  await page.getByLabel("Email").fill("volunteer@springfield.k12.test");
  await page.getByLabel("Role").selectOption("door");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent to volunteer@springfield.k12.test.")).toBeVisible();
  const pending = page.getByRole("region", { name: /Waiting for an answer/ });
  await expect(pending.getByText("Door volunteer")).toBeVisible();
  await pending.getByRole("button", { name: "Revoke the invitation to volunteer@springfield.k12.test" }).click();
  await expect(page.getByText("The invitation to volunteer@springfield.k12.test no longer works.")).toBeVisible();
  await expect(page.getByText("No invitation is waiting.")).toBeVisible();

  await page.getByLabel("Device name").fill("Front door iPad");
  await page.getByRole("button", { name: "Make a kiosk link" }).click();
  const shown = page.getByRole("status").filter({ hasText: "Kiosk link for Front door iPad" });
  await expect(shown).toBeVisible();
  const link = await shown.getByRole("link").getAttribute("href");
  expect(link).toMatch(/\/kiosk-link\/[A-Za-z0-9_-]{40,}$/);
  await expectAccessible(page);
  await fitsPhone(page);

  // The shared device: opening the link signs nobody in; the button does.
  const device = await browser.newContext(phone);
  const tablet = await device.newPage();
  await tablet.goto(new URL(link!).pathname);
  await expect(tablet.getByRole("heading", { name: "Door kiosk for Kiosk Day" })).toBeVisible();
  expect((await device.cookies()).some((c) => c.name === "__dropin_session")).toBe(false);
  await expectAccessible(tablet);
  await fitsPhone(tablet);
  await tablet.getByRole("button", { name: "Start the door kiosk on this device" }).click();
  await expect(tablet).toHaveURL(new RegExp(`/events/${event.slug}/kiosk$`));
  await expect(tablet.getByRole("heading", { name: "Door check-in" })).toBeVisible();
  // The header offers the door pages only; everything else of the PD day is refused.
  await expect(tablet.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Door check-in",
    "Live",
  ]);
  expect((await tablet.goto(`/events/${event.slug}/roster`))?.status()).toBe(403);
  // Pages any member may open are closed to the device's session too (its account is a member).
  expect((await tablet.goto(`/e/${event.slug}/my-day`))?.status()).toBe(403);
  expect((await tablet.goto(`/events/${event.slug}/live`))?.status()).toBe(200);

  // Revoked on the coordinator's phone: the device is signed out at its next request.
  await page.getByRole("button", { name: "Revoke the kiosk link Front door iPad" }).click();
  await expect(
    page.getByText("The kiosk link “Front door iPad” no longer works; devices using it are signed out."),
  ).toBeVisible();
  await tablet.goto(`/events/${event.slug}/kiosk`);
  await expect(tablet).toHaveURL(/\/login\?redirectTo=/);
  await tablet.goto(new URL(link!).pathname);
  await expect(tablet.getByRole("heading", { name: "This kiosk link no longer works" })).toBeVisible();
  await device.close();
  await context.close();
});

test("without JavaScript: change a role, refuse demoting the last coordinator, remove a member, and leave a PD day", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "No Script Day", status: "published" });
  const presenter = await createUser({ name: "Kevin Osei" });
  await addMember(event.id, presenter.id, "presenter");
  const leaver = await createUser({ name: "Lena Park" });
  await addMember(event.id, leaver.id, "attendee");
  await db().doorCheckIn.create({ data: { eventId: event.id, userId: leaver.id } });

  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/people`);
  await page.getByLabel("Change Kevin Osei (now Presenter) to").selectOption("reviewer");
  await page.getByRole("button", { name: "Change role of Kevin Osei" }).click();
  await expect(page.getByText("Kevin Osei is now reviewer.")).toBeVisible();

  await page.getByLabel("Change Dana Whitfield (now Coordinator) to").selectOption("attendee");
  await page.getByRole("button", { name: "Change role of Dana Whitfield" }).click();
  await expect(page.getByRole("alert")).toContainText("A PD day needs at least one coordinator");
  await expectAccessibleAsServed(page);
  await fitsPhone(page);

  await expect(page.getByText("Their picks, check-ins and PD credit on this PD day are kept")).toBeVisible();
  await page.getByRole("button", { name: "Remove Kevin Osei as reviewer" }).click();
  await expect(page.getByText("Kevin Osei is no longer reviewer.")).toBeVisible();
  expect(await db().membership.count({ where: { eventId: event.id, userId: presenter.id } })).toBe(0);
  const audit = await db().auditLog.findMany({ where: { eventId: event.id }, select: { action: true } });
  expect(audit.map((a) => a.action).sort()).toEqual(["membership.removed", "membership.role_changed"]);

  // The attendee leaves from their own page; their check-in stays.
  await context.clearCookies();
  await signIn(page, leaver.id, baseURL!);
  await page.goto(`/e/${event.slug}/my-badge`);
  await expect(
    page.getByRole("navigation", { name: "This PD day" }).getByRole("link", { name: "My badge" }),
  ).toHaveAttribute("aria-current", "page");
  await page.goto(`/e/${event.slug}/my-day`);
  await expect(page.getByText(/You are attendee of No Script Day\./)).toBeVisible();
  await expectAccessibleAsServed(page);
  await fitsPhone(page);
  await page.getByRole("button", { name: "Leave No Script Day" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByText("You left No Script Day.")).toBeVisible();
  expect(await db().membership.count({ where: { eventId: event.id, userId: leaver.id } })).toBe(0);
  expect(await db().doorCheckIn.count({ where: { eventId: event.id, userId: leaver.id } })).toBe(1);
  await context.close();
});
