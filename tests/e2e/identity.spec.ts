// Issue 13, findings 1 and 2, through the real server: a PD day's coordinator
// cannot become the district coordinator by putting their address on the roster
// and reading the sign-in code in the outbox, and an address typed at sign-up
// signs nobody in until its owner proves it.
import { sameOrigin } from "../support/same-origin";
import { cookieFor, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

test("a PD day's coordinator cannot take over the district coordinator through the roster, the join page and the outbox", async ({
  page,
  request,
  baseURL,
}) => {
  const district = await createUser({
    name: "Dana District",
    districtCoordinator: true,
    password: "district-head-2027",
  });
  const coordinatorB = await createUser({ name: "Blake Coordinator" });
  const dayB = await createEvent(coordinatorB.id, { name: "Day B", status: "live" });
  const asB = { cookie: await cookieFor(coordinatorB.id), ...sameOrigin(baseURL!) };
  const walkIn = (name: string, email: string) =>
    request.post(`/events/${dayB.slug}/roster`, {
      headers: asB,
      form: { intent: "walk-in", name, email },
      maxRedirects: 0,
    });
  const askForCode = (email: string) =>
    request.post(`/e/${dayB.slug}/join`, { headers: sameOrigin(baseURL!), form: { email } });

  // 1. B's coordinator puts the district coordinator's address on B's roster…
  expect((await walkIn("Dana District", district.email)).status()).toBe(302);
  // 2. …asks for an attendee code for it on B's join page…
  expect((await askForCode(district.email)).status()).toBe(200);
  // No code exists for a district coordinator: the join page can grant attendance only.
  expect(await db().loginCode.count({ where: { email: district.email } })).toBe(0);

  // 3. …and reads B's outbox. An ordinary attendee's code is there too, so we can
  // see what the outbox shows a coordinator of a message that carries one.
  const sam = `sam-${dayB.slug}@springfield.k12.test`;
  expect((await walkIn("Sam Ortiz", sam)).status()).toBe(302);
  expect((await askForCode(sam)).status()).toBe(200);
  const samMail = await db().outboxMessage.findFirstOrThrow({ where: { to: sam } });
  const code = samMail.subject.match(/\d{6}/)![0];
  const link = samMail.text.match(/https?:\/\/\S+\/join\/\S+/)![0];

  await signIn(page, coordinatorB.id, baseURL!);
  await page.goto("/outbox");
  const messages = page.getByRole("list", { name: "Messages" }).getByRole("listitem");
  await expect(messages.filter({ hasText: `to ${sam}` })).toHaveCount(1);
  await expect(messages.filter({ hasText: `to ${district.email}` })).toContainText("with your password");
  const html = await page.content();
  expect(html).not.toContain(code);
  expect(html).not.toContain(link);
  await expect(page.getByText("Sign-in codes and private links are removed")).toBeVisible();
  await expectAccessible(page);

  // 4. A guessed code for the district coordinator signs nobody in.
  const guess = await request.post(`/e/${dayB.slug}/join`, {
    headers: sameOrigin(baseURL!),
    form: { intent: "verify", email: district.email, code: "000000" },
    maxRedirects: 0,
  });
  expect(guess.status()).toBe(400);
  expect(await db().session.count({ where: { userId: district.id } })).toBe(0);
});

test("an address typed at sign-up signs nobody in until the mailed code proves it", async ({
  page,
  request,
  baseURL,
}) => {
  const email = `claimed-${Date.now()}@springfield.k12.test`;
  const signup = await request.post("/signup", {
    headers: sameOrigin(baseURL!),
    form: { name: "Not The Owner", email, password: "stranger-pass-2027", confirmPassword: "stranger-pass-2027" },
    maxRedirects: 0,
  });
  expect(signup.status()).toBe(302);
  expect(signup.headers().location).toMatch(/^\/verify-email\?/);
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  expect(user.emailVerifiedAt).toBeNull();

  // The right password does not sign in: a new code goes to the address instead.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("stranger-pass-2027");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  await expectAccessible(page);

  // Whoever reads that mailbox confirms with the code and is signed in.
  const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  await page.getByLabel("6-digit code").fill(mail.subject.match(/\d{6}/)![0]);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();
  expect((await db().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
});
