import type { Page } from "@playwright/test";
import { seedProposals } from "./proposal-fixtures";
import { createEvent, createUser, db, expect, expectAccessible, signIn, test, unique } from "./support";

/** A PD day past its call for proposals, with six submitted proposals by six teachers and one withdrawn. */
async function seedBoard() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Winter Tech Exchange", status: "scheduling" });
  await db().event.update({ where: { id: event.id }, data: { subjectTags: "Literacy\nMath\nScience\nTechnology" } });
  const specs = [
    { name: "Maria Delgado", title: "Phonics games that stick", audience: "K-2", tags: "Literacy", format: "hands_on" },
    { name: "Ben Okafor", title: "Fractions with LEGO bricks", audience: "3-5,6-8", tags: "Math", format: "demo" },
    {
      name: "Aisha Nguyen",
      title: "Robots in the middle school library",
      audience: "6-8",
      tags: "Technology",
      format: "hands_on",
    },
    { name: "Tom Schmidt", title: "Cheap chemistry labs", audience: "9-12", tags: "Science", format: "hands_on" },
    {
      name: "Priya Patel",
      title: "Discussion circles for tired teens",
      audience: "9-12",
      tags: "Literacy",
      format: "discussion",
    },
    {
      name: "Luis Reyes",
      title: "Spreadsheets for grading sanity",
      audience: "all",
      tags: "Technology",
      format: "playground",
    },
    {
      name: "Grace Kowalski",
      title: "Escape rooms for algebra",
      audience: "6-8,9-12",
      tags: "Math",
      format: "hands_on",
      state: "withdrawn",
    },
  ];
  const proposals = await seedProposals(event.id, specs, (i) => new Date(Date.UTC(2027, 0, 10 + i)));
  // The robotics session has a confirmed co-presenter, who must hear the decision too.
  const coPresenter = await createUser({ name: "Keisha Johnson" });
  await db().proposalCoPresenter.create({
    data: {
      proposalId: proposals[2]!.id,
      email: coPresenter.email,
      name: coPresenter.name,
      userId: coPresenter.id,
      tokenHash: unique("token"),
      confirmedAt: new Date(),
    },
  });
  const byTitle = (title: string) => proposals.find((p) => p.title === title)!;
  return { coordinator, event, proposals, coPresenter, byTitle };
}

const board = (page: Page) => page.getByRole("list", { name: "Proposals" }).getByRole("listitem");
const select = (page: Page, title: string) => page.getByRole("checkbox", { name: `Select “${title}”` }).check();

async function outboxFor(email: string) {
  return db().outboxMessage.findMany({ where: { to: email } });
}

test.describe("reviewing proposals", () => {
  test("a coordinator filters, scores, bulk-accepts three, declines one; the outbox has one correct message per person", async ({
    page,
    baseURL,
  }) => {
    // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
    test.setTimeout(120_000);
    const { coordinator, event, coPresenter, byTitle } = await seedBoard();
    await signIn(page, coordinator.id, baseURL!);

    await page.goto(`/events/${event.slug}`);
    await page.getByRole("link", { name: "Proposals", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Proposals" })).toBeVisible();
    await expect(board(page)).toHaveCount(7);
    await expectAccessible(page);

    await page.getByLabel("Audience").selectOption("6-8");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/audience=6-8/);
    await expect(board(page)).toHaveCount(3);
    await expect(page.getByRole("heading", { name: "3 matches" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(board(page)).toHaveCount(7);
    await page.getByLabel("Search").fill("robots");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(board(page)).toHaveCount(1);
    await expect(board(page)).toContainText("Aisha Nguyen with Keisha Johnson");

    await page.getByRole("link", { name: "Robots in the middle school library" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Robots in the middle school library" })).toBeVisible();
    await expect(page.getByText("Participants try every activity themselves")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("radio", { name: "4" }).check();
    await page.getByLabel("Note", { exact: true }).fill("Great fit for the 6-8 strand; needs the library.");
    await page.getByRole("button", { name: "Save my review" }).click();
    await expect(page.getByRole("status")).toContainText("Your note and score are saved.");
    const notes = page.getByRole("region", { name: "Review team notes" });
    await expect(notes).toContainText("Dana Whitfield (you) · score 4");
    await expect(notes).toContainText("Great fit for the 6-8 strand; needs the library.");
    await expect(page.getByRole("radio", { name: "4" })).toBeChecked();
    await expectAccessible(page);

    await page.getByRole("link", { name: "All proposals" }).click();
    await expect(board(page).filter({ hasText: "Robots in the middle school library" })).toContainText(
      "Average score 4 (1 review) · Your score 4",
    );

    // Nothing ticked: refused in the browser by the form's own schema, before any post.
    let posted = false;
    const onRequest = (request: { method(): string }) => (posted ||= request.method() === "POST");
    page.on("request", onRequest);
    await page.getByRole("button", { name: "Accept selected" }).click();
    await expect(page.getByRole("alert")).toContainText("Select at least one proposal first");
    expect(posted, "an empty selection is refused before it is posted").toBe(false);
    page.off("request", onRequest);

    const accepted = ["Phonics games that stick", "Fractions with LEGO bricks", "Robots in the middle school library"];
    for (const title of accepted) await select(page, title);
    await page.getByRole("button", { name: "Accept selected" }).click();
    await expect(page.getByRole("status")).toContainText("3 proposals accepted; 4 messages sent.");
    for (const title of accepted)
      await expect(board(page).filter({ hasText: title })).toContainText("Accepted — please confirm");

    await select(page, "Cheap chemistry labs");
    await page.getByRole("button", { name: "Decline selected" }).click();
    await expect(page.getByRole("status")).toContainText("1 proposal declined; 1 message sent.");
    await expect(board(page).filter({ hasText: "Cheap chemistry labs" })).toContainText("Not this time");

    // A withdrawn proposal cannot be accepted, even slipped into a batch with a valid one.
    await select(page, "Escape rooms for algebra");
    await select(page, "Spreadsheets for grading sanity");
    await page.getByRole("button", { name: "Accept selected" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "“Escape rooms for algebra” was withdrawn by its presenter, so it cannot be accepted. Nothing was changed.",
    );
    await expect(page.getByRole("checkbox", { name: "Select “Spreadsheets for grading sanity”" })).toBeChecked();
    await expect(board(page).filter({ hasText: "Spreadsheets for grading sanity" })).toContainText("Submitted");
    await expectAccessible(page);

    await page.goto("/outbox");
    await expectAccessible(page);
    for (const title of accepted) {
      const teacher = byTitle(title).teacher;
      const messages = page.getByRole("listitem").filter({ hasText: `to ${teacher.email}` });
      await expect(messages).toHaveCount(1);
      await expect(messages).toContainText(`Accepted: ${title} — please confirm`);
      await messages.locator("summary").click();
      await expect(messages.locator("pre")).toContainText(`Hello ${teacher.name},`);
      await expect(messages.locator("pre")).toContainText(`/proposals/${byTitle(title).id}`);
    }
    const coMessages = page.getByRole("listitem").filter({ hasText: `to ${coPresenter.email}` });
    await expect(coMessages).toHaveCount(1);
    await expect(coMessages).toContainText("Accepted: Robots in the middle school library — please confirm");
    const declined = page
      .getByRole("listitem")
      .filter({ hasText: `to ${byTitle("Cheap chemistry labs").teacher.email}` });
    await expect(declined).toHaveCount(1);
    await expect(declined).toContainText("About your session: Cheap chemistry labs");
    for (const title of [
      "Escape rooms for algebra",
      "Spreadsheets for grading sanity",
      "Discussion circles for tired teens",
    ]) {
      await expect(page.getByRole("listitem").filter({ hasText: `to ${byTitle(title).teacher.email}` })).toHaveCount(0);
    }
  });

  test("staged decisions send nothing until released, then all at once", async ({ page, baseURL }) => {
    const { coordinator, event, byTitle } = await seedBoard();
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/proposals`);

    await select(page, "Phonics games that stick");
    await select(page, "Cheap chemistry labs");
    await page.getByLabel("Stage for release instead of sending now (no mail until you release)").check();
    await page.getByRole("button", { name: "Waitlist selected" }).click();
    await expect(page.getByRole("status")).toContainText(
      "Staged: waitlist 2 proposals. Nothing is sent until you release.",
    );
    await expect(board(page).filter({ hasText: "Phonics games that stick" })).toContainText("Staged: waitlist");

    // One more, staged from the proposal's own page.
    await page.getByRole("link", { name: "Fractions with LEGO bricks" }).click();
    await page.getByLabel("Stage instead of sending now (release it later from the board)").check();
    await page.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Staged “Accepted — please confirm”");
    await expect(page.getByRole("region", { name: "History" })).toContainText(
      "staged “Accepted — please confirm” (not sent yet)",
    );
    await expectAccessible(page);

    for (const title of ["Phonics games that stick", "Cheap chemistry labs", "Fractions with LEGO bricks"]) {
      expect(await outboxFor(byTitle(title).teacher.email)).toHaveLength(0);
      expect((await db().proposal.findUniqueOrThrow({ where: { id: byTitle(title).id } })).state).toBe("submitted");
    }

    await page.getByRole("link", { name: "All proposals" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Release 3 staged decisions" }).click();
    await expect(page.getByRole("status")).toContainText("Released 3 decisions; 3 messages sent.");
    await expect(page.getByRole("button", { name: /Release/ })).toHaveCount(0);
    expect((await outboxFor(byTitle("Phonics games that stick").teacher.email)).map((m) => m.subject)).toEqual([
      "Waitlisted: Phonics games that stick",
    ]);
    expect((await outboxFor(byTitle("Fractions with LEGO bricks").teacher.email)).map((m) => m.subject)).toEqual([
      "Accepted: Fractions with LEGO bricks — please confirm",
    ]);
    expect(await outboxFor(byTitle("Cheap chemistry labs").teacher.email)).toHaveLength(1);
  });

  test("bulk accept works with JavaScript disabled", async ({ browser, baseURL }) => {
    const { coordinator, event, byTitle } = await seedBoard();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/proposals?format=hands_on`);
    await expect(board(page)).toHaveCount(4);

    await page.getByRole("button", { name: "Accept selected" }).click();
    await expect(page.getByRole("alert")).toContainText("Select at least one proposal first");

    await select(page, "Phonics games that stick");
    await select(page, "Cheap chemistry labs");
    await page.getByRole("button", { name: "Accept selected" }).click();
    await expect(page.getByRole("status")).toContainText("2 proposals accepted; 2 messages sent.");
    // Still filtered the way it was.
    await expect(page).toHaveURL(/format=hands_on/);
    await expect(board(page)).toHaveCount(4);
    expect(await outboxFor(byTitle("Cheap chemistry labs").teacher.email)).toHaveLength(1);
    await context.close();
  });

  test("the board has no sideways scroll at 320px", async ({ page, baseURL }) => {
    const { coordinator, event } = await seedBoard();
    await signIn(page, coordinator.id, baseURL!);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/events/${event.slug}/proposals`);
    await expect(board(page)).toHaveCount(7);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });

  test("a reviewer scores but sees no decision buttons; a presenter cannot open the board", async ({
    page,
    baseURL,
  }) => {
    const { event, byTitle } = await seedBoard();
    const reviewer = await createUser({ name: "Ravi Menon" });
    await db().membership.create({ data: { eventId: event.id, userId: reviewer.id, role: "reviewer" } });
    await signIn(page, reviewer.id, baseURL!);
    await page.goto(`/events/${event.slug}/proposals`);
    await expect(board(page)).toHaveCount(7);
    await expect(page.getByRole("button", { name: "Accept selected" })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Cheap chemistry labs" }).click();
    await expect(page.getByRole("region", { name: "Decision" })).toHaveCount(0);
    await page.getByRole("radio", { name: "2" }).check();
    await page.getByRole("button", { name: "Save my review" }).click();
    await expect(page.getByRole("status")).toContainText("Your note and score are saved.");
    await expectAccessible(page);

    const teacher = byTitle("Cheap chemistry labs").teacher;
    await page.context().clearCookies();
    await signIn(page, teacher.id, baseURL!);
    await page.goto(`/events/${event.slug}/proposals/${byTitle("Cheap chemistry labs").id}`);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("score 2")).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("mail templates", () => {
  test("a coordinator previews a reworded message without saving, saves it, and resets it", async ({
    page,
    baseURL,
  }) => {
    const coordinator = await createUser({ name: "Dana Whitfield" });
    const event = await createEvent(coordinator.id, { name: "Winter Tech Exchange", status: "scheduling" });
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}`);
    await page.getByRole("link", { name: "Mail templates" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mail templates" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Accepted — please confirm" }).click();
    await expect(page.getByLabel("Subject")).toHaveValue("Accepted: {{title}} — please confirm");
    await page.getByLabel("Subject").fill("You're in: {{titel}}");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("Unknown placeholder {{titel}}.")).toBeVisible();

    await page.getByLabel("Subject").fill("You're in: {{title}}");
    await page
      .getByLabel("Message", { exact: true })
      .fill("Hi {{name}}, see you at {{event}} on {{date}}. Confirm: {{link}}");
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview (not saved)" });
    await expect(preview).toContainText("You're in: Station rotation that runs itself");
    await expect(preview).toContainText(
      "Hi Jordan Rivera, see you at Winter Tech Exchange on Saturday, February 13, 2027. Confirm: http",
    );
    await expect(page.getByLabel("Message", { exact: true })).toHaveValue(
      "Hi {{name}}, see you at {{event}} on {{date}}. Confirm: {{link}}",
    );
    expect(await db().mailTemplate.count({ where: { eventId: event.id } })).toBe(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText("Saved.");
    await expect(page.getByRole("navigation", { name: "Message templates" })).toContainText("Reworded");
    await expect(page.getByLabel("Subject")).toHaveValue("You're in: {{title}}");

    await page.getByRole("button", { name: "Reset to default" }).click();
    await expect(page.getByRole("status")).toContainText("Back to the default wording.");
    await expect(page.getByLabel("Subject")).toHaveValue("Accepted: {{title}} — please confirm");
  });

  test("preview works without JavaScript", async ({ browser, baseURL }) => {
    const coordinator = await createUser();
    const event = await createEvent(coordinator.id, { name: "No-JS Exchange" });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/mail-templates?key=declined`);
    await page.getByLabel("Subject").fill("Not this time, {{name}}");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("region", { name: "Preview (not saved)" })).toContainText(
      "Not this time, Jordan Rivera",
    );
    await expect(page.getByLabel("Subject")).toHaveValue("Not this time, {{name}}");
    await context.close();
  });
});

test("subject tags set in the PD day's settings become the board's subject filter", async ({ page, baseURL }) => {
  const { coordinator, event } = await seedBoard();
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${event.slug}/settings`);
  const tags = page.getByLabel("Subject tags (optional)");
  await expect(tags).toHaveValue("Literacy\nMath\nScience\nTechnology");
  await tags.fill("Literacy\nMath\nScience\nTechnology\nSocial-emotional learning for every grade band");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByText("Keep each tag to 40 characters: “Social-emotional learning for every grade band” is too long"),
  ).toBeVisible();
  await expectAccessible(page);
  await tags.fill("Literacy\nMath\nScience\nTechnology\nSEL");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved.");

  await page.goto(`/events/${event.slug}/proposals`);
  await expect(page.getByLabel("Subject").locator("option")).toHaveText([
    "Any subject",
    "Literacy",
    "Math",
    "Science",
    "Technology",
    "SEL",
  ]);
  await page.getByLabel("Subject").selectOption("Math");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(board(page)).toHaveCount(2);
  await expect(board(page).first()).toContainText("Escape rooms for algebra");
  await expectAccessible(page);
});
