import { addMember, createEvent, createUser, db, expect, expectAccessible, signIn, test, unique } from "./support";

/** People who came to the day: checked in at the door, some of them gave feedback. */
async function seedCrowd(eventId: string) {
  const givers: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const user = await db().user.create({
      data: { email: `${unique("giver")}@springfield.k12.test`, name: `Feedback Giver ${i}` },
    });
    await db().membership.create({ data: { eventId, userId: user.id, role: "attendee" } });
    await db().doorCheckIn.create({ data: { eventId, userId: user.id } });
    await db().feedback.create({ data: { eventId, userId: user.id, placementId: "p1", proposalId: "pr1", rating: 5 } });
    givers.push(user.name);
  }
  for (let i = 1; i <= 3; i++) {
    const user = await db().user.create({
      data: { email: `${unique("quiet")}@springfield.k12.test`, name: `Quiet Walk-in ${i}` },
    });
    await db().membership.create({ data: { eventId, userId: user.id, role: "attendee" } });
    await db().doorCheckIn.create({ data: { eventId, userId: user.id } });
  }
  return givers;
}

test("vendors log donations, the coordinator runs a verifiable drawing and thanks them", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000); // 60 s on a slow machine (2026-12-02)
  const coordinator = await createUser({ name: "Dana Whitfield", districtCoordinator: true });
  const event = await createEvent(coordinator.id, { name: "Winter Tech Exchange", status: "live" });
  const emailA = `${unique("sam")}@bluebird.test`.toLowerCase();
  const emailB = `${unique("gwen")}@prairie.test`.toLowerCase();
  await signIn(page, coordinator.id, baseURL!);

  // The coordinator invites two vendors.
  await page.goto(`/events/${event.slug}/vendors`);
  await expect(page.getByRole("heading", { level: 1, name: "Vendors and donations" })).toBeVisible();
  await expectAccessible(page);
  for (const [company, name, email] of [
    ["Bluebird Coffee", "Sam Ortiz", emailA],
    ["Prairie Office Supply", "Gwen Holloway", emailB],
  ] as const) {
    await page.getByLabel("Company").fill(company);
    await page.getByLabel("Contact name").fill(name);
    await page.getByLabel("Contact email").fill(email);
    await page.getByRole("button", { name: "Invite vendor" }).click();
    await expect(page.getByRole("status")).toContainText(`${company} is invited.`);
    await expect(page.getByRole("heading", { level: 2, name: company })).toBeVisible();
  }
  const vendorA = await db().vendor.findFirstOrThrow({ where: { eventId: event.id, company: "Bluebird Coffee" } });
  const vendorB = await db().vendor.findFirstOrThrow({
    where: { eventId: event.id, company: "Prairie Office Supply" },
  });
  await db().donation.create({
    data: {
      eventId: event.id,
      vendorId: vendorB.id,
      kind: "swag",
      itemName: "Prairie secret notebooks",
      quantity: 50,
      unitValueCents: 400,
    },
  });

  // Vendor A gets one mail, the invitation; without an account they create one from it
  // (the invited address already filled in), accept, and land in their portal.
  const mails = await db().outboxMessage.findMany({ where: { to: emailA } });
  expect(mails).toHaveLength(1);
  const invitePath = new URL(mails[0]!.text.match(/https?:\/\/\S+\/invite\/\S+/)![0]).pathname;
  const vendorContext = await browser.newContext();
  const vendorPage = await vendorContext.newPage();
  await vendorPage.goto(invitePath);
  await vendorPage.getByRole("link", { name: "Create an account" }).click();
  await expect(vendorPage.getByLabel("Email")).toHaveValue(emailA);
  await expectAccessible(vendorPage);
  await vendorPage.getByLabel("Your name").fill("Sam Ortiz");
  await vendorPage.getByLabel("Password", { exact: true }).fill("bluebird beans all day");
  await vendorPage.getByLabel("Password again").fill("bluebird beans all day");
  await vendorPage.getByRole("button", { name: "Create account" }).click();
  await vendorPage.getByRole("button", { name: /Accept and join/ }).click();
  await expect(vendorPage.getByRole("status")).toContainText("You joined Winter Tech Exchange as vendor.");
  await vendorPage.goto("/vendor");
  await expect(vendorPage).toHaveURL(new RegExp(`/vendor/${vendorA.id}$`));
  await expect(vendorPage.getByRole("heading", { level: 1, name: "Bluebird Coffee" })).toBeVisible();
  await expectAccessible(vendorPage);

  // Three donations, one of them first entered wrong.
  const logDonation = async (kind: string, item: string, quantity: string, value: string) => {
    await vendorPage.getByLabel("Kind").selectOption(kind);
    await vendorPage.getByLabel("Item name").fill(item);
    await vendorPage.getByLabel("Quantity").fill(quantity);
    await vendorPage.getByLabel("Estimated value per item, in dollars").fill(value);
    await vendorPage.getByRole("button", { name: "Log donation" }).click();
  };
  await logDonation("prize", "Coffee gift card", "2", "25");
  await expect(vendorPage.getByRole("status")).toContainText("Coffee gift card is logged.");
  // The form starts afresh and the list shows what was logged; a second press logs nothing twice.
  const logged = vendorPage
    .getByRole("region", { name: /Your donations/ })
    .getByRole("listitem")
    .filter({ hasText: "Just logged" });
  await expect(logged).toContainText("Coffee gift card · Prize · 2 × $25.00 · Pledged");
  await expect(vendorPage.getByLabel("Item name")).toHaveValue("");
  await expect(vendorPage.getByLabel("Estimated value per item, in dollars")).toHaveValue("");
  await vendorPage.getByRole("button", { name: "Log donation" }).click();
  await expect(vendorPage.getByLabel("Item name")).toHaveAttribute("aria-invalid", "true");
  expect(await db().donation.count({ where: { vendorId: vendorA.id, itemName: "Coffee gift card" } })).toBe(1);
  await logDonation("food", "Coffee urn service", "1", "180");
  await expect(vendorPage.getByRole("status")).toContainText("Coffee urn service is logged.");
  await logDonation("prize", "Travel mug", "0", "lots");
  await expect(vendorPage.getByText("Enter how many, from 1 to 1000")).toBeVisible();
  await expect(vendorPage.getByText("Enter dollars like 25 or 24.99")).toBeVisible();
  await expect(vendorPage.getByLabel("Item name")).toHaveValue("Travel mug");
  await expect(vendorPage.getByLabel("Quantity")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(vendorPage);
  await vendorPage.getByLabel("Quantity").fill("1");
  await vendorPage.getByLabel("Estimated value per item, in dollars").fill("15");
  await vendorPage.getByRole("button", { name: "Log donation" }).click();
  await expect(vendorPage.getByRole("status")).toContainText("Travel mug is logged.");
  await expect(vendorPage.getByRole("heading", { name: "Your donations ($245.00)" })).toBeVisible();

  // Vendor B's records stay hidden, even by URL.
  const other = await vendorPage.goto(`/vendor/${vendorB.id}`);
  expect(other?.status()).toBe(404);
  await expect(vendorPage.getByText("Prairie secret notebooks")).toHaveCount(0);
  await expectAccessible(vendorPage);
  await vendorContext.close();

  // The coordinator confirms delivery.
  await page.reload();
  for (const item of ["Coffee gift card", "Coffee urn service", "Travel mug"]) {
    await page.getByRole("button", { name: `Mark delivered: ${item}` }).click();
    await expect(page.getByRole("status")).toContainText("Marked delivered.");
  }
  await expect(page.getByRole("button", { name: /Mark delivered: (Coffee|Travel)/ })).toHaveCount(0);
  await expectAccessible(page);

  // A drawing for people who checked in and gave feedback.
  const givers = await seedCrowd(event.id);
  await page.getByRole("link", { name: "Prize drawings" }).click();
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill("Closing drawing");
  await page.getByLabel("Gave feedback on a session").check();
  // The coordinator chooses the prizes: none is ticked for them, and none means no drawing.
  const prizes = page.getByRole("group", { name: "Prizes to draw" });
  await expect(prizes.getByRole("checkbox")).toHaveCount(2);
  await expect(prizes.getByLabel("Coffee gift card (2 units left)")).not.toBeChecked();
  await expect(prizes.getByLabel("Travel mug (1 unit left)")).not.toBeChecked();
  await page.getByRole("button", { name: "Create drawing" }).click();
  await expect(prizes.getByText("Choose at least one prize to draw")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Closing drawing");
  await prizes.getByLabel("Coffee gift card (2 units left)").check();
  await prizes.getByLabel("Travel mug (1 unit left)").check();
  await page.getByRole("button", { name: "Create drawing" }).click();
  await expect(page.getByRole("status")).toContainText("Closing drawing is ready to draw.");
  await expect(page.getByText("Prizes: Coffee gift card, Travel mug.")).toBeVisible();
  await expect(page.getByText(/Seed commitment \(SHA-256\): [0-9a-f]{64}/)).toBeVisible();
  await page.getByRole("button", { name: "Draw winners for Closing drawing" }).click();
  await expect(page.getByRole("status").first()).toContainText("Drawn: 3 winners.");
  await expect(page.getByText("Pool: 5 eligible people.")).toBeVisible();
  const winnerCells = page
    .getByRole("table", { name: "Winners of Closing drawing" })
    .locator("tbody tr td:nth-child(2)");
  const firstWinners = (await winnerCells.allTextContents()).map((t) => t.split(" · ")[0]!);
  expect(firstWinners).toHaveLength(3);
  for (const name of firstWinners) expect(givers).toContain(name);
  await page.getByText("Verification").click();
  await expect(page.getByText("Verified: re-running the draw")).toBeVisible();
  await expectAccessible(page);
  // Everything is won: a new drawing has no prize to offer.
  await expect(page.getByText("No delivered prizes are left to draw.")).toBeVisible();

  // The first winner is not here: the redraw goes to someone not drawn before.
  await page.getByRole("button", { name: `No-show: ${firstWinners[0]}` }).click();
  await expect(page.getByRole("status").first()).toContainText("Marked no-show and redrew the prize.");
  const afterRedraw = (await winnerCells.allTextContents()).map((t) => t.split(" · ")[0]!);
  expect(afterRedraw).toHaveLength(4);
  expect(firstWinners).not.toContain(afterRedraw[3]);
  expect(givers).toContain(afterRedraw[3]);
  // The redraw continued the committed seed's sequence, so it still verifies.
  await expect(page.locator("details")).toContainText("Verified: re-running the draw");
  await page.getByRole("button", { name: `Claimed: ${firstWinners[1]}` }).click();
  await expect(page.getByRole("status").first()).toContainText("Marked claimed.");

  // The projector reveals winners one by one.
  await page.getByRole("link", { name: "Projector view" }).click();
  await expect(page.getByText("3 prizes · 5 people in the drawing")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Reveal the first winner" }).click();
  await expect(page.locator(".projector-big")).toHaveText(firstWinners[1]!);
  await page.locator("h1").click();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(".projector-big")).toHaveText(firstWinners[2]!);
  await page.getByRole("link", { name: "Next winner" }).click();
  await expect(page.locator(".projector-big")).toHaveText(afterRedraw[3]!);
  await expect(page.getByText("All 3 winners revealed.")).toBeVisible();
  await expectAccessible(page);

  // The thank-you letter lists vendor A's items and total, and nothing of vendor B's.
  await page.goto(`/events/${event.slug}/vendors/${vendorA.id}/letter`);
  const letter = page.getByRole("table", { name: "Your donations" });
  await expect(letter.getByRole("row")).toHaveCount(5);
  await expect(letter).toContainText("Coffee gift card");
  await expect(letter).toContainText("$50.00");
  await expect(letter).toContainText("Travel mug");
  await expect(letter.getByRole("row", { name: /Total estimated value/ })).toContainText("$245.00");
  await expect(page.getByText("Prairie secret notebooks")).toHaveCount(0);
  await expectAccessible(page);
});

test("an attendee sees what they still need, then that they won", async ({ page, baseURL }) => {
  const coordinator = await createUser({ districtCoordinator: true });
  const event = await createEvent(coordinator.id, { status: "live" });
  const vendor = await db().vendor.create({
    data: { eventId: event.id, company: "Lumen Learning", contactName: "Priya", contactEmail: "priya@lumen.test" },
  });
  await db().donation.create({
    data: {
      eventId: event.id,
      vendorId: vendor.id,
      kind: "prize",
      itemName: "Document camera",
      quantity: 1,
      unitValueCents: 12000,
      status: "delivered",
    },
  });
  const teacher = await createUser({ name: "Rosa Diaz" });
  await db().membership.create({ data: { eventId: event.id, userId: teacher.id, role: "attendee" } });
  await db().doorCheckIn.create({ data: { eventId: event.id, userId: teacher.id } });
  const drawing = await db().drawing.create({
    data: {
      eventId: event.id,
      name: "Closing drawing",
      rules: JSON.stringify({ requireFeedback: true }),
      seedHash: "x",
    },
  });
  await signIn(page, teacher.id, baseURL!);
  await page.goto(`/e/${event.slug}/prizes`);
  await expect(page.getByText("Give feedback on one session to qualify.")).toBeVisible();
  await expect(page.getByText("1 × Document camera")).toBeVisible();
  await expectAccessible(page);

  await db().drawing.update({ where: { id: drawing.id }, data: { status: "drawn" } });
  const donation = await db().donation.findFirstOrThrow({ where: { vendorId: vendor.id } });
  await db().drawingWinner.create({
    data: { drawingId: drawing.id, donationId: donation.id, unitIndex: 0, userId: teacher.id, position: 1 },
  });
  await page.reload();
  await expect(page.getByText("You won Document camera!")).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript a vendor gets field errors with values kept, and can add a photo", async ({
  browser,
  baseURL,
}) => {
  const coordinator = await createUser({ districtCoordinator: true });
  const event = await createEvent(coordinator.id, { status: "live" });
  const sam = await createUser({ name: "Sam Ortiz" });
  const vendor = await db().vendor.create({
    data: { eventId: event.id, company: "Bluebird Coffee", contactName: "Sam", contactEmail: sam.email },
  });
  await addMember(event.id, sam.id, "vendor");
  await db().vendorContact.create({ data: { vendorId: vendor.id, userId: sam.id } });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, sam.id, baseURL!);
  await page.goto(`/vendor/${vendor.id}`);
  await page.getByLabel("Item name").fill("Espresso machine");
  await page.getByLabel("Quantity").fill("1001");
  await page.getByLabel("Estimated value per item, in dollars").fill("350");
  await page.getByLabel("Restrictions (optional)").fill("must be present");
  await page.getByRole("button", { name: "Log donation" }).click();
  await expect(page.getByText("Enter how many, from 1 to 1000")).toBeVisible();
  await expect(page.getByText("One field needs your attention.")).toBeVisible();
  await expect(page.getByLabel("Restrictions (optional)")).toHaveValue("must be present");
  await expect(page.getByLabel("Estimated value per item, in dollars")).toHaveValue("350");
  await page.getByLabel("Quantity").fill("1");
  await page.getByRole("button", { name: "Log donation" }).click();
  await expect(page.getByText("Espresso machine is logged.")).toBeVisible();

  // A photo must really be an image: a text file named .png is refused.
  const photoField = page.getByLabel("Photo of Espresso machine (optional)");
  await photoField.setInputFiles({
    name: "fake.png",
    mimeType: "image/png",
    buffer: Buffer.from("<svg onload=alert(1)>"),
  });
  await page.getByRole("button", { name: "Upload photo of Espresso machine" }).click();
  await expect(page.getByText("Use a JPEG, PNG or WebP photo.")).toBeVisible();
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  await page
    .getByLabel("Photo of Espresso machine (optional)")
    .setInputFiles({ name: "machine.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload photo of Espresso machine" }).click();
  await expect(page.getByText("Photo added.")).toBeVisible();
  const image = page.getByRole("img", { name: "Espresso machine" });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await context.close();
});
