// The signed-in schedule page (/e/<slug>) comes from a stored render shared by
// every attendee (server/public-page-cache.ts, app/.server/attendees/schedule-viewer.ts):
// nothing personal may be in it, each person must still see their own picks, and
// picking must work with and without JavaScript.
import { dayWithTwoAttendees, noSidewaysScroll, phone, publishDay, seedDay } from "./attendee-day";
import { cookieFor, db, expect, expectAccessible, signIn, test } from "./support";

const PHONE_HEADERS = { "accept-encoding": "gzip, br" };

test("two attendees get the same stored page with nothing of either in it, then each sees only their own picks", async ({
  browser,
  baseURL,
  request,
}) => {
  const g = await dayWithTwoAttendees(browser, baseURL!);
  const [keishaCookie, benCookie] = await Promise.all([cookieFor(g.attendee.id), cookieFor(g.ben.id)]);
  const forKeisha = await request.get(`/e/${g.event.slug}`, { headers: { ...PHONE_HEADERS, cookie: keishaCookie } });
  const forBen = await request.get(`/e/${g.event.slug}`, { headers: { ...PHONE_HEADERS, cookie: benCookie } });
  expect(forKeisha.status()).toBe(200);
  // One stored render: the same bytes and ETag, allowed by script hashes rather than a per-person nonce.
  expect(forBen.headers()["etag"]).toBe(forKeisha.headers()["etag"]);
  expect(await forBen.text()).toBe(await forKeisha.text());
  expect(forKeisha.headers()["content-security-policy"]).not.toContain("nonce-");
  const html = await forKeisha.text();
  for (const secret of [
    "keisha-pick-tiles",
    "ben-pick-rotation",
    "Keisha",
    "Benedikt",
    g.attendee.id,
    g.ben.id,
    g.attendee.email,
  ]) {
    expect(html, `the stored page holds ${secret}`).not.toContain(secret);
  }
  // Still the attendee's page: their links, and pick buttons.
  expect(html).toContain(`href="/e/${g.event.slug}/my-day"`);
  expect(html).toContain(`name="intent" value="pick"`);

  for (const [userId, mine, theirs] of [
    [g.attendee.id, "Fractions with tiles", "Station rotation"],
    [g.ben.id, "Station rotation", "Fractions with tiles"],
  ] as const) {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, userId, baseURL!);
    await page.goto(`/e/${g.event.slug}`);
    await expect(page.getByRole("button", { name: `Picked “${mine}”` })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: `Pick “${theirs}”` })).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByRole("button", { pressed: true })).toHaveCount(1);
    await context.close();
  }
});

test("a JavaScript pick on the stored page is one small request, no page render; filters and search still work", async ({
  browser,
  baseURL,
}) => {
  const g = await dayWithTwoAttendees(browser, baseURL!);
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, g.attendee.id, baseURL!);
  await page.goto(`/e/${g.event.slug}?q=tiles`);
  await expect(page.getByText("Showing 1 of 6 sessions")).toBeVisible();
  await expect(page.getByRole("button", { name: "Picked “Fractions with tiles”" })).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);

  await page.getByLabel("Search").fill("");
  await page.getByLabel("Grade band").selectOption("6-8");
  await page.getByRole("button", { name: "Show sessions" }).click();
  await expect(page.getByText("Showing 5 of 6 sessions")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "This PD day" })).toHaveAttribute("data-ready", "");

  const pages: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document" || r.url().includes(".data")) pages.push(r.url());
  });
  await page.getByRole("button", { name: "Pick “Exit tickets”" }).tap();
  await expect(page.getByRole("button", { name: "Picked “Exit tickets”" })).toBeVisible();
  await expect.poll(() => db().pick.count({ where: { userId: g.attendee.id } })).toBe(2);
  expect(pages, "a JavaScript pick rendered a page").toEqual([]);

  // A fresh load of the stored page shows it from the picks request.
  await page.goto(`/e/${g.event.slug}`);
  await expect(page.getByRole("button", { name: "Picked “Exit tickets”" })).toBeVisible();
  await expect(page.getByRole("button", { pressed: true })).toHaveCount(2);

  // The sessions' titles and links stay the server's HTML (not hydrated): still opened in the app.
  await expect(page.getByRole("navigation", { name: "This PD day" })).toHaveAttribute("data-ready", "");
  pages.length = 0;
  await page.getByRole("region", { name: "Schedule" }).getByRole("link", { name: "Exit tickets" }).click();
  await expect(page).toHaveURL(/\/sessions\//);
  await expect(page.getByRole("heading", { level: 1, name: "Exit tickets" })).toBeVisible();
  expect(
    pages.filter((url) => !url.includes(".data")),
    "a session link loaded a whole page",
  ).toEqual([]);
  await context.close();
});

test("without JavaScript the stored page sends the phone to its own render, where picks show and work", async ({
  browser,
  baseURL,
}) => {
  const g = await dayWithTwoAttendees(browser, baseURL!);
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, g.attendee.id, baseURL!);
  await page.goto(`/e/${g.event.slug}?q=tiles`);
  await expect(page).toHaveURL(/q=tiles&nojs=1/);
  await expect(page.getByRole("button", { name: "Picked “Fractions with tiles”" })).toBeVisible();
  await page.getByRole("button", { name: "Picked “Fractions with tiles”" }).click();
  await expect(page.getByRole("button", { name: "Pick “Fractions with tiles”" })).toBeVisible();
  await expect(page).toHaveURL(/q=tiles&nojs=1/);
  expect(await db().pick.count({ where: { userId: g.attendee.id } })).toBe(0);
  await page.getByRole("button", { name: "Pick “Fractions with tiles”" }).click();
  await expect(page.getByRole("button", { name: "Picked “Fractions with tiles”" })).toBeVisible();
  expect(await db().pick.count({ where: { userId: g.attendee.id } })).toBe(1);
  // Ben's pick is his alone, in his own render too.
  await expect(page.getByRole("button", { pressed: true })).toHaveCount(1);
  await context.close();
});

test("a day of more than 60 sessions shows the block on now, a tab per block, and a search across the day", async ({
  browser,
  baseURL,
}) => {
  const g = await seedDay();
  // 60 more sessions in Block 3, each in a room of its own: 66 in all.
  const [b3] = await db().timeBlock.findMany({ where: { eventId: g.event.id, label: "Block 3" } });
  const proposals = await db().proposal.createManyAndReturn({
    data: Array.from({ length: 60 }, (_, i) => ({
      eventId: g.event.id,
      presenterId: g.maria.id,
      title: `Afternoon lab ${i + 1}`,
      audience: "6-8",
      format: "demo",
      state: "confirmed",
    })),
  });
  const rooms = await Promise.all(
    proposals.map((_, i) =>
      db().room.create({ data: { eventId: g.event.id, name: `Lab ${i + 1}`, capacity: 30, sortOrder: 10 + i } }),
    ),
  );
  await db().placement.createMany({
    data: proposals.map((p, i) => ({
      eventId: g.event.id,
      proposalId: p.id,
      roomId: rooms[i]!.id,
      timeBlockId: b3!.id,
    })),
  });
  await publishDay(browser, baseURL!, g);
  await db().pick.create({
    data: {
      eventId: g.event.id,
      userId: g.attendee.id,
      placementId: g.placed["Fractions with tiles"]!.placementId,
      proposalId: g.placed["Fractions with tiles"]!.proposalId,
      clientId: "keisha-pick-tiles",
    },
  });

  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, g.attendee.id, baseURL!);
  await page.goto(`/e/${g.event.slug}`);
  const tabs = page.getByRole("navigation", { name: "Blocks" });
  // Block 2 is on now: its three sessions, the pick among them marked.
  await expect(tabs.getByRole("link", { name: /Block 2/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Showing 3 of 66 sessions")).toBeVisible();
  await expect(page.getByRole("button", { name: "Picked “Fractions with tiles”" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Exit tickets" })).toHaveCount(0);
  await expectAccessible(page);
  await noSidewaysScroll(page);

  await tabs.getByRole("link", { name: /Block 3/ }).click();
  await expect(page).toHaveURL(/block=/);
  await expect(page.getByText("Showing 62 of 66 sessions")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Afternoon lab 60" })).toBeVisible();

  await page.getByLabel("Search").fill("tiles");
  await page.getByRole("button", { name: "Show sessions" }).click();
  await expect(page.getByText("Showing 1 of 66 sessions")).toBeVisible();
  await expect(page.getByRole("button", { name: "Picked “Fractions with tiles”" })).toBeVisible();
  await expect(tabs).toHaveCount(0);
  await context.close();
});
