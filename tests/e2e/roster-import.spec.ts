// A roster import runs in the background and the page shows rows done of total;
// badges print a hundred to a page.
import { createEvent, createUser, db, expect, expectAccessible, signIn, test, unique } from "./support";

const ROWS = 600;

function rosterCsv(tag: string) {
  const lines = ["Full name,Email,School"];
  for (let i = 1; i <= ROWS; i++) lines.push(`Teacher ${String(i).padStart(4, "0")},t${i}.${tag}@springfield.k12.test,School ${i % 7}`);
  return lines.join("\n");
}

test("a 600-row import shows its progress, finishes by itself, and its badges print 100 to a page", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Big Roster Day" });
  await signIn(page, coordinator.id, baseURL!);

  await page.goto(`/events/${event.slug}/roster`);
  await page.getByLabel("CSV file (optional)").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(rosterCsv(unique("big"))) });
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: `Import ${ROWS} rows` }).click();
  await expect(page).toHaveURL(/\/roster\?import=/);
  // The page re-reads the job by itself until it is done.
  await expect(page.getByText("600 imported, 0 errors")).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await db().membership.count({ where: { eventId: event.id, role: "attendee" } })).toBe(ROWS);

  await page.goto(`/events/${event.slug}/badges`);
  await expect(page.getByText("Page 1 of 6: badges 1–100 of 600.")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Check-in code for / })).toHaveCount(100);
  await expect(page.getByRole("img", { name: "Check-in code for Teacher 0001", exact: true })).toBeVisible();
  // (checkin.spec.ts runs axe on a badge sheet; a hundred QR codes make it slow.)
  await page.getByRole("link", { name: "Next 100 →" }).first().click();
  await expect(page.getByText("Page 2 of 6: badges 101–200 of 600.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Check-in code for Teacher 0101", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "← Previous 100" }).first()).toBeVisible();
});

/** As a long import stands mid-way: its worker is busy (updated just now) with 250 of 20,000 done. */
async function importUnderWay() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Slow Roster Day" });
  const job = await db().rosterImport.create({ data: { eventId: event.id, createdById: coordinator.id, total: 20_000, done: 250, people: "[]" } });
  return { coordinator, event, job };
}

test("an import under way shows rows done of total, at 320px too", async ({ page, baseURL }) => {
  const { coordinator, event, job } = await importUnderWay();
  await signIn(page, coordinator.id, baseURL!);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/events/${event.slug}/roster?import=${job.id}`);
  await expect(page.getByText("Importing: 250 of 20,000 rows done")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Roster import progress" })).toHaveAttribute("value", "250");
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // The page polls by itself: the next chunk shows up without a reload.
  await db().rosterImport.update({ where: { id: job.id }, data: { done: 500 } });
  await expect(page.getByText("Importing: 500 of 20,000 rows done")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the refresh link shows how far the import has come", async ({ page, baseURL }) => {
    const { coordinator, event, job } = await importUnderWay();
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/roster?import=${job.id}`);
    await expect(page.getByText("Importing: 250 of 20,000 rows done")).toBeVisible();
    await db().rosterImport.update({ where: { id: job.id }, data: { done: 20_000, created: 19_990, updated: 10, status: "done" } });
    await page.getByRole("link", { name: "Refresh progress" }).click();
    await expect(page.getByText("20,000 imported, 0 errors")).toBeVisible();
  });
});
