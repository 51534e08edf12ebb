// The attendee pages' forms (join, the session's rating) check in the browser with the
// server's own schema, loaded on the form's first focus (useLazyValidatedForm): a bad
// value shows its message without a post, and without JavaScript the server's message
// shows with what was typed kept.
import type { Page } from "@playwright/test";
import { noSidewaysScroll, phone, publishDay, seedDay } from "./attendee-day";
import { addMember, createUser, expect, expectAccessible, expectAccessibleAsServed, signIn, test } from "./support";

/** Whether the page has asked the server anything by POST, and for the forms' check. */
function watch(page: Page) {
  const seen = { posted: false, check: 0 };
  page.on("request", (request) => {
    seen.posted ||= request.method() === "POST";
    if (/\/assets\/form-check-[\w-]+\.js$/.test(new URL(request.url()).pathname)) seen.check += 1;
  });
  return seen;
}

/** Until React has hydrated the form, a submit is the browser's own post. */
async function hydrated(page: Page, form: string) {
  await page.waitForFunction((selector) => {
    const element = document.querySelector(selector);
    return Boolean(element && Object.keys(element).some((key) => key.startsWith("__reactProps")));
  }, form);
}

test("join: a bad email is refused in the browser before any post; without JavaScript by the server, the email kept", async ({
  browser,
  baseURL,
}) => {
  const g = await seedDay();
  await publishDay(browser, baseURL!, g);

  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`/e/${g.event.slug}/join`);
  await hydrated(page, "main form");
  const seen = watch(page);
  // Nothing of the check is loaded with the page: it comes when the person starts on the form.
  expect(seen.check).toBe(0);
  await page.getByLabel("Email").fill("keisha@");
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByText("Enter an email address like name@school.org")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  expect(seen.posted, "a bad email is refused before it is posted").toBe(false);
  expect(seen.check).toBe(1);
  await expectAccessible(page);
  await noSidewaysScroll(page);
  // Fixed, the message goes as it is typed, and the form posts.
  await page.getByLabel("Email").fill(g.attendee.email);
  await expect(page.getByText("Enter an email address like name@school.org")).toHaveCount(0);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(seen.posted).toBe(true);
  // The code form checks the same way: five digits are refused before any post.
  seen.posted = false;
  await hydrated(page, "main form");
  await page.getByLabel("6-digit code").fill("12345");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter the 6-digit code from the email")).toBeVisible();
  expect(seen.posted, "a short code is refused before it is posted").toBe(false);
  await expectAccessible(page);
  await context.close();

  const noJs = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(`/e/${g.event.slug}/join`);
  await plain.getByLabel("Email").fill("keisha@");
  await plain.getByRole("button", { name: "Send me a code" }).click();
  await expect(plain.getByText("Enter an email address like name@school.org")).toBeVisible();
  await expect(plain.getByLabel("Email")).toHaveValue("keisha@");
  await expectAccessibleAsServed(plain);
  await noJs.close();
});

test("rating: no rating is refused in the browser before any post; without JavaScript by the server, the comment kept", async ({
  browser,
  baseURL,
}) => {
  const g = await seedDay();
  await publishDay(browser, baseURL!, g);
  const session = `/e/${g.event.slug}/sessions/${g.placed["Morning Desmos"]!.placementId}`;

  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, g.attendee.id, baseURL!);
  await page.goto(session);
  const form = page.getByRole("region", { name: "How was it?" });
  await hydrated(page, "section[aria-labelledby='rate-title'] form");
  const seen = watch(page);
  expect(seen.check).toBe(0);
  await form.getByLabel("Comment (optional)").fill("The sliders activity was gold.");
  await form.getByRole("button", { name: "Send rating" }).click();
  await expect(form.getByText("Choose a rating from 1 to 5")).toBeVisible();
  expect(seen.posted, "a rating-less form is refused before it is posted").toBe(false);
  expect(seen.check).toBe(1);
  await expectAccessible(page);
  await noSidewaysScroll(page);
  // Choosing a rating takes the message away at once, and the rating is sent.
  await form.getByLabel("4 out of 5").check();
  await expect(form.getByText("Choose a rating from 1 to 5")).toHaveCount(0);
  await form.getByRole("button", { name: "Send rating" }).click();
  await expect(page.getByRole("status").filter({ hasText: "rating is saved" })).toBeVisible();
  await context.close();

  // Another attendee, without JavaScript: the server refuses the blank rating, the comment stays.
  const ben = await createUser({ name: "Benedikt Oyelaran" });
  await addMember(g.event.id, ben.id, "attendee");
  const noJs = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await signIn(plain, ben.id, baseURL!);
  await plain.goto(session);
  const plainForm = plain.getByRole("region", { name: "How was it?" });
  await plainForm.getByLabel("Comment (optional)").fill("Good pacing.");
  await plainForm.getByRole("button", { name: "Send rating" }).click();
  await expect(plain.getByText("Choose a rating from 1 to 5")).toBeVisible();
  await expect(plain.getByLabel("Comment (optional)")).toHaveValue("Good pacing.");
  await expectAccessibleAsServed(plain);
  await noJs.close();
});
