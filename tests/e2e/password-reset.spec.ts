import { createUser, expect, expectAccessible, signIn, test } from "./support";

test("a forgotten password is reset through the mailed link, which works once", async ({ page, browser, baseURL }) => {
  // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
  test.setTimeout(120_000);
  const teacher = await createUser({ name: "Priya Natarajan", password: "old-password-123" });

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(teacher.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // An unknown address gets the very same answer.
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nobody-here@springfield.k12.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If nobody-here@springfield.k12.test has a Dropin account")).toBeVisible();

  // The district coordinator reads the outbox in the app.
  const coordinatorContext = await browser.newContext();
  const coordinatorPage = await coordinatorContext.newPage();
  const coordinator = await createUser({ districtCoordinator: true });
  await signIn(coordinatorPage, coordinator.id, baseURL!);
  await coordinatorPage.goto("/outbox");
  const mail = coordinatorPage.getByRole("listitem").filter({ hasText: `to ${teacher.email}` });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText("Reset your Dropin password");
  await expect(coordinatorPage.getByRole("listitem").filter({ hasText: "nobody-here@" })).toHaveCount(0);
  await mail.locator("summary").click();
  await expectAccessible(coordinatorPage);
  const link = (await mail.locator("pre").innerText()).match(/http:\/\/\S+reset-password\?token=\S+/)?.[0];
  expect(link).toBeTruthy();
  await coordinatorContext.close();

  await page.goto(link!);
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("new-password-456");
  await page.getByLabel("New password again").fill("new-password-456");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password is changed.")).toBeVisible();

  await page.getByLabel("Email").fill(teacher.email);
  await page.getByLabel("Password").fill("new-password-456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as Priya Natarajan")).toBeVisible();

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});
