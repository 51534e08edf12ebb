import fs from "node:fs";
import { expect, expectAccessible, test } from "./support";

// The README's demo-login table, read from the README itself so it cannot drift.
function readmeLogins() {
  const readme = fs.readFileSync("README.md", "utf8");
  const section = readme.split("### Demo logins")[1]!.split("\n## ")[0]!;
  return [...section.matchAll(/^\| ([^|]+?) \| (\S+@\S+) \| (\S+) \|$/gm)].map(([, role, email, password]) => ({
    role: role!,
    email: email!,
    password: password!,
  }));
}

test("every demo login in the README signs in", async ({ browser }) => {
  const logins = readmeLogins();
  expect(logins.map((l) => l.role)).toEqual([
    "District coordinator",
    "Presenter (teacher)",
    "Attendee",
    "Vendor contact",
    "Door volunteer",
  ]);
  for (const login of logins) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "PD days" }), login.role).toBeVisible();
    await expect(page.getByRole("link", { name: /Learning Exchange/ }).first()).toBeVisible();
    await context.close();
  }
});

test("the demo coordinator sees a realistic PD day on the dashboard", async ({ page }) => {
  const [coordinator] = readmeLogins();
  await page.goto("/login");
  await page.getByLabel("Email").fill(coordinator!.email);
  await page.getByLabel("Password").fill(coordinator!.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();
  await page.goto("/events/demo");
  await expect(page.getByRole("region", { name: "Schedule grid" })).toContainText("6");
  await expect(page.getByRole("region", { name: "Schedule grid" })).toContainText("time blocks");
  const proposals = Number(await page.getByRole("region", { name: "Proposals" }).locator(".stat").innerText());
  expect(proposals).toBeGreaterThanOrEqual(20);
  const attendees = Number(await page.getByRole("region", { name: "People" }).locator(".stat").innerText());
  expect(attendees).toBeGreaterThanOrEqual(75);
  await expect(page.getByRole("region", { name: "Vendors and prizes" }).locator(".stat")).toHaveText("3");
  await expectAccessible(page);

  await page.getByRole("link", { name: "People and invitations" }).click();
  await expect(page.getByRole("heading", { name: /Members \(\d+\)/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/outbox");
  await expectAccessible(page);
});

test("public pages fit a 320px phone and pass axe", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  for (const path of [
    "/",
    "/e/demo",
    "/login",
    "/signup?event=demo",
    "/verify-email?email=alex%40demo.dropin.test",
    "/forgot-password",
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  await context.close();
});

test("signing in works with the keyboard alone, and without JavaScript", async ({ page, browser }) => {
  const [, teacher] = readmeLogins();
  await page.goto("/login");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // brand
  await page.keyboard.press("Tab"); // header "Sign in"
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(teacher!.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(teacher!.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const noJsPage = await noJs.newPage();
  await noJsPage.goto("/login");
  await noJsPage.getByLabel("Email").fill(teacher!.email);
  await noJsPage.getByLabel("Password").fill("wrong-password");
  await noJsPage.getByRole("button", { name: "Sign in" }).click();
  await expect(noJsPage.getByRole("alert")).toContainText("do not match");
  await expect(noJsPage.getByLabel("Email")).toHaveValue(teacher!.email);
  await noJsPage.getByLabel("Password").fill(teacher!.password);
  await noJsPage.getByRole("button", { name: "Sign in" }).click();
  await expect(noJsPage.getByRole("heading", { name: "PD days" })).toBeVisible();
  await noJs.close();
});

test("a sign-up for the demo day must use the district email domain", async ({ page }) => {
  await page.goto("/signup?event=demo");
  await page.getByLabel("Your name").fill("Alex Rivera");
  await page.getByLabel("Email").fill("alex@gmail.test");
  await page.getByLabel("Password", { exact: true }).fill("alex-rivera-2027");
  await page.getByLabel("Password again").fill("alex-rivera-2027");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("is open to demo.dropin.test addresses only")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Alex Rivera");
  await expectAccessible(page);
});
