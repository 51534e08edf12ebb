// After the day (issue 18): takeaways on a session from someone who was there, a
// coordinator hiding one; a presenter's resource file (uploaded without
// JavaScript, served to the session's people only, removed); circles opened, formed, swapped and published by the
// coordinator; a member's circle page at phone width; "Meet your circle" with its
// unsubscribe link, used without signing in; a presenter's link resource, checked in the browser.
import { db, expect, expectAccessible, signIn, test, unique } from "./support";

// The unit-test factories and services, pointed at the e2e server's database file
// before they load (their db client reads DATABASE_URL once).
async function app() {
  process.env.DATABASE_URL = `file:${process.env.E2E_FRESH_DB ?? "tests/.tmp/e2e-3100/fresh.db"}`;
  const [factories, optIn] = await Promise.all([import("../factories"), import("~/.server/circles/opt-in")]);
  return { ...factories, ...optIn };
}

const phone = { viewport: { width: 320, height: 640 } };

async function fitsPhone(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

test("someone who was in a session posts a takeaway; a coordinator hides it", async ({ browser, baseURL }) => {
  const f = await app();
  // A day in the past: its sessions have started.
  const day = await f.createPublishedDay({ slug: unique("takeaway-day"), name: "Takeaway Day", date: "2026-11-20" });
  const ann = (
    await f.createAttendee(day.event.id, {
      name: "Ann Present",
      email: `${unique("ann")}@springfield.k12.test`.toLowerCase(),
    })
  ).user;
  await db().roomVisit.create({
    data: {
      eventId: day.event.id,
      userId: ann.id,
      roomId: day.roomA.id,
      timeBlockId: day.block1.id,
      placementId: day.a1.id,
      enteredAt: new Date(),
    },
  });

  const emptyTakeaway = "Write your takeaway, e.g. “One thing I’ll try on Monday: …”";
  // Without JavaScript an empty takeaway is refused by the server, beside its field.
  const noScript = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await signIn(plain, ann.id, baseURL!);
  await plain.goto(`${baseURL}/e/${day.event.slug}/sessions/${day.a1.id}/takeaways`);
  await plain.getByRole("button", { name: "Post takeaway" }).click();
  await expect(plain.getByLabel("Your takeaway")).toHaveAttribute("aria-invalid", "true");
  await expect(plain.getByText(emptyTakeaway)).toBeVisible();
  await noScript.close();

  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await signIn(page, ann.id, baseURL!);
  await page.goto(`${baseURL}/e/${day.event.slug}/sessions/${day.a1.id}`);
  await page.getByRole("link", { name: "Takeaways and resources" }).click();
  await expect(page.getByRole("heading", { name: "Takeaways" })).toBeVisible();
  await expectAccessible(page);
  await fitsPhone(page);
  // With it, the same message comes from the same schema in the browser: nothing is posted.
  let posted = false;
  page.on("request", (request) => (posted ||= request.method() === "POST"));
  await page.getByRole("button", { name: "Post takeaway" }).click();
  await expect(page.getByLabel("Your takeaway")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(emptyTakeaway)).toBeVisible();
  expect(posted, "an empty takeaway is refused before it is posted").toBe(false);
  await page.getByLabel("Your takeaway").fill("One thing I'll try on Monday: sliders for slope");
  await page.getByRole("button", { name: "Post takeaway" }).click();
  await expect(page.getByRole("status")).toContainText("your takeaway is posted");
  await expect(page.getByText("One thing I'll try on Monday: sliders for slope")).toBeVisible();
  await context.close();

  const coordinator = await browser.newContext();
  const admin = await coordinator.newPage();
  await signIn(admin, day.coordinator.id, baseURL!);
  await admin.goto(`${baseURL}/e/${day.event.slug}/sessions/${day.a1.id}/takeaways`);
  await admin.getByRole("button", { name: "Hide" }).click();
  await expect(admin.getByRole("status")).toContainText("The post is hidden.");
  await expect(admin.getByText("Ann Present · hidden")).toBeVisible();
  await admin.goto(`${baseURL}/events/${day.event.slug}`);
  await expect(admin.getByRole("region", { name: "After the day" })).toContainText("0 takeaways posted on sessions.");
  await coordinator.close();
});

test("a presenter uploads a resource file without JavaScript; only the session's people can open it; the presenter removes it", async ({
  browser,
  baseURL,
}) => {
  const f = await app();
  const day = await f.createPublishedDay({ slug: unique("resource-day"), name: "Resource Day", date: "2026-11-20" });
  const ann = (
    await f.createAttendee(day.event.id, {
      name: "Ann Present",
      email: `${unique("ann")}@springfield.k12.test`.toLowerCase(),
    })
  ).user;
  await db().pick.create({
    data: { eventId: day.event.id, userId: ann.id, placementId: day.a1.id, proposalId: day.a1.proposalId },
  });
  const abe = (
    await f.createAttendee(day.event.id, {
      name: "Abe Elsewhere",
      email: `${unique("abe")}@springfield.k12.test`.toLowerCase(),
    })
  ).user;
  const takeaways = `${baseURL}/e/${day.event.slug}/sessions/${day.a1.id}/takeaways`;

  // The presenter's page with its upload forms, checked with JavaScript on (axe needs it).
  const presenterContext = await browser.newContext(phone);
  const presenter = await presenterContext.newPage();
  await signIn(presenter, day.presenter.id, baseURL!);
  await presenter.goto(takeaways);
  await expectAccessible(presenter);
  await fitsPhone(presenter);

  const noJs = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await noJs.newPage();
  await signIn(page, day.presenter.id, baseURL!);
  await page.goto(takeaways);
  // A web page named like a PDF is refused beside the file field; the name typed stays.
  await page.getByLabel("File name").fill("Exit tickets handout");
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "handout.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByLabel("File", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use a PDF, PowerPoint, Word, Excel, JPEG, PNG or WebP file.")).toBeVisible();
  await expect(page.getByLabel("File name")).toHaveValue("Exit tickets handout");
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, 0x20)]);
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "Exit tickets.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByText("The file is added.")).toBeVisible();
  const link = page.getByRole("link", { name: "Exit tickets handout" });
  await expect(page.getByText("(PDF, 3 KB)")).toBeVisible();
  const href = (await link.getAttribute("href"))!;

  // Someone who picked the session downloads it; it never opens as a page.
  const annContext = await browser.newContext();
  const annPage = await annContext.newPage();
  await signIn(annPage, ann.id, baseURL!);
  const download = await annPage.request.get(`${baseURL}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain('attachment; filename="Exit tickets.pdf"');
  expect(download.headers()["x-content-type-options"]).toContain("nosniff");
  expect(download.headers()["content-security-policy"]).toContain("sandbox");
  expect((await download.body()).equals(pdf)).toBe(true);
  // Someone on the PD day who was not in the session, and a signed-out browser, get nothing.
  const abeContext = await browser.newContext();
  const abePage = await abeContext.newPage();
  await signIn(abePage, abe.id, baseURL!);
  expect((await abePage.request.get(`${baseURL}${href}`)).status()).toBe(403);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${baseURL}${href}`, { maxRedirects: 0 })).status()).toBe(302);

  await presenter.reload();
  await presenter.getByRole("button", { name: "Remove Exit tickets handout" }).click();
  await expect(presenter.getByRole("status")).toContainText("The resource is removed.");
  await expect(presenter.getByRole("link", { name: "Exit tickets handout" })).toHaveCount(0);
  expect((await annPage.request.get(`${baseURL}${href}`)).status()).toBe(404);
  for (const context of [presenterContext, noJs, annContext, abeContext, anonymous]) await context.close();
});

test("a coordinator opens, forms, swaps and publishes circles; a member meets theirs; unsubscribing needs no sign-in", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const f = await app();
  const event = await f.createEvent({
    slug: unique("circles-day"),
    name: "Circles Day",
    status: "archived",
    subjectTags: "Math\nELA",
  });
  const coordinator = await f.createUser({ name: "Dana Whitfield" });
  await f.addMember(event.id, coordinator.id, "coordinator");

  const board = await (await browser.newContext()).newPage();
  await signIn(board, coordinator.id, baseURL!);
  await board.goto(`${baseURL}/events/${event.slug}/circles`);
  await expectAccessible(board);
  await board.getByLabel("People per circle").selectOption("5");
  await board.getByRole("button", { name: "Open circles" }).click();
  await expect(board.getByRole("status")).toContainText("Circles are open");

  // One attendee opts in on their phone; nine more through the same service.
  const email = () => `${unique("circle")}@springfield.k12.test`.toLowerCase();
  const people: Awaited<ReturnType<typeof f.createUser>>[] = [];
  for (let i = 0; i < 10; i++) {
    const user = await f.createUser({
      email: email(),
      name: `Member ${String.fromCharCode(65 + i)}`,
      school: ["Lincoln Elementary", "Jefferson High"][i % 2],
    });
    await f.addMember(event.id, user.id, "attendee");
    people.push(user);
  }
  const phonePage = await (await browser.newContext(phone)).newPage();
  await signIn(phonePage, people[0]!.id, baseURL!);
  await phonePage.goto(`${baseURL}/e/${event.slug}/circles`);
  await expectAccessible(phonePage);
  await fitsPhone(phonePage);
  // Nothing chosen: refused in the browser by the action's schema, before any post.
  let optInPosted = false;
  const watchPosts = (request: import("@playwright/test").Request) => (optInPosted ||= request.method() === "POST");
  phonePage.on("request", watchPosts);
  await phonePage.getByRole("button", { name: "Join a circle" }).click();
  await expect(phonePage.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
  await expect(phonePage.getByText("Choose a grade band")).toBeVisible();
  expect(optInPosted, "an empty opt-in is refused before it is posted").toBe(false);
  phonePage.off("request", watchPosts);
  await phonePage.getByLabel("Subject").selectOption("Math");
  await phonePage.getByLabel("Grade band").selectOption("6-8");
  await phonePage.getByLabel("Your role").selectOption("Classroom teacher");
  await phonePage.getByRole("button", { name: "Join a circle" }).click();
  await expect(phonePage.getByRole("status")).toContainText("You're in.");
  for (const [i, p] of people.slice(1).entries()) {
    await f.optIntoCircles(p.id, event.slug, {
      intent: "opt-in",
      subject: i < 4 ? "Math" : "ELA",
      gradeBand: "6-8",
      role: "Classroom teacher",
      otherSchools: true,
    });
  }

  await board.reload();
  await board.getByRole("button", { name: "Form circles" }).click();
  await expect(board.getByRole("status")).toContainText("Formed 2 circles");
  await expect(board.getByRole("heading", { name: "Circle 2" })).toBeVisible();
  await expectAccessible(board);
  // Swap Member A with someone in the other circle.
  const aLabel = (await board.getByLabel("Move").locator("option", { hasText: "Member A (" }).textContent())!;
  const from = Number(aLabel.match(/circle (\d)/)![1]);
  const to = 3 - from;
  await board.getByLabel("Move").selectOption({ label: aLabel });
  const withLabel = (await board
    .getByLabel("With")
    .locator("option", { hasText: `(circle ${to})` })
    .first()
    .textContent())!;
  await board.getByLabel("With").selectOption({ label: withLabel });
  await board.getByRole("button", { name: "Swap" }).click();
  await expect(board.getByRole("status")).toContainText("Swapped.");
  await expect(board.getByLabel("Move").locator("option", { hasText: `Member A (circle ${to})` })).toHaveCount(1);
  await board.getByRole("button", { name: "Publish circles" }).click();
  await expect(board.getByRole("status")).toContainText("“Meet your circle” went to 10 people");

  // Member A's circle page, from the link on their circles page.
  await phonePage.goto(`${baseURL}/e/${event.slug}/circles`);
  await phonePage.getByRole("link", { name: /Your circle/ }).click();
  await expect(phonePage.getByRole("heading", { name: `Circle ${to}` })).toBeVisible();
  await expect(phonePage.getByText("Member A (you)")).toBeVisible();
  await expectAccessible(phonePage);
  await fitsPhone(phonePage);
  await phonePage.getByLabel("Post to your circle").fill("Tried exit tickets on Monday");
  await phonePage.getByRole("button", { name: "Post", exact: true }).click();
  await expect(phonePage.getByText("Tried exit tickets on Monday")).toBeVisible();
  // The next meeting: a past date is refused beside the field; a later one is set.
  await phonePage.getByLabel("Date").fill("2020-01-06");
  await phonePage.getByRole("button", { name: "Set the date" }).click();
  await expect(phonePage.getByLabel("Date")).toHaveAttribute("aria-invalid", "true");
  await expect(phonePage.getByText("Choose today or a later date.")).toBeVisible();
  await phonePage.getByLabel("Date").fill("2099-01-06");
  await phonePage.getByRole("button", { name: "Set the date" }).click();
  await expect(phonePage.getByRole("status")).toContainText("The next meeting is set.");
  await expect(phonePage.getByText("Next meeting:")).toContainText("2099");

  // "Meet your circle", and its unsubscribe link opened in a browser nobody signed in to.
  const mail = await db().outboxMessage.findFirstOrThrow({
    where: { to: people[0]!.email, subject: { startsWith: "Meet your circle" } },
  });
  const link = mail.text.match(/http\S+\/circles\/unsubscribe\/\S+/)![0];
  const stranger = await (await browser.newContext(phone)).newPage();
  await stranger.goto(link.replace(/^http:\/\/[^/]+/, baseURL!));
  await expect(stranger.getByRole("heading", { name: "Circle emails from Circles Day" })).toBeVisible();
  await expectAccessible(stranger);
  // Opening the link changed nothing.
  const optIn = () => db().circleOptIn.findFirstOrThrow({ where: { userId: people[0]!.id } });
  expect((await optIn()).mailStoppedAt).toBeNull();
  await stranger.getByRole("button", { name: "Stop circle emails" }).click();
  await expect(stranger.getByText("You will get no more circle emails from Circles Day.")).toBeVisible();
  expect((await optIn()).mailStoppedAt).not.toBeNull();
});

test("a presenter shares a link with the session's people, checked in the browser before it posts", async ({
  browser,
  baseURL,
}) => {
  const f = await app();
  const day = await f.createPublishedDay({ slug: unique("link-day"), name: "Link Day", date: "2026-11-20" });
  const context = await browser.newContext(phone);
  const presenter = await context.newPage();
  await signIn(presenter, day.presenter.id, baseURL!);
  await presenter.goto(`${baseURL}/e/${day.event.slug}/sessions/${day.a1.id}/takeaways`);
  const form = presenter.getByRole("form", { name: "Add a link" });
  await form.getByRole("button", { name: "Add resource" }).click();
  await expect(form.getByText("Name the resource, e.g. “Slides”")).toBeVisible();
  await form.getByLabel("Name", { exact: true }).fill("Slides");
  await form.getByLabel("Link", { exact: true }).fill("https://example.org/slides");
  await form.getByRole("button", { name: "Add resource" }).click();
  await expect(presenter.getByRole("status")).toContainText("The resource is added.");
  await expect(presenter.getByRole("link", { name: "Slides" })).toHaveAttribute("href", "https://example.org/slides");
  await context.close();
});
