// The first morning on the demo install, as a coordinator and a teacher meet it: the
// wording and layout defects a walk through the pages found (each test failed before
// its fix).
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signInWithPassword as signInAs, test } from "./support";

async function phone(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, ...options });
  return { context, page: await context.newPage() };
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);
  expect(overflow, `${page.url()} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
}

test("inviting a vendor with the contact left blank asks for their name and address, not the coordinator's", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "coordinator@demo.dropin.test", "demo-coordinator");
  await page.goto("/events/demo/vendors");
  const invite = page.getByRole("region", { name: "Invite a vendor" });
  await invite.getByLabel("Company").fill("Harbor Books");
  await invite.getByRole("button", { name: "Invite vendor" }).click();
  await expect(invite.getByText("Enter their name")).toBeVisible();
  await expect(invite.getByText("Enter their email address")).toBeVisible();
  await expect(invite.getByText(/Enter your/)).toHaveCount(0);
  await expect(invite.getByLabel("Company")).toHaveValue("Harbor Books");
  await context.close();
});

test("the day-of board links the page where teachers offer a session, whole and clickable on a phone", async ({
  browser,
}) => {
  const { context, page } = await phone(browser);
  await signInAs(page, "coordinator@demo.dropin.test", "demo-coordinator");
  await page.goto("/events/demo/day-of");
  const link = page.getByRole("link", { name: /\/e\/demo\/propose-now$/ });
  await expect(link).toHaveAttribute("href", /^https?:\/\/[^/]+\/e\/demo\/propose-now$/);
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await context.close();
});

test("before a session starts, its takeaways page gives the opening time as the schedule writes it", async ({
  browser,
}) => {
  const { context, page } = await phone(browser);
  await signInAs(page, "attendee@demo.dropin.test", "demo-attendee");
  await page.goto("/e/demo");
  await page.getByRole("link", { name: "Desmos activities for Algebra I" }).click();
  await page.getByRole("link", { name: "Takeaways and resources" }).click();
  // "8:50 AM", not "08:50".
  await expect(page.getByText(/open when the session starts \(\d{1,2}:\d{2} (AM|PM)\)/)).toBeVisible();
  await noSidewaysScroll(page);
  await context.close();
});

test("on an attendee's circle page, leaving is its own section, apart from the next meeting's button", async ({
  browser,
}) => {
  const { context, page } = await phone(browser);
  await signInAs(page, "attendee@demo.dropin.test", "demo-attendee");
  await page.goto("/e/demo/circles");
  await page.getByRole("link", { name: /Your circle/ }).click();
  const leave = page.getByRole("region", { name: "Leave" });
  await expect(leave.getByRole("button", { name: "Leave this circle" })).toBeVisible();
  await expect(leave.getByRole("button", { name: "Set the date" })).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Next meeting" }).getByRole("button", { name: "Set the date" }),
  ).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await context.close();
});

test("with every delivered prize won, the drawings page says so and offers no button that cannot work", async ({
  page,
}) => {
  await signInAs(page, "coordinator@demo.dropin.test", "demo-coordinator");
  await page.goto("/events/demo/drawings");
  const create = page.getByRole("region", { name: "New drawing" });
  await expect(create.getByText("No delivered prizes are left to draw.")).toBeVisible();
  await expect(create.getByRole("button", { name: "Create drawing" })).toHaveCount(0);
  await create.getByRole("link", { name: "vendors page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vendors and donations" })).toBeVisible();
});

test("lists drawn as cards keep their text off the card's border (PD days, My proposals)", async ({ browser }) => {
  const { context, page } = await phone(browser);
  await signInAs(page, "teacher@demo.dropin.test", "demo-teacher");
  for (const [path, name] of [
    ["/events", "Your PD days"],
    ["/proposals", "Proposals"],
  ] as const) {
    await page.goto(path);
    const inset = await page
      .getByRole("list", { name })
      .evaluate(
        (ul) => ul.firstElementChild!.firstElementChild!.getBoundingClientRect().left - ul.getBoundingClientRect().left,
      );
    expect(inset, `${path}: the first entry's distance from the card's left edge`).toBeGreaterThanOrEqual(12);
    await noSidewaysScroll(page);
  }
  await context.close();
});

test("the roster's search keeps its button apart from the box above and the count below", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 900 });
  await signInAs(page, "coordinator@demo.dropin.test", "demo-coordinator");
  await page.goto("/events/demo/roster");
  const search = page.getByRole("search");
  const box = (await search.getByRole("searchbox", { name: "Find a name or email" }).boundingBox())!;
  const button = (await search.getByRole("button", { name: "Search" }).boundingBox())!;
  const count = (await page
    .getByRole("region", { name: /On the roster/ })
    .getByText(/of \d+, by name\./)
    .boundingBox())!;
  expect(button.y - (box.y + box.height), "gap between the box and the Search button").toBeGreaterThanOrEqual(8);
  expect(count.y - (button.y + button.height), "gap between the Search button and the count").toBeGreaterThanOrEqual(8);
});
