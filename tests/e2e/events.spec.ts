import { createUser, expect, expectAccessible, signIn, test } from "./support";

test.describe("creating and running a PD day", () => {
  test("bad input shows field errors and keeps what was typed; good input opens the dashboard", async ({
    page,
    baseURL,
  }) => {
    const coordinator = await createUser({ name: "Dana Whitfield", districtCoordinator: true });
    await signIn(page, coordinator.id, baseURL!);

    await page.goto("/events");
    await page.getByRole("link", { name: "New PD day" }).click();
    await expect(page.getByRole("heading", { name: "New PD day" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Date").fill("2027-03-13");
    await page.getByLabel("Starts at").fill("15:00");
    await page.getByLabel("Ends at").fill("08:00");
    await page.getByLabel("Venue (optional)").fill("Lincoln Middle School");
    await page.getByRole("button", { name: "Create PD day" }).click();

    await expect(page.getByText("Give the PD day a name")).toBeVisible();
    await expect(page.getByText("The day must end after it starts")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Venue (optional)")).toHaveValue("Lincoln Middle School");
    await expect(page.getByLabel("Date")).toHaveValue("2027-03-13");
    await expectAccessible(page);

    await page.getByLabel("Name").fill("Spring Learning Exchange");
    await page.getByLabel("Ends at").fill("16:30");
    await page.getByRole("button", { name: "Create PD day" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Spring Learning Exchange" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Spring Learning Exchange is created");
    await expect(page.getByText("Saturday, March 13, 2027")).toBeVisible();
    await expectAccessible(page);

    // Move it on a stage, then edit it.
    await page.getByRole("button", { name: "Open proposals" }).click();
    await expect(page.getByRole("region", { name: "Stage" })).toContainText("Now: Taking proposals");
    await page.getByRole("link", { name: "Settings" }).click();
    await expectAccessible(page);
    await page.getByLabel("Venue (optional)").fill("Lincoln Middle School, 1200 Maple Ave");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toContainText("Changes saved.");
    await expect(page.getByText("1200 Maple Ave")).toBeVisible();
    await expect(page.getByText(/changed venue/)).toBeVisible();
  });

  test("without JavaScript the server shows the same errors and keeps the values", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const coordinator = await createUser({ districtCoordinator: true });
    await signIn(page, coordinator.id, baseURL!);

    await page.goto("/events/new");
    await page.getByLabel("Date").fill("2027-04-10");
    await page.getByLabel("Starts at").fill("12:00");
    await page.getByLabel("Ends at").fill("09:00");
    await page.getByLabel("Description (optional)").fill("Forty sessions, all by our own teachers.");
    await page.getByRole("button", { name: "Create PD day" }).click();

    await expect(page.getByText("Give the PD day a name")).toBeVisible();
    await expect(page.getByText("The day must end after it starts")).toBeVisible();
    await expect(page.getByText("2 fields need your attention.")).toBeVisible();
    await expect(page.getByLabel("Description (optional)")).toHaveValue("Forty sessions, all by our own teachers.");
    await expect(page.getByLabel("Ends at")).toHaveValue("09:00");

    await page.getByLabel("Name").fill("No-JS Saturday");
    await page.getByLabel("Ends at").fill("15:00");
    await page.getByRole("button", { name: "Create PD day" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "No-JS Saturday" })).toBeVisible();
    await context.close();
  });

  test("a coordinator invites a presenter, who accepts from the mailed link", async ({ page, browser, baseURL }) => {
    const coordinator = await createUser({ name: "Dana Whitfield", districtCoordinator: true });
    await signIn(page, coordinator.id, baseURL!);
    await page.goto("/events/new");
    await page.getByLabel("Name").fill("Invite Day");
    await page.getByLabel("Date").fill("2027-05-01");
    await page.getByRole("button", { name: "Create PD day" }).click();
    await page.getByRole("link", { name: "People and invitations" }).click();
    await expectAccessible(page);

    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Enter an email address like name@school.org")).toBeVisible();

    const teacher = await createUser({ name: "Kevin Osei", password: "kevin-teaches-k2" });
    await page.getByLabel("Email").fill(teacher.email);
    await page.getByLabel("Role").selectOption("presenter");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation sent to ${teacher.email}`);

    await page.getByRole("link", { name: "Outbox" }).first().click();
    const message = page.getByRole("listitem").filter({ hasText: `to ${teacher.email}` });
    await expect(message).toContainText("You're invited to Invite Day as presenter");
    await message.locator("summary").click();
    await expectAccessible(page);
    const body = await message.locator("pre").innerText();
    const link = body.match(/http:\/\/\S+\/invite\/\S+/)?.[0];
    expect(link).toBeTruthy();

    const teacherContext = await browser.newContext();
    const teacherPage = await teacherContext.newPage();
    await teacherPage.goto(link!);
    await expect(teacherPage.getByRole("heading", { name: "Join Invite Day" })).toBeVisible();
    await expectAccessible(teacherPage);
    await teacherPage.getByRole("link", { name: "Sign in" }).last().click();
    await teacherPage.getByLabel("Email").fill(teacher.email);
    await teacherPage.getByLabel("Password").fill("kevin-teaches-k2");
    await teacherPage.getByRole("button", { name: "Sign in" }).click();
    await teacherPage.getByRole("button", { name: "Accept and join as presenter" }).click();
    await expect(teacherPage.getByRole("status")).toContainText("You joined Invite Day as presenter");
    await teacherContext.close();

    await page.goto("/events");
    await page.getByRole("link", { name: "Invite Day" }).click();
    await page.getByRole("link", { name: "People and invitations" }).click();
    await expect(page.getByRole("row", { name: /Kevin Osei/ })).toContainText("Presenter");
  });
});
