import { noSidewaysScroll, phone, publishDay, seedDay } from "./attendee-day";
import { db, expect, expectAccessible, signIn, test } from "./support";

test("an attendee joins by email code, picks sessions (one offline), subscribes and rates; the presenter sees the summary", async ({
  browser,
  baseURL,
}) => {
  // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
  test.setTimeout(180_000); // 66 s on a slow machine (2026-12-02)
  const g = await seedDay();

  await publishDay(browser, baseURL!, g);

  const context = await browser.newContext(phone);
  const page = await context.newPage();

  // The same neutral answer for an unknown and a rostered email, word for word (but the
  // address itself): the code comes only to addresses on the list, and whom to ask.
  const ask = async (email: string) => {
    await page.goto(`/e/${g.event.slug}/join`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a code" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByText(`A code is sent only if ${email} is on the list for Spring Exchange.`)).toBeVisible();
    await expect(page.getByRole("link", { name: g.coordinator.email })).toHaveAttribute(
      "href",
      `mailto:${g.coordinator.email}`,
    );
    await expect(page.getByText("To be added to the list, ask Dana Whitfield")).toBeVisible();
    return (await page.getByRole("region", { name: "Check your email" }).innerText()).replaceAll(email, "EMAIL");
  };
  await page.goto(`/e/${g.event.slug}/join`);
  await expectAccessible(page);
  await noSidewaysScroll(page);
  const unknownAnswer = await ask("nobody-here@example.org");
  const knownAnswer = await ask(g.attendee.email);
  expect(knownAnswer).toBe(unknownAnswer);
  // Long addresses in the answer wrap instead of widening a 320px phone.
  await noSidewaysScroll(page);
  expect(await db().outboxMessage.count({ where: { to: "nobody-here@example.org" } })).toBe(0);
  await expectAccessible(page);

  const mail = await db().outboxMessage.findFirstOrThrow({
    where: { to: g.attendee.email },
    orderBy: { createdAt: "desc" },
  });
  const code = mail.text.match(/\b(\d{6})\b/)![1]!;
  await page.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code does not work")).toBeVisible();
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spring Exchange" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Now: Block 2/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Next: Block 3/ })).toBeVisible();
  // One clock format on the page: the day's hours read like the blocks' times.
  await expect(page.getByText("8:00 AM–3:00 PM")).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);

  // Filter by audience: kept in the address, the K-2 session is gone.
  await page.getByLabel("Grade band").selectOption("6-8");
  await page.getByRole("button", { name: "Show sessions" }).click();
  await expect(page).toHaveURL(/audience=6-8/);
  const schedule = page.getByRole("region", { name: "Schedule" });
  await expect(schedule.getByRole("heading", { name: "Phonics games" })).toHaveCount(0);
  await expect(schedule.getByRole("heading", { name: "Fractions with tiles" })).toBeVisible();
  await expect(page.getByText("Showing 5 of 6 sessions")).toBeVisible();
  await expectAccessible(page);

  const pick = async (title: string) => {
    await page.getByRole("button", { name: `Pick “${title}”` }).tap();
    await expect(page.getByRole("button", { name: `Picked “${title}”` })).toHaveAttribute("aria-pressed", "true");
  };
  const serverPicks = () => db().pick.findMany({ where: { userId: g.attendee.id } });
  // Until the page is hydrated a tap is a plain POST; the offline queue needs the script.
  await expect(page.locator("nav.attendee-nav[data-ready]")).toBeAttached();
  for (const title of ["Fractions with tiles", "Station rotation", "Exit tickets"]) await pick(title);
  await expect.poll(async () => (await serverPicks()).length).toBe(3);

  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "Offline" })).toContainText("your picks will sync");
  await pick("Math talks");
  await expectAccessible(page);
  await noSidewaysScroll(page);
  expect((await serverPicks()).length).toBe(3);
  await context.setOffline(false);
  await expect
    .poll(async () => (await serverPicks()).filter((p) => p.placementId === g.placed["Math talks"]!.placementId).length)
    .toBe(1);
  // The queue has drained (the sync line is gone), so nothing is left to replay: one pick, once.
  await expect(page.getByRole("status").filter({ hasText: /Syncing your picks|Offline/ })).toHaveCount(0);
  expect((await serverPicks()).length).toBe(4);

  // My day: the second Block 2 pick is an alternative; the private feed lists the picks.
  await page.getByRole("link", { name: "My day" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My day" })).toBeVisible();
  // Which day and when, above the person's list (it is in the page before the list arrives).
  await expect(page.getByText(/^Spring Exchange: \w+day, /)).toContainText("AM–");
  await expect(page.getByRole("listitem").filter({ hasText: "Station rotation" })).toContainText("alternative");
  await expectAccessible(page);
  await noSidewaysScroll(page);
  // The service worker keeps the schedule and my day for reading offline.
  await expect
    .poll(() =>
      page.evaluate(async (slug) => {
        const [schedule, myDay] = await Promise.all([caches.match(`/e/${slug}`), caches.match(`/e/${slug}/my-day`)]);
        return [Boolean(schedule), Boolean(myDay)];
      }, g.event.slug),
    )
    .toEqual([true, true]);
  // No private address until the attendee asks for one.
  await page.getByRole("button", { name: "Get my calendar address" }).click();
  await expect(page.getByRole("status")).toContainText("Here is your private calendar address.");
  const feedUrl = await page.getByRole("link", { name: /\/my-day\/.+\.ics$/ }).innerText();
  const feed = await page.request.get(new URL(feedUrl).pathname);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  for (const title of ["Fractions with tiles", "Station rotation", "Exit tickets", "Math talks"])
    expect(ics).toContain(title);
  expect(ics).not.toContain("Phonics games");

  // Block 1 has ended: its session can be rated; Block 2's cannot yet.
  await page.goto(`/e/${g.event.slug}/sessions/${g.placed["Fractions with tiles"]!.placementId}`);
  await expect(page.getByRole("heading", { name: "How was it?" })).toHaveCount(0);
  await page.goto(`/e/${g.event.slug}/sessions/${g.placed["Morning Desmos"]!.placementId}`);
  await expect(page.getByText("Library — Main building, floor 1")).toBeVisible();
  await expectAccessible(page);
  await noSidewaysScroll(page);
  await page.getByRole("button", { name: "Send rating" }).tap();
  await expect(page.getByText("Choose a rating from 1 to 5")).toBeVisible();
  await page.getByLabel("4 out of 5").check();
  await page.getByLabel("Comment (optional)").fill("The sliders activity was gold.");
  await page.getByRole("button", { name: "Send rating" }).tap();
  await expect(page.getByRole("status").filter({ hasText: "rating is saved" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your rating" })).toBeVisible();
  await expectAccessible(page);
  await context.close();

  const presenter = await browser.newContext(phone);
  const presenterPage = await presenter.newPage();
  await signIn(presenterPage, g.maria.id, baseURL!);
  await presenterPage.goto(`/e/${g.event.slug}/sessions/${g.placed["Morning Desmos"]!.placementId}`);
  await presenterPage.getByRole("link", { name: "Feedback on your session" }).click();
  await expect(presenterPage.getByText("1 rating, average 4 out of 5")).toBeVisible();
  await expect(presenterPage.getByText("The sliders activity was gold.")).toBeVisible();
  await expect(presenterPage.getByText("Keisha Reyes")).toHaveCount(0);
  await expectAccessible(presenterPage);
  await noSidewaysScroll(presenterPage);
  await presenter.close();

  // Coordinators see interest on the grid.
  const coordinator = await browser.newContext();
  const gridPage = await coordinator.newPage();
  await signIn(gridPage, g.coordinator.id, baseURL!);
  await gridPage.goto(`/events/${g.event.slug}/grid`);
  await expect(gridPage.locator("li.session-card[data-session='Math talks']").first()).toContainText("1 pick");
  await coordinator.close();
});

test("without JavaScript: sign in by the mailed link (once), search, pick and unpick by plain POST", async ({
  browser,
  baseURL,
}) => {
  const g = await seedDay();
  await publishDay(browser, baseURL!, g);

  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  // Sign in by the mailed link instead of the code; the link works once.
  await page.goto(`/e/${g.event.slug}/join`);
  await page.getByLabel("Email").fill(g.attendee.email);
  await page.getByRole("button", { name: "Send me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: g.attendee.email } });
  const link = new URL(mail.text.match(/http:\/\/\S+\/join\/\S+/)![0]).pathname;
  // Opening the link only asks; the button (a plain POST) signs in.
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${g.attendee.email}` }).click();
  await expect(page.getByRole("link", { name: "My day" })).toBeVisible();
  // A second device (JavaScript on, so axe can run) finds the link spent.
  const other = await browser.newContext(phone);
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(otherPage.getByRole("heading", { name: "This link did not work" })).toBeVisible();
  await expectAccessible(otherPage);
  await other.close();

  await page.goto(`/e/${g.event.slug}?q=tiles`);
  await expect(page.getByText("Showing 1 of 6 sessions")).toBeVisible();
  await page.getByRole("button", { name: "Pick “Fractions with tiles”" }).click();
  await expect(page.getByRole("button", { name: "Picked “Fractions with tiles”" })).toBeVisible();
  await expect(page).toHaveURL(/q=tiles/);
  expect(await db().pick.count({ where: { userId: g.attendee.id } })).toBe(1);
  await page.getByRole("button", { name: "Picked “Fractions with tiles”" }).click();
  await expect(page.getByRole("button", { name: "Pick “Fractions with tiles”" })).toBeVisible();
  expect(await db().pick.count({ where: { userId: g.attendee.id } })).toBe(0);
  await context.close();
});
