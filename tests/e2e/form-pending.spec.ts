// Each form's pending state is its own: while one form's post is under way (held
// here by the test), only that form's button waits; the page's other forms, and
// the other rows' forms, stay usable.
import type { Page, Route } from "@playwright/test";
import { createEvent, createUser, expect, signIn, test } from "./support";

/** Hold the page's next POST until `release()`: a slow server, as on a busy PD morning. */
async function holdNextPost(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen!: () => void;
  const arrived = new Promise<void>((resolve) => (seen = resolve));
  let held = false;
  await page.route("**/*", async (route: Route) => {
    if (held || route.request().method() !== "POST") return route.fallback();
    held = true;
    seen();
    await released;
    await route.fallback();
  });
  return { arrived, release };
}

test("while one form on the people page posts, the others stay usable", async ({ page, baseURL }) => {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Busy Morning Day" });
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/people`);
  for (const email of ["first@springfield.k12.test", "second@springfield.k12.test"]) {
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }
  const send = page.getByRole("button", { name: "Send invitation" });
  const makeLink = page.getByRole("button", { name: "Make a kiosk link" });
  const revokeFirst = page.getByRole("button", { name: "Revoke the invitation to first@springfield.k12.test" });
  const revokeSecond = page.getByRole("button", { name: "Revoke the invitation to second@springfield.k12.test" });

  // An invitation on its way: its button waits, the kiosk link form and the rows do not.
  const invite = await holdNextPost(page);
  await page.getByLabel("Email").fill("third@springfield.k12.test");
  await send.click();
  await invite.arrived;
  await expect(send).toBeDisabled();
  await expect(makeLink).toBeEnabled();
  await expect(revokeFirst).toBeEnabled();
  await expect(revokeSecond).toBeEnabled();
  invite.release();
  await expect(page.getByText("Invitation sent to third@springfield.k12.test.")).toBeVisible();
  await expect(send).toBeEnabled();

  // One row's revoke on its way: that row's button waits, the next row's does not.
  const revoke = await holdNextPost(page);
  await revokeFirst.click();
  await revoke.arrived;
  await expect(revokeFirst).toBeDisabled();
  await expect(revokeSecond).toBeEnabled();
  await expect(send).toBeEnabled();
  revoke.release();
  await expect(page.getByText("The invitation to first@springfield.k12.test no longer works.")).toBeVisible();
  await expect(revokeSecond).toBeEnabled();
});

test("the roster's walk-in form checks in the browser with the server's schema, and without JavaScript on the server", async ({
  browser,
  page,
  baseURL,
}) => {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Walk-in Day" });
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/roster`);
  const walkIn = page.getByRole("region", { name: "Add a walk-in" });
  await walkIn.getByLabel("Name").fill("Rosa Diaz");
  await walkIn.getByLabel("Email").fill("rosa@");
  let posted = false;
  page.on("request", (request) => (posted ||= request.method() === "POST"));
  await walkIn.getByRole("button", { name: "Add to roster" }).click();
  await expect(walkIn.getByText("Enter a valid email address.")).toBeVisible();
  expect(posted, "a bad email is refused before it is posted").toBe(false);
  await walkIn.getByLabel("Email").fill("rosa@springfield.k12.test");
  await walkIn.getByRole("button", { name: "Add to roster" }).click();
  await expect(page.getByText("Rosa Diaz is on the roster.")).toBeVisible();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await signIn(plain, coordinator.id, baseURL!);
  await plain.goto(`/events/${event.slug}/roster`);
  const form = plain.getByRole("region", { name: "Add a walk-in" });
  await form.getByLabel("Name").fill("Jake Peralta");
  await form.getByLabel("Email").fill("jake@");
  await form.getByRole("button", { name: "Add to roster" }).click();
  await expect(form.getByText("Enter a valid email address.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Jake Peralta");
  await expect(form.getByLabel("Email")).toHaveValue("jake@");
  await noScript.close();
});

test("the kiosk link's device name is checked in the browser with the server's schema, and without JavaScript on the server", async ({
  browser,
  page,
  baseURL,
}) => {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Door Device Day" });
  const nameTheDevice = "Name the device, e.g. “Front door iPad”.";
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/people`);
  const kiosk = page.getByRole("region", { name: "Kiosk links for shared devices" });
  await kiosk.getByLabel("Device name").fill("   ");
  let posted = false;
  page.on("request", (request) => (posted ||= request.method() === "POST"));
  await kiosk.getByRole("button", { name: "Make a kiosk link" }).click();
  await expect(kiosk.getByText(nameTheDevice)).toBeVisible();
  await expect(kiosk.getByLabel("Device name")).toHaveAttribute("aria-invalid", "true");
  expect(posted, "a blank device name is refused before it is posted").toBe(false);
  // Fixed, the message goes as the name is typed, and the link is made.
  await kiosk.getByLabel("Device name").fill("Front door iPad");
  await expect(kiosk.getByText(nameTheDevice)).toHaveCount(0);
  await kiosk.getByRole("button", { name: "Make a kiosk link" }).click();
  await expect(page.getByRole("heading", { name: "Kiosk link for Front door iPad" })).toBeVisible();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await signIn(plain, coordinator.id, baseURL!);
  await plain.goto(`/events/${event.slug}/people`);
  const form = plain.getByRole("region", { name: "Kiosk links for shared devices" });
  await form.getByRole("button", { name: "Make a kiosk link" }).click();
  await expect(form.getByText(nameTheDevice)).toBeVisible();
  await expect(form.getByLabel("Device name")).toHaveAttribute("aria-invalid", "true");
  await noScript.close();
});
