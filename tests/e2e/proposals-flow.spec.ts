// Issue 3's "Done means", walked end to end through the UI: a teacher drafts, leaves,
// comes back, fixes a mistake and submits; a colleague joins as co-presenter from the
// mailed link; the coordinator filters, scores, bulk-accepts three and declines one;
// everyone involved (and nobody else) gets one message; the teacher confirms from the
// mail. The two halves are covered in detail by proposals-presenter/-review specs;
// this one proves they connect.
import type { Browser, Page } from "@playwright/test";
import { openCall, seedProposals } from "./proposal-fixtures";
import { createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

const OTHERS = [
  { name: "Maria Delgado", title: "Phonics games that stick", audience: "K-2", tags: "Literacy", format: "hands_on" },
  { name: "Ben Okafor", title: "Fractions with LEGO bricks", audience: "3-5", tags: "Math", format: "demo" },
  { name: "Tom Schmidt", title: "Cheap chemistry labs", audience: "9-12", tags: "Science", format: "hands_on" },
  {
    name: "Luis Reyes",
    title: "Spreadsheets for grading sanity",
    audience: "all",
    tags: "EdTech",
    format: "playground",
  },
];

/** A PD day taking proposals today, with subject tags, session blocks and four colleagues' submitted proposals. */
async function seedCall(name: string) {
  // An event coordinator (not district-wide), so /outbox lists this day's mail only.
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name, status: "proposals_open" });
  await openCall(event.id, ["Literacy", "Math", "Science", "EdTech"]);
  const others = await seedProposals(event.id, OTHERS, (i) => new Date(Date.now() - (10 - i) * 60 * 60 * 1000));
  const other = (title: string) => others.find((o) => o.title === title)!;
  return { coordinator, event, other };
}

const toast = (page: Page) => page.locator(".toast-region");
const board = (page: Page) => page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
const boardRow = (page: Page, title: string) => board(page).filter({ hasText: title });
const select = (page: Page, title: string) => page.getByRole("checkbox", { name: `Select “${title}”` }).check();

async function signedInPage(browser: Browser, userId: string, baseURL: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, userId, baseURL);
  return page;
}

function linkIn(text: string, path: RegExp) {
  const link = text.match(new RegExp(`https?://\\S+${path.source}`))?.[0];
  expect(link, `a link matching ${path} in:\n${text}`).toBeTruthy();
  return link!;
}

test("a proposal's whole life: draft, fix, submit, co-presenter, review, bulk decisions, mail, confirmation", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000); // 90 s on a slow machine (2026-12-02): half the budget spare
  const { coordinator, event, other } = await seedCall("Spring Learning Exchange");
  const teacherA = await createUser({ name: "Maria Lopez" });
  const teacherB = await createUser({ name: "Kevin Osei" });
  const title = "Number talks for fluency";
  const summary = "Ten-minute number talks that build mental math.";

  // ── Teacher A starts a proposal; the draft saves itself.
  await signIn(page, teacherA.id, baseURL!);
  await page.goto(`/e/${event.slug}/propose`);
  await expect(page.getByRole("heading", { name: "Propose a session" })).toBeVisible();
  await expect(page.getByText("The call for proposals is open.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start a proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Untitled draft" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Short description").fill(summary);
  await expect(page.locator(".autosave-status")).toHaveText(/^Saved \d{1,2}:\d{2} (AM|PM)$/);

  // ── Leaves, comes back through "My proposals", and finds what was typed.
  await page.getByRole("link", { name: "PD days" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "My proposals", exact: true }).click();
  await expect(page.getByRole("heading", { name: "My proposals" })).toBeVisible();
  await expectAccessible(page);
  const myRow = page.getByRole("listitem").filter({ hasText: title });
  await expect(myRow).toContainText("Draft");
  await expect(myRow).toContainText("Spring Learning Exchange");
  await myRow.getByRole("link").click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Short description")).toHaveValue(summary);

  // ── Submits with no audience chosen: a clear message, nothing typed lost.
  await page.getByLabel("Details for reviewers").fill("We do two number talks as students, then plan one for Monday.");
  await page.getByRole("checkbox", { name: "Math" }).check();
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page.getByText("Choose at least one audience")).toBeVisible();
  await expect(page.getByText("One field needs your attention.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Short description")).toHaveValue(summary);
  await expect(page.getByLabel("Details for reviewers")).toHaveValue(/two number talks/);
  await expect(page.getByRole("checkbox", { name: "Math" })).toBeChecked();
  await expectAccessible(page);
  expect((await db().proposal.findFirstOrThrow({ where: { presenterId: teacherA.id } })).state).toBe("draft");

  await page.getByRole("checkbox", { name: "Grades 3–5" }).check();
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(toast(page)).toContainText("Proposal submitted. We emailed you a receipt.");
  await expect(page.locator(".page-head .tag")).toHaveText("Submitted");
  await expectAccessible(page);
  const proposal = await db().proposal.findFirstOrThrow({ where: { presenterId: teacherA.id } });
  expect(proposal).toMatchObject({ state: "submitted", title, summary, audience: "3-5", tags: "Math" });

  // ── Invites teacher B, who confirms from the mailed link in their own browser.
  await page.getByLabel("Their email").fill(teacherB.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(toast(page)).toContainText(`Invitation sent to ${teacherB.email}`);
  await expectAccessible(page);
  const invites = await db().outboxMessage.findMany({ where: { to: teacherB.email } });
  expect(invites.map((m) => m.subject)).toEqual([`Maria Lopez invited you to co-present “${title}”`]);

  const pageB = await signedInPage(browser, teacherB.id, baseURL!);
  await pageB.goto(linkIn(invites[0]!.text, /\/co-present\/\S+/));
  await expect(pageB.getByRole("heading", { name: `Co-present “${title}”` })).toBeVisible();
  await expectAccessible(pageB);
  await pageB.getByRole("button", { name: "Confirm I’ll co-present" }).click();
  await expect(toast(pageB)).toContainText("You are now a co-presenter");
  await expect(pageB.getByLabel("Title")).toHaveValue(title);
  await expectAccessible(pageB);

  await page.reload();
  await expect(page.getByRole("region", { name: "Co-presenters" })).toContainText(`${teacherB.email}) · Confirmed`);

  // ── The coordinator filters the board, scores A's proposal, then decides in bulk.
  const coord = await signedInPage(browser, coordinator.id, baseURL!);
  await coord.goto(`/events/${event.slug}`);
  await coord.getByRole("link", { name: "Proposals", exact: true }).click();
  await expect(coord.getByRole("heading", { level: 1, name: "Proposals" })).toBeVisible();
  await expect(board(coord)).toHaveCount(5);
  await expectAccessible(coord);

  await coord.getByLabel("Audience").selectOption("3-5");
  await coord.getByRole("button", { name: "Apply filters" }).click();
  await expect(coord).toHaveURL(/audience=3-5/);
  await expect(coord.getByRole("heading", { name: "2 matches" })).toBeVisible();
  await expect(board(coord)).toHaveCount(2);
  await expect(boardRow(coord, title)).toHaveCount(1);
  await expect(boardRow(coord, "Fractions with LEGO bricks")).toHaveCount(1);
  await expectAccessible(coord);
  await coord.getByLabel("Search").fill("number talks");
  await coord.getByRole("button", { name: "Apply filters" }).click();
  await expect(board(coord)).toHaveCount(1);
  await expect(board(coord)).toContainText("Maria Lopez with Kevin Osei");

  await coord.getByRole("link", { name: title }).click();
  await expect(coord.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(coord.getByText("We do two number talks as students")).toBeVisible();
  await expectAccessible(coord);
  await coord.getByRole("radio", { name: "5" }).check();
  await coord.getByLabel("Note", { exact: true }).fill("Exactly what our 3-5 teachers asked for.");
  await coord.getByRole("button", { name: "Save my review" }).click();
  await expect(coord.getByRole("status")).toContainText("Your note and score are saved.");
  await expect(coord.getByRole("region", { name: "Review team notes" })).toContainText(
    "Dana Whitfield (you) · score 5",
  );
  await expectAccessible(coord);

  await coord.getByRole("link", { name: "All proposals" }).click();
  await expect(board(coord)).toHaveCount(5);
  await expect(boardRow(coord, title)).toContainText("Average score 5 (1 review) · Your score 5");

  const acceptedOthers = [other("Phonics games that stick"), other("Fractions with LEGO bricks")];
  const declined = other("Cheap chemistry labs");
  const untouched = other("Spreadsheets for grading sanity");
  const mailBefore = new Set((await db().outboxMessage.findMany({ where: { eventId: event.id } })).map((m) => m.id));

  await select(coord, title);
  for (const o of acceptedOthers) await select(coord, o.title);
  await coord.getByRole("button", { name: "Accept selected" }).click();
  // Three lead presenters plus the confirmed co-presenter.
  await expect(coord.getByRole("status")).toContainText("3 proposals accepted; 4 messages sent.");
  for (const t of [title, ...acceptedOthers.map((o) => o.title)]) {
    await expect(boardRow(coord, t)).toContainText("Accepted — please confirm");
  }
  await select(coord, declined.title);
  await coord.getByRole("button", { name: "Decline selected" }).click();
  await expect(coord.getByRole("status")).toContainText("1 proposal declined; 1 message sent.");
  await expect(boardRow(coord, declined.title)).toContainText("Not this time");
  await expect(boardRow(coord, untouched.title)).toContainText("Submitted");
  await expectAccessible(coord);

  // ── The outbox: one message per person involved, each naming the session and linking to it.
  const decisionMail = (await db().outboxMessage.findMany({ where: { eventId: event.id } })).filter(
    (m) => !mailBefore.has(m.id),
  );
  const expected = [
    { to: teacherA.email, name: teacherA.name, subject: `Accepted: ${title} — please confirm`, id: proposal.id },
    { to: teacherB.email, name: teacherB.name, subject: `Accepted: ${title} — please confirm`, id: proposal.id },
    ...acceptedOthers.map((o) => ({
      to: o.teacher.email,
      name: o.teacher.name,
      subject: `Accepted: ${o.title} — please confirm`,
      id: o.id,
    })),
    {
      to: declined.teacher.email,
      name: declined.teacher.name,
      subject: `About your session: ${declined.title}`,
      id: declined.id,
    },
  ];
  expect(decisionMail.map((m) => m.to).sort()).toEqual(expected.map((e) => e.to).sort());
  for (const e of expected) {
    const message = decisionMail.find((m) => m.to === e.to)!;
    expect(message.subject).toBe(e.subject);
    expect(message.text).toContain(`Hello ${e.name},`);
    expect(message.text).toContain(`${baseURL}/proposals/${e.id}`);
  }
  for (const bystander of [untouched.teacher.email, coordinator.email]) {
    expect(await db().outboxMessage.count({ where: { to: bystander } })).toBe(0);
  }

  // The coordinator sees the same in the outbox page.
  await coord.goto("/outbox");
  await expect(coord.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expectAccessible(coord);
  const outboxTo = (email: string) =>
    coord
      .getByRole("list", { name: "Messages" })
      .getByRole("listitem")
      .filter({ hasText: `to ${email}` });
  // Teacher A also has the receipt; B also has the invitation.
  await expect(outboxTo(teacherA.email)).toHaveText([
    new RegExp(`Accepted: ${title}`),
    new RegExp(`We received your session: ${title}`),
  ]);
  await expect(outboxTo(teacherB.email)).toHaveText([new RegExp(`Accepted: ${title}`), /invited you to co-present/]);
  await expect(outboxTo(declined.teacher.email)).toHaveText([new RegExp(`About your session: ${declined.title}`)]);
  await expect(outboxTo(untouched.teacher.email)).toHaveCount(0);

  // ── Teacher A follows the link in the "accepted" mail and confirms.
  const acceptedMail = decisionMail.find((m) => m.to === teacherA.email)!;
  const confirmLink = linkIn(acceptedMail.text, new RegExp(`/proposals/${proposal.id}`));
  await page.goto(confirmLink);
  await expect(page.getByRole("heading", { name: "Your session is accepted" })).toBeVisible();
  await expect(page.locator(".page-head .tag")).toHaveText("Accepted — please confirm");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm I’ll present" }).click();
  await expect(toast(page)).toContainText("your session is confirmed");
  await expect(page.locator(".page-head .tag")).toHaveText("Confirmed");
  await expect(page.getByRole("heading", { name: "Your session is accepted" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/proposals");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Confirmed");

  // ── …and the coordinator's board shows it confirmed.
  await coord.goto(`/events/${event.slug}/proposals`);
  await expect(boardRow(coord, title)).toContainText("Confirmed");
  await expect(boardRow(coord, acceptedOthers[0]!.title)).toContainText("Accepted — please confirm");
  await coord.getByLabel("State").selectOption("confirmed");
  await coord.getByRole("button", { name: "Apply filters" }).click();
  await expect(board(coord)).toHaveCount(1);
  await expect(board(coord)).toContainText(title);
  await expectAccessible(coord);

  await pageB.context().close();
  await coord.context().close();
});

test("without JavaScript a teacher drafts, leaves, comes back, submits with a mistake, fixes it", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { coordinator, event } = await seedCall("No-Script Exchange");
  const teacher = await createUser({ name: "Aisha Nguyen" });
  const title = "Phonics games with everyday materials";
  const summary = "Playing cards and dice turned into phonics games.";
  const details = "Participants play four games and leave with the cards.";
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, teacher.id, baseURL!);
  // (axe needs scripts, so this run checks behaviour; the same pages pass axe in the test above.)

  await page.goto(`/e/${event.slug}/propose`);
  await page.getByRole("button", { name: "Start a proposal" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Short description").fill(summary);
  // Without scripts there is no autosave: the draft is saved with the button.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(toast(page)).toContainText("Draft saved.");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByRole("link", { name: "PD days" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await page.getByRole("link", { name: "My proposals", exact: true }).click();
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("Draft");
  await row.getByRole("link").click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Short description")).toHaveValue(summary);

  await page.getByLabel("Details for reviewers").fill(details);
  await page.getByRole("checkbox", { name: "Literacy" }).check();
  await page.getByLabel("Most participants you can take (optional)").fill("0");
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page.getByText("Choose at least one audience")).toBeVisible();
  await expect(page.getByText("Enter at least 1")).toBeVisible();
  await expect(page.getByText("2 fields need your attention.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Short description")).toHaveValue(summary);
  await expect(page.getByLabel("Details for reviewers")).toHaveValue(details);
  await expect(page.getByRole("checkbox", { name: "Literacy" })).toBeChecked();
  expect((await db().proposal.findFirstOrThrow({ where: { presenterId: teacher.id } })).state).toBe("draft");

  await page.getByRole("checkbox", { name: "Grades K–2" }).check();
  await page.getByLabel("Most participants you can take (optional)").fill("24");
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(toast(page)).toContainText("Proposal submitted.");
  await expect(page.locator(".page-head .tag")).toHaveText("Submitted");
  const proposal = await db().proposal.findFirstOrThrow({ where: { presenterId: teacher.id } });
  expect(proposal).toMatchObject({
    state: "submitted",
    title,
    summary,
    details,
    audience: "K-2",
    tags: "Literacy",
    maxParticipants: 24,
  });
  const receipts = await db().outboxMessage.findMany({ where: { to: teacher.email } });
  expect(receipts.map((m) => m.subject)).toEqual([`We received your session: ${title}`]);
  await context.close();

  // The coordinator (scripts on, so axe runs) finds it on the board.
  const coord = await signedInPage(browser, coordinator.id, baseURL!);
  await coord.goto(`/events/${event.slug}/proposals?q=phonics+games+with`);
  await expect(board(coord)).toHaveCount(1);
  await expect(board(coord)).toContainText("Aisha Nguyen");
  await expect(board(coord)).toContainText("Submitted");
  await expectAccessible(coord);
  await coord.context().close();
});
