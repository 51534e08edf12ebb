// Attacks an outside security review tried over HTTP after the day's merges; each
// test is one that got through before its fix (see the commit naming the attack).
import { sameOrigin } from "../support/same-origin";
import { addMember, cookieFor, createEvent, createUser, db, expect, test } from "./support";

test("a door volunteer's kiosk upload cannot rename a rostered teacher or change her staff ID", async ({
  request,
  baseURL,
}) => {
  const coordinator = await createUser({ name: "Cora Coordinator" });
  const event = await createEvent(coordinator.id, { status: "published" });
  const volunteer = await createUser({ name: "Val Volunteer" });
  await addMember(event.id, volunteer.id, "door");
  const rosa = await createUser({ name: "Rosa Diaz" });
  await db().membership.create({
    data: {
      eventId: event.id,
      userId: rosa.id,
      role: "attendee",
      name: "Rosa Diaz",
      school: "Lincoln Elementary",
      staffId: "E100",
      badgeToken: `badge-${rosa.id}`,
    },
  });

  // The "walk-in" carries a rostered teacher's address with another name and staff ID.
  const walkIn = { name: "Mallory Hacker", email: rosa.email, school: "Nowhere High", staffId: "X999" };
  const sync = await request.post(`${baseURL}/events/${event.slug}/kiosk/sync`, {
    headers: { ...sameOrigin(baseURL!), Cookie: await cookieFor(volunteer.id) },
    data: { scans: [{ clientId: `review-${rosa.id}`, walkIn, scannedAt: new Date().toISOString() }] },
  });
  expect(sync.status()).toBe(200);
  expect((await sync.json()).results[0]).toMatchObject({ status: "checked_in", name: "Rosa Diaz" });

  // The coordinator's roster (what the HR export is made from) still says what it said.
  const roster = await request.get(`${baseURL}/events/${event.slug}/roster`, {
    headers: { Cookie: await cookieFor(coordinator.id) },
  });
  const html = await roster.text();
  expect(html).toContain("Rosa Diaz");
  expect(html).toContain("E100");
  expect(html).not.toContain("Mallory Hacker");
  expect(html).not.toContain("X999");
});

test("an account a stranger made with someone's address keeps no password once the owner confirms from the mail", async ({
  page,
  request,
  baseURL,
}) => {
  // The stranger signs up in their own browser and waits for the owner to confirm.
  const email = `rosa-${Date.now()}@springfield.k12.test`;
  const signup = await request.post("/signup", {
    headers: sameOrigin(baseURL!),
    form: { name: "Rosa Diaz", email, password: "stranger-pass-2027", confirmPassword: "stranger-pass-2027" },
    maxRedirects: 0,
  });
  expect(signup.status()).toBe(302);

  // The owner presses the link in the mail, in her own browser.
  const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  await page.goto(mail.text.match(/\/verify-email\?token=[\w-]+/)![0]);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page.getByRole("heading", { name: "PD days" })).toBeVisible();
  await expect(page.getByText("its password was removed in case someone else chose it")).toBeVisible();

  // The stranger's password no longer opens the account.
  const login = await request.post("/login", {
    headers: sameOrigin(baseURL!),
    form: { email, password: "stranger-pass-2027" },
    maxRedirects: 0,
  });
  expect(login.status()).toBe(400);
});

test("the per-person part's address is decoded once: an escaped %-escape is a JSON answer, not a 500", async ({
  baseURL,
}) => {
  const coordinator = await createUser();
  const event = await createEvent(coordinator.id, { status: "published" });
  const keisha = await createUser({ name: "Keisha Reyes" });
  await addMember(event.id, keisha.id, "attendee");
  // "%25E0" is the text "%E0": a placement id nobody has, not a broken escape.
  for (const path of [
    `/e/${event.slug}/mine/session/%25E0`,
    `/e/${event.slug}/mine/room/%25`,
    `/e/%25E0/mine/credit`,
  ]) {
    const anonymous = await fetch(`${baseURL}${path}`);
    expect(anonymous.status, path).toBe(401);
    const signedIn = await fetch(`${baseURL}${path}`, { headers: { Cookie: await cookieFor(keisha.id) } });
    expect(signedIn.status, path).toBe(404);
    expect(signedIn.headers.get("cache-control"), path).toBe("private, no-store");
    expect(await signedIn.json(), path).toEqual({ message: expect.any(String) });
  }
});
