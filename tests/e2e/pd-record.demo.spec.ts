// A teacher's PD record (issue 17) on the demo install: the demo attendee's two
// past PD days make a real transcript; its code verifies for someone signed out;
// the coordinator sets credit rules and categories, corrects a record (history
// kept) and downloads the district's yearly export.
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signInWithPassword as signInAs, test } from "./support";

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  return { context, page: await context.newPage() };
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
}

test("the demo attendee's PD record spans two past PD days; the transcript's code verifies for anyone", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { context, page } = await phone(browser);
  await signInAs(page, "attendee@demo.dropin.test", "demo-attendee");
  await page.getByRole("link", { name: "My PD record" }).click();
  await expect(page.getByRole("heading", { name: "My PD record" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Fall Institute Day/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Midyear Teacher Academy/ })).toBeVisible();
  const years = page.getByRole("table", { name: "Hours per school year" });
  await expect(years.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("table", { name: "Hours per credit category" })).toContainText("Act 48");
  await expect(
    page.getByText("Provider: Springfield Unified School District (provider no. PA-ACT48-1207)").first(),
  ).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);

  // Opened by address, a transcript not made yet offers the button (a GET writes nothing).
  await page.goto("/me/pd/transcript?from=2000-07-01&to=2001-06-30");
  await expect(page.getByRole("heading", { name: "Your PD transcript" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Make my transcript" })).toBeVisible();
  await expectAccessible(page);
  // The record's button makes it (a POST) and opens it.
  await page.goto("/me/pd");
  await page.getByRole("button", { name: "Transcript (print or save as PDF)" }).click();
  await expect(page.getByText("Professional development transcript")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Jordan Price" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^School year / })).toHaveCount(2);
  await noSidewaysScroll(page);
  await expectAccessible(page);
  const code = (await page.locator(".certificate-code strong").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{10}$/);
  await context.close();

  const stranger = await browser.newContext();
  const verifier = await stranger.newPage();
  await verifier.goto(`/verify/${code}`);
  await expect(verifier.getByRole("heading", { name: "Transcript verified" })).toBeVisible();
  await expect(verifier.getByText("Jordan Price")).toBeVisible();
  await expect(verifier.getByRole("table", { name: "Hours per school year" })).toBeVisible();
  // Totals only: the sessions stay on the transcript itself.
  await expect(verifier.getByText("Google Classroom workflows")).toHaveCount(0);
  await expectAccessible(verifier);
  await stranger.close();
});

test("a past PD day's certificate shows its provider and hours per category", async ({ page }) => {
  await signInAs(page, "attendee@demo.dropin.test", "demo-attendee");
  await page.goto("/e/demo-fall-institute/credit");
  await expect(page.getByRole("heading", { name: "How this PD day counts credit" })).toBeVisible();
  await expect(page.getByText("Breaks and lunch never count.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Certificate (print or save as PDF)" }).click();
  // (Its code was stored when Dropin started: every listed person's is.)
  await expect(
    page.getByText("Provider: Springfield Unified School District (provider no. PA-ACT48-1207)"),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Hours per credit category" })).toContainText("Technology");
  await expectAccessible(page);
});

test("the coordinator sets credit rules and categories, corrects a record with its history kept, and exports the year", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInAs(page, "coordinator@demo.dropin.test", "demo-coordinator");
  await page.goto("/events/demo/credit");
  await page.getByRole("link", { name: "Credit rules, provider and categories" }).click();
  await expect(page.getByRole("heading", { name: "Credit rules and categories" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Provider or sponsor name (optional)").fill("Springfield USD");
  await page.getByLabel("Provider number (optional)").fill("PA-1207");
  await page.getByLabel("Credit categories (optional)").fill("Act 48\nTechnology");
  await page.getByLabel("Daily cap in hours (optional)").fill("6.1");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Use quarter hours (e.g. 6.5).")).toBeVisible();
  await page.getByLabel("Daily cap in hours (optional)").fill("6.5");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Credit rules saved.")).toBeVisible();

  const firstSession = page.getByRole("group").first();
  await firstSession.getByLabel("Technology").check();
  await page.getByRole("button", { name: "Save categories" }).first().click();
  await expect(page.getByText(/Categories of “.+” saved\./)).toBeVisible();
  await expect(page.getByRole("group").first().getByLabel("Technology")).toBeChecked();
  await expectAccessible(page);

  // Two corrections of the same record: the second stands, the first stays in its history.
  await page.goto("/events/demo/credit");
  const person = page.getByLabel("Person");
  const jordan = await person.locator("option", { hasText: "Jordan Price" }).getAttribute("value");
  for (const [minutes, reason] of [
    ["40", "Badge scanner was down"],
    ["55", "Stayed to help after all"],
  ]) {
    await person.selectOption(jordan!);
    await page.getByLabel("Session").selectOption({ index: 1 });
    await page.getByRole("spinbutton", { name: "Minutes" }).fill(minutes!);
    await page.getByLabel("Reason").fill(reason!);
    await page.getByRole("button", { name: "Save correction" }).click();
    await expect(page.getByText("Credit corrected.")).toBeVisible();
  }
  // (The credit page's accessibility is its own spec's; axe over its hundreds of rows is slow here.)
  await expect(
    page.getByText(/Changed from 40 to 55 minutes by Dana Whitfield, .*: Stayed to help after all/),
  ).toBeVisible();

  await page.goto("/events");
  await page.getByRole("link", { name: "Yearly PD credit export" }).click();
  await expect(page.getByRole("heading", { name: "Yearly PD credit export" })).toBeVisible();
  await expectAccessible(page);
  const href = await page
    .getByRole("link", { name: /School year .* \(CSV\)/ })
    .last()
    .getAttribute("href");
  const csv = await (await page.request.get(href!)).text();
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
    "Staff ID,Name,School,PD day,Date,Session,Categories,Provider,Provider number,Minutes,Hours",
  );
  expect(csv).toContain("Jordan Price");
});
