// The signed-in session page, room page, My day and credit page come from a stored
// render shared by every member (server/public-page-cache.ts); each page asks
// GET /e/<slug>/mine/… for the person's own part (app/.server/attendees/personal-parts.ts).
// Nothing personal may be in the stored render; each person sees only their own part;
// without JavaScript the phone gets its own render.
import { dayWithTwoAttendees, noSidewaysScroll, phone } from "./attendee-day";
import { cookieFor, createUser, db, expect, expectAccessible, signIn, test } from "./support";

// Each test signs two attendees in and opens four pages for each: 30 s on a quiet
// 2-core machine (2026-12-02), so a machine half as fast needs twice the default.
test.describe.configure({ timeout: 120_000 });

const PHONE_HEADERS = { "accept-encoding": "gzip, br" };

async function dayWithTwoAttendeesAndRoom(browser: Parameters<typeof dayWithTwoAttendees>[0], baseURL: string) {
  const g = await dayWithTwoAttendees(browser, baseURL);
  const library = await db().room.findFirstOrThrow({ where: { eventId: g.event.id, name: "Library" } });
  return { ...g, library };
}

test("the session, room, My day and credit pages are one stored render for both attendees, holding nothing of either", async ({
  browser,
  baseURL,
  request,
}) => {
  const g = await dayWithTwoAttendeesAndRoom(browser, baseURL!);
  const [keishaCookie, benCookie] = await Promise.all([cookieFor(g.attendee.id), cookieFor(g.ben.id)]);
  const slug = g.event.slug;
  for (const path of [
    `/e/${slug}/sessions/${g.placed["Fractions with tiles"]!.placementId}`,
    `/e/${slug}/rooms/${g.library.id}`,
    `/e/${slug}/my-day`,
    `/e/${slug}/credit`,
  ]) {
    const forKeisha = await request.get(path, { headers: { ...PHONE_HEADERS, cookie: keishaCookie } });
    const forBen = await request.get(path, { headers: { ...PHONE_HEADERS, cookie: benCookie } });
    expect(forKeisha.status(), path).toBe(200);
    expect(forBen.headers()["etag"], `${path} is one stored render`).toBe(forKeisha.headers()["etag"]);
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
      expect(html, `the stored ${path} holds ${secret}`).not.toContain(secret);
    }
  }
  // The per-person part answers each cookie with its own person only.
  const mine = await request.get(`/e/${slug}/mine/my-day`, { headers: { cookie: benCookie } });
  expect(JSON.stringify(await mine.json())).toContain("ben-pick-rotation");
  expect(
    JSON.stringify(await (await request.get(`/e/${slug}/mine/my-day`, { headers: { cookie: benCookie } })).json()),
  ).not.toContain("keisha-pick");
  expect((await request.get(`/e/${slug}/mine/my-day`)).status()).toBe(401);

  // A district coordinator from outside the day may pick and has a My day, but no PD
  // credit here: the credit page's own refusal, not the members' stored page.
  const district = await cookieFor((await createUser({ name: "Dana Admin", districtCoordinator: true })).id);
  const credit = await request.get(`/e/${slug}/credit`, { headers: { ...PHONE_HEADERS, cookie: district } });
  expect(credit.status()).toBe(403);
  expect(await credit.text()).toContain("Only people on this PD day");
  const myDay = await request.get(`/e/${slug}/my-day`, { headers: { ...PHONE_HEADERS, cookie: district } });
  expect(myDay.status()).toBe(200);
});

test("each attendee sees their own picks, check-in and rating state on the stored pages", async ({
  browser,
  baseURL,
}) => {
  const g = await dayWithTwoAttendeesAndRoom(browser, baseURL!);
  const slug = g.event.slug;
  // Keisha is checked in to the Library for Block 2 (running now); Ben is not.
  const block2 = await db().timeBlock.findFirstOrThrow({ where: { eventId: g.event.id, label: "Block 2" } });
  await db().roomVisit.create({
    data: {
      eventId: g.event.id,
      userId: g.attendee.id,
      roomId: g.library.id,
      timeBlockId: block2.id,
      enteredAt: new Date(),
    },
  });
  for (const [userId, mine, theirs, checkedIn] of [
    [g.attendee.id, "Fractions with tiles", "Station rotation", true],
    [g.ben.id, "Station rotation", "Fractions with tiles", false],
  ] as const) {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await signIn(page, userId, baseURL!);
    await page.goto(`/e/${slug}/my-day`);
    await expect(page.getByRole("heading", { name: mine })).toBeVisible();
    await expect(page.getByRole("heading", { name: theirs })).toHaveCount(0);
    await expect(page.getByRole("button", { name: `Picked “${mine}”` })).toHaveAttribute("aria-pressed", "true");
    await expectAccessible(page);
    await noSidewaysScroll(page);

    await page.goto(`/e/${slug}/sessions/${g.placed[mine]!.placementId}`);
    await expect(page.getByRole("button", { name: `Picked “${mine}”` })).toHaveAttribute("aria-pressed", "true");
    await page.goto(`/e/${slug}/sessions/${g.placed[theirs]!.placementId}`);
    await expect(page.getByRole("navigation", { name: "This PD day" })).toHaveAttribute("data-ready", "");
    await expect(page.getByRole("button", { name: `Pick “${theirs}”` })).toHaveAttribute("aria-pressed", "false");
    await expectAccessible(page);
    await noSidewaysScroll(page);

    await page.goto(`/e/${slug}/rooms/${g.library.id}`);
    await expect(page.getByRole("button", { name: "Check in to this room" })).toBeVisible();
    await expect(page.getByText(/You are checked in here since/)).toHaveCount(checkedIn ? 1 : 0);
    await expectAccessible(page);
    await noSidewaysScroll(page);

    await page.goto(`/e/${slug}/credit`);
    await expect(page.getByText(/so far\./)).toBeVisible();
    await expect(page.getByText("You have not checked in at the door yet.", { exact: false })).toBeVisible();
    await expectAccessible(page);
    await context.close();
  }
});

test("without JavaScript, My day and the room page send the phone to its own render, where its forms work", async ({
  browser,
  baseURL,
}) => {
  const g = await dayWithTwoAttendeesAndRoom(browser, baseURL!);
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, g.ben.id, baseURL!);
  await page.goto(`/e/${g.event.slug}/my-day`);
  await expect(page).toHaveURL(/nojs=1/);
  await expect(page.getByRole("heading", { name: "Station rotation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Fractions with tiles" })).toHaveCount(0);
  await page.getByRole("button", { name: "Picked “Station rotation”" }).click();
  await expect(page.getByText("No picks yet.", { exact: false })).toBeVisible();
  expect(await db().pick.count({ where: { userId: g.ben.id } })).toBe(0);

  await page.goto(`/e/${g.event.slug}/rooms/${g.library.id}`);
  await expect(page).toHaveURL(/nojs=1/);
  await page.getByRole("button", { name: "Check in to this room" }).click();
  await expect(page.getByText(/You are checked in here since/)).toBeVisible();
  await context.close();
});
