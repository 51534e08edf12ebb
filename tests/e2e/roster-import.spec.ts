// A roster import runs in the background and the page shows rows done of total;
// badges print a hundred to a page; the roster lists a hundred at a time with a
// search; an HR or SIS export imports as it comes (issue 20).
import { createEvent, createUser, db, expect, expectAccessible, signIn, test, unique } from "./support";

const ROWS = 600;

function rosterCsv(tag: string) {
  const lines = ["Full name,Email,School"];
  for (let i = 1; i <= ROWS; i++)
    lines.push(`Teacher ${String(i).padStart(4, "0")},t${i}.${tag}@springfield.k12.test,School ${i % 7}`);
  return lines.join("\n");
}

test("a 600-row import shows its progress, finishes by itself, and its badges print 100 to a page", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Big Roster Day" });
  await signIn(page, coordinator.id, baseURL!);

  await page.goto(`/events/${event.slug}/roster`);
  await page
    .getByLabel("CSV file (optional)")
    .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(rosterCsv(unique("big"))) });
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: `Import ${ROWS} rows` }).click();
  await expect(page).toHaveURL(/\/roster\?import=/);
  // The page re-reads the job by itself until it is done.
  await expect(page.getByText("600 imported, 0 errors")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("600 people added to this PD day's roster.")).toBeVisible();
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
  const job = await db().rosterImport.create({
    data: { eventId: event.id, createdById: coordinator.id, total: 20_000, done: 250, people: "[]" },
  });
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
    await db().rosterImport.update({
      where: { id: job.id },
      data: { done: 20_000, created: 19_990, updated: 10, status: "done" },
    });
    await page.getByRole("link", { name: "Refresh progress" }).click();
    await expect(page.getByText("20,000 imported, 0 errors")).toBeVisible();
  });
});

/** An HR export as districts have them: split names, their own column names. Two of the three already have Dropin accounts. */
async function hrExport(tag: string) {
  for (const [name, email] of [
    ["Ana Ruiz", `ana.${tag}@springfield.k12.test`],
    ["Bo Li", `bo.${tag}@springfield.k12.test`],
  ]) {
    await db().user.create({ data: { name: name!, email: email! } });
  }
  return [
    "Employee ID,Last Name,First Name,E-mail,Building",
    `E1,Ruiz,Ana,ana.${tag}@springfield.k12.test,Lincoln Elementary`,
    `E2,Li,Bo,bo.${tag}@springfield.k12.test,Jefferson High`,
    `E3,Park,Cy,cy.${tag}@springfield.k12.test,Roosevelt Middle`,
  ].join("\n");
}

test("an HR export: split names are joined, its column names are recognised, and a new PD day says everyone was added", async ({
  page,
  baseURL,
}) => {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "HR Export Day" });
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/roster`);
  await page
    .getByLabel("CSV file (optional)")
    .setInputFiles({ name: "hr-export.csv", mimeType: "text/csv", buffer: Buffer.from(await hrExport(unique("hr"))) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Using hr-export.csv (3 rows found)")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Name (or first name)" })).toHaveValue("First Name");
  await expect(page.getByRole("combobox", { name: "Last name, if in its own column (optional)" })).toHaveValue(
    "Last Name",
  );
  await expect(page.getByRole("combobox", { name: "Email" })).toHaveValue("E-mail");
  await expect(page.getByRole("combobox", { name: "School (optional)" })).toHaveValue("Building");
  await expect(page.getByRole("combobox", { name: "Staff ID (optional)" })).toHaveValue("Employee ID");
  await expectAccessible(page);
  // A refused matching keeps the file and the choices (the no-JavaScript case is below).
  await page.getByRole("combobox", { name: "Email" }).selectOption("");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByText("Choose the column with email addresses.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Staff ID (optional)" })).toHaveValue("Employee ID");
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "Email" }).selectOption("E-mail");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByText("3 imported, 0 errors")).toBeVisible({ timeout: 30_000 });
  // Not "0 new, 2 updated": two had accounts, but all three are new to this PD day.
  await expect(page.getByText("3 people added to this PD day's roster.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Cy Park", exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /Ana Ruiz .* Lincoln Elementary E1/ })).toBeVisible();
  await page.getByRole("searchbox", { name: "Find a name or email" }).fill("park");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("1–1 of 1 matching “park”.")).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a refused import keeps the file and the column matching; fixing one choice imports it", async ({
    page,
    baseURL,
  }) => {
    const coordinator = await createUser({ name: "Dana Whitfield" });
    const event = await createEvent(coordinator.id, { name: "No Script Day" });
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/roster`);
    await page.getByLabel("CSV file (optional)").setInputFiles({
      name: "hr-export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(await hrExport(unique("nojs"))),
    });
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("combobox", { name: "School (optional)" }).selectOption("");
    await page.getByRole("combobox", { name: "Email" }).selectOption("");
    await page.getByRole("button", { name: "Import 3 rows" }).click();
    // Still matching the same file, the coordinator's other choices as they made them.
    await expect(page.getByText("Choose the column with email addresses.")).toBeVisible();
    await expect(page.getByText("Using hr-export.csv (3 rows found), or choose another file")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "School (optional)" })).toHaveValue("");
    await expect(page.getByRole("combobox", { name: "Last name, if in its own column (optional)" })).toHaveValue(
      "Last Name",
    );
    // The same column for first and last names is refused beside its field, too.
    await page.getByRole("combobox", { name: "Email" }).selectOption("E-mail");
    await page.getByRole("combobox", { name: "Last name, if in its own column (optional)" }).selectOption("First Name");
    await page.getByRole("button", { name: "Import 3 rows" }).click();
    await expect(page.getByText("Choose two different columns for the first and last names.")).toBeVisible();
    await page.getByRole("combobox", { name: "Last name, if in its own column (optional)" }).selectOption("Last Name");
    await page.getByRole("button", { name: "Import 3 rows" }).click();
    await expect(page).toHaveURL(/\/roster\?import=/);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("3 imported, 0 errors")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole("cell", { name: "Cy Park", exact: true })).toBeVisible();
    // No school chosen: the roster has none for Cy.
    expect(await db().membership.count({ where: { eventId: event.id, role: "attendee", school: null } })).toBe(3);
  });

  test("the roster lists 100 at a time with next and previous links, and finds a name or email", async ({
    page,
    baseURL,
  }) => {
    const coordinator = await createUser({ name: "Dana Whitfield" });
    const event = await createEvent(coordinator.id, { name: "Paged Roster Day" });
    const tag = unique("page");
    const users = Array.from({ length: 250 }, (_, i) => ({
      id: `${tag}-${i}`,
      email: `p${i}.${tag}@springfield.k12.test`,
      name: `Person ${String(i + 1).padStart(3, "0")}`,
    }));
    await db().user.createMany({ data: users });
    await db().membership.createMany({
      data: users.map((u) => ({ eventId: event.id, userId: u.id, role: "attendee" })),
    });
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/roster`);
    await expect(page.getByRole("heading", { name: "On the roster (250)" })).toBeVisible();
    await expect(page.getByText("1–100 of 250, by name.")).toBeVisible();
    const rows = page.getByRole("region", { name: "On the roster (250)" }).getByRole("row");
    await expect(rows).toHaveCount(101);
    await page
      .getByRole("navigation", { name: "Roster pages", exact: true })
      .getByRole("link", { name: "Next 100 →" })
      .click();
    await expect(page.getByText("101–200 of 250, by name.")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Person 101", exact: true })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Roster pages", exact: true })
      .getByRole("link", { name: "Next 100 →" })
      .click();
    await expect(page.getByText("201–250 of 250, by name.")).toBeVisible();
    await expect(rows).toHaveCount(51);
    await page
      .getByRole("navigation", { name: "Roster pages", exact: true })
      .getByRole("link", { name: "← Previous 100" })
      .click();
    await expect(page.getByText("101–200 of 250, by name.")).toBeVisible();

    await page.getByRole("searchbox", { name: "Find a name or email" }).fill("person 12");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("1–10 of 10 matching “person 12”.")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Person 120", exact: true })).toBeVisible();
    await page.getByRole("searchbox", { name: "Find a name or email" }).fill(`p7.${tag}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText(/^1–1 of 1 matching/)).toBeVisible();
    await expect(page.getByRole("cell", { name: "Person 008", exact: true })).toBeVisible();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole("link", { name: "Show everyone" }).click();
    await expect(page.getByText("1–100 of 250, by name.")).toBeVisible();
  });
});
