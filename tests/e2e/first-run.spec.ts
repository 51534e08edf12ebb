import { expect, expectAccessible, test } from "./support";

// Runs first, on an empty install: the first account becomes the district coordinator.
test("first run: create the coordinator, sign out, wrong password, sign back in", async ({ page }) => {
  // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
  test.setTimeout(120_000);
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Dropin" })).toBeVisible();
  await expectAccessible(page);

  // Bad input: clear messages beside each field, name kept.
  await page.getByLabel("Your name").fill("Dana Whitfield");
  await page.getByLabel("Email").fill("dana.whitfield@springfield.k12.test");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Password again").fill("different");
  await page.getByRole("button", { name: "Create coordinator account" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Dana Whitfield");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Password", { exact: true }).fill("maple-syrup-2027");
  await page.getByLabel("Password again").fill("maple-syrup-2027x");
  await page.getByRole("button", { name: "Create coordinator account" }).click();
  await expect(page.getByText("The two passwords do not match")).toBeVisible();

  await page.getByLabel("Password again").fill("maple-syrup-2027");
  await page.getByRole("button", { name: "Create coordinator account" }).click();
  await expect(page).toHaveURL(/\/events/);
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();
  await expect(page.getByText("Signed in as Dana Whitfield")).toBeVisible();
  await expect(page.getByRole("link", { name: "New PD day" })).toBeVisible();
  await expectAccessible(page);

  // The first-run page is gone once an account exists.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup/);

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email").fill("dana.whitfield@springfield.k12.test");
  await page.getByLabel("Password").fill("maple-syrup-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue("dana.whitfield@springfield.k12.test");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Password").fill("maple-syrup-2027");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Signed in as Dana Whitfield")).toBeVisible();
});
