import type { Page } from "@playwright/test";
import { sameOrigin } from "../support/same-origin";
import { eventDay, openCall, seedProposals } from "./proposal-fixtures";
import {
  createEvent,
  createUser,
  db,
  expect,
  expectAccessible,
  expectAccessibleAsServed,
  signIn,
  test,
} from "./support";

/** A PD day taking proposals (window around today), with subject tags and two session blocks. */
async function openPdDay(name: string) {
  const coordinator = await createUser({ name: "Dana Whitfield", districtCoordinator: true });
  const event = await createEvent(coordinator.id, { name, status: "proposals_open" });
  await openCall(event.id, ["Literacy", "Math", "EdTech"]);
  return event;
}

const toast = (page: Page) => page.locator(".toast-region");

async function mailTo(email: string, subject: string | RegExp) {
  const messages = await db().outboxMessage.findMany({ where: { to: email } });
  const matching = messages.filter((m) =>
    typeof subject === "string" ? m.subject === subject : subject.test(m.subject),
  );
  expect(matching, `mail to ${email}: ${messages.map((m) => m.subject).join(" | ")}`).toHaveLength(1);
  return matching[0]!;
}

test.describe("a teacher proposes a session", () => {
  test("drafts, leaves, comes back, submits with a mistake, fixes it; a co-presenter joins; confirms once accepted", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const event = await openPdDay("Spring Learning Exchange");
    const teacher = await createUser({ name: "Maria Lopez" });
    await signIn(page, teacher.id, baseURL!);

    await page.goto(`/e/${event.slug}/propose`);
    await expect(page.getByRole("heading", { name: "Propose a session" })).toBeVisible();
    await expect(page.getByText("The call for proposals is open.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start a proposal" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Untitled draft" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Title").fill("Number talks for fluency");
    // The draft saves itself: no button pressed.
    await expect(page.locator(".autosave-status")).toHaveText(/^Saved \d{1,2}:\d{2} (AM|PM)$/);
    // Words typed just before leaving (inside the autosave pause) are kept too.
    await page.getByLabel("Short description").fill("Ten-minute number talks that build mental math.");

    // Leave, then find the draft again under "My proposals".
    await page.getByRole("link", { name: "PD days" }).click();
    await expect(page).toHaveURL(/\/events$/);
    await page.getByRole("link", { name: "My proposals", exact: true }).click();
    await expect(page.getByRole("heading", { name: "My proposals" })).toBeVisible();
    await expectAccessible(page);
    const row = page.getByRole("listitem").filter({ hasText: "Number talks for fluency" });
    await expect(row).toContainText("Draft");
    await expect(row).toContainText("Spring Learning Exchange");
    await row.getByRole("link").click();
    await expect(page.getByLabel("Title")).toHaveValue("Number talks for fluency");
    await expect(page.getByLabel("Short description")).toHaveValue("Ten-minute number talks that build mental math.");

    // Submit without choosing an audience: a clear message, and nothing typed is lost.
    await page
      .getByLabel("Details for reviewers")
      .fill("We do two number talks as students, then plan one for Monday.");
    await page.getByRole("checkbox", { name: "Math" }).check();
    await page.getByRole("checkbox", { name: "I also teach or attend in Block 2 (12:30–13:30)" }).check();
    await page.getByRole("button", { name: "Submit proposal" }).click();
    await expect(page.getByText("Choose at least one audience")).toBeVisible();
    await expect(page.getByText("One field needs your attention.")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Grades K–2" })).toBeFocused();
    await expect(page.getByLabel("Details for reviewers")).toHaveValue(/two number talks/);
    await expect(page.getByRole("checkbox", { name: "Math" })).toBeChecked();
    await expectAccessible(page);

    await page.getByRole("checkbox", { name: "Grades 3–5" }).check();
    await expect(page.getByText("Choose at least one audience")).toBeHidden();
    await page.getByRole("button", { name: "Submit proposal" }).click();
    await expect(toast(page)).toContainText("Proposal submitted. We emailed you a receipt.");
    await expect(page.locator(".page-head .tag")).toHaveText("Submitted");
    await expect(page.getByText("Draft started")).toBeVisible();
    await expectAccessible(page);

    const proposal = await db().proposal.findFirstOrThrow({ where: { presenterId: teacher.id } });
    expect(proposal).toMatchObject({
      state: "submitted",
      audience: "3-5",
      tags: "Math",
      title: "Number talks for fluency",
    });
    const receipt = await mailTo(teacher.email, "We received your session: Number talks for fluency");
    expect(receipt.text).toContain(`${baseURL}/proposals/${proposal.id}`);

    // Invite a colleague, who confirms from the mailed link in their own browser.
    const colleague = await createUser({ name: "Kevin Osei" });
    await page.getByLabel("Their email").fill(colleague.email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(toast(page)).toContainText(`Invitation sent to ${colleague.email}`);
    const invite = await mailTo(colleague.email, "Maria Lopez invited you to co-present “Number talks for fluency”");
    const link = invite.text.match(/http:\/\/\S+\/co-present\/\S+/)?.[0];
    expect(link).toBeTruthy();

    const colleagueContext = await browser.newContext();
    const colleaguePage = await colleagueContext.newPage();
    await signIn(colleaguePage, colleague.id, baseURL!);
    await colleaguePage.goto(link!);
    await expect(colleaguePage.getByRole("heading", { name: "Co-present “Number talks for fluency”" })).toBeVisible();
    await expectAccessible(colleaguePage);
    await colleaguePage.getByRole("button", { name: "Confirm I’ll co-present" }).click();
    await expect(toast(colleaguePage)).toContainText("You are now a co-presenter");
    await expect(colleaguePage.getByLabel("Title")).toHaveValue("Number talks for fluency");
    await colleagueContext.close();

    await page.reload();
    await expect(page.getByRole("region", { name: "Co-presenters" })).toContainText(`${colleague.email}) · Confirmed`);

    // The coordinators accept it (their side mails a link to this page); the teacher confirms here.
    await db().proposal.update({ where: { id: proposal.id }, data: { state: "accepted", decidedAt: new Date() } });
    await page.goto(`/proposals/${proposal.id}`);
    await expect(page.getByRole("heading", { name: "Your session is accepted" })).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm I’ll present" }).click();
    await expect(toast(page)).toContainText("your session is confirmed");
    await expect(page.locator(".page-head .tag")).toHaveText("Confirmed");

    // Now links can be added for the session page.
    await page.getByLabel("Link name").fill("Slides");
    await page.getByLabel("Web address").fill("not a link");
    await page.getByRole("button", { name: "Add link" }).click();
    await expect(page.getByText("Use a web link that starts with https://")).toBeVisible();
    await page.getByLabel("Web address").fill("https://docs.example.org/number-talks");
    await page.getByRole("button", { name: "Add link" }).click();
    await expect(page.getByRole("link", { name: "Slides" })).toHaveAttribute(
      "href",
      "https://docs.example.org/number-talks",
    );
    await expectAccessible(page);
  });

  test("without JavaScript: save a draft, submit with a mistake, fix it", async ({ browser, baseURL }) => {
    const event = await openPdDay("No-Script Saturday");
    const teacher = await createUser({ name: "Aisha Nguyen" });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, teacher.id, baseURL!);

    await page.goto(`/e/${event.slug}/propose`);
    await page.getByRole("button", { name: "Start a proposal" }).click();
    await page.getByLabel("Title").fill("Phonics games with everyday materials");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(toast(page)).toContainText("Draft saved.");
    await expect(page.getByRole("heading", { level: 1, name: "Phonics games with everyday materials" })).toBeVisible();

    await page.getByLabel("Short description").fill("Playing cards and dice turned into phonics games.");
    await page.getByLabel("Details for reviewers").fill("Participants play four games and leave with the cards.");
    await page.getByLabel("Most participants you can take (optional)").fill("0");
    await page.getByRole("button", { name: "Submit proposal" }).click();
    await expect(page.getByText("Choose at least one audience")).toBeVisible();
    await expect(page.getByText("Enter at least 1")).toBeVisible();
    await expect(page.getByText("2 fields need your attention.")).toBeVisible();
    await expect(page.getByLabel("Short description")).toHaveValue("Playing cards and dice turned into phonics games.");
    await expect(page.getByLabel("Details for reviewers")).toHaveValue(
      "Participants play four games and leave with the cards.",
    );
    // (axe needs scripts, so this run checks behaviour only; the same pages pass axe with JS on.)

    await page.getByRole("checkbox", { name: "Grades K–2" }).check();
    await page.getByLabel("Most participants you can take (optional)").fill("24");
    await page.getByRole("checkbox", { name: "Student devices" }).check();
    await page.getByRole("button", { name: "Submit proposal" }).click();
    await expect(toast(page)).toContainText("Proposal submitted.");
    const proposal = await db().proposal.findFirstOrThrow({ where: { presenterId: teacher.id } });
    expect(proposal).toMatchObject({
      state: "submitted",
      audience: "K-2",
      maxParticipants: 24,
      techNeeds: "student_devices",
    });
    await mailTo(teacher.email, "We received your session: Phonics games with everyday materials");
    await context.close();
  });

  test("the propose page fits a 320px phone and invites visitors to sign up for the day", async ({ page, baseURL }) => {
    const event = await openPdDay("Phone-Sized Exchange");
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/e/${event.slug}/propose`);
    await expect(page.getByRole("heading", { name: "Propose a session" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const back = encodeURIComponent(`/e/${event.slug}/propose`);
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
      "href",
      `/signup?event=${event.slug}&redirectTo=${back}`,
    );
    await expect(page.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute(
      "href",
      `/login?redirectTo=${back}`,
    );
    await expectAccessible(page);

    // Signed in, the proposal form fits the phone too.
    const teacher = await createUser();
    await signIn(page, teacher.id, baseURL!);
    await page.reload();
    await page.getByRole("button", { name: "Start a proposal" }).click();
    await expect(page.getByLabel("Title")).toBeVisible();
    const formOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(formOverflow).toBeLessThanOrEqual(0);
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`an edit from a page opened before the decision is refused once, with what was typed kept (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
      browser,
      baseURL,
    }) => {
      const event = await openPdDay(`Stale Page Day ${javaScriptEnabled ? "JS" : "HTML"}`);
      const [proposal] = await seedProposals(
        event.id,
        [{ name: "Rosa Ibarra", title: "Reading conferences", audience: "3-5", tags: "Literacy", format: "hands_on" }],
        () => new Date(),
      );
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await signIn(page, proposal!.teacher.id, baseURL!);
      await page.goto(`/proposals/${proposal!.id}`);
      await page.getByLabel("Title").fill("Reading conferences that move kids");
      // The coordinator accepts it while the teacher's page is still open.
      await db().proposal.update({ where: { id: proposal!.id }, data: { state: "accepted" } });
      await page.getByRole("button", { name: "Save changes" }).click();

      // One alert saying why (JavaScript keeps the page it has; a reload shows the locked form).
      await expect(page.getByRole("alert").filter({ hasText: "can no longer be edited" })).toHaveCount(1);
      await expect(page.getByLabel("Title")).toHaveValue("Reading conferences that move kids");
      if (!javaScriptEnabled) await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
      expect((await db().proposal.findUniqueOrThrow({ where: { id: proposal!.id } })).title).toBe(
        "Reading conferences",
      );
      await (javaScriptEnabled ? expectAccessible(page) : expectAccessibleAsServed(page));
      await context.close();
    });
  }

  test("a closed call says so, and another teacher cannot open someone's proposal", async ({ page, baseURL }) => {
    const event = await openPdDay("Closed Call Day");
    await db().event.update({
      where: { id: event.id },
      data: { proposalsCloseOn: eventDay(-1), proposalsOpenOn: eventDay(-9) },
    });
    const owner = await createUser();
    const proposal = await db().proposal.create({
      data: { eventId: event.id, presenterId: owner.id, title: "My private draft", state: "draft" },
    });
    const other = await createUser({ name: "Tom Schmidt" });
    await signIn(page, other.id, baseURL!);

    await page.goto(`/e/${event.slug}/propose`);
    await expect(page.getByText("The call for proposals is closed.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start a proposal" })).toHaveCount(0);
    await expectAccessible(page);

    const response = await page.goto(`/proposals/${proposal.id}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByText("My private draft")).toHaveCount(0);
    const post = await page.request.post(`/proposals/${proposal.id}`, {
      headers: sameOrigin(baseURL!),
      form: { intent: "save", title: "Hijacked" },
    });
    expect(post.status()).toBe(403);
    expect((await db().proposal.findUniqueOrThrow({ where: { id: proposal.id } })).title).toBe("My private draft");
  });
});
