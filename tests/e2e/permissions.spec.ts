import { sameOrigin } from "../support/same-origin";
import { addMember, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

test("a presenter cannot open the event's settings, and a coordinator of another event cannot either", async ({
  page,
  baseURL,
}) => {
  const owner = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(owner.id, { name: "Fall Exchange" });
  const presenter = await createUser({ name: "Kevin Osei" });
  await addMember(event.id, presenter.id, "presenter");

  await signIn(page, presenter.id, baseURL!);
  const response = await page.goto(`/events/${event.slug}/settings`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("Only this PD day's coordinators can do that.")).toBeVisible();
  await expectAccessible(page);

  // A coordinator of a different PD day.
  const otherCoordinator = await createUser({ name: "Ruth Park" });
  await createEvent(otherCoordinator.id, { name: "Other Day" });
  await page.context().clearCookies();
  await signIn(page, otherCoordinator.id, baseURL!);
  expect((await page.goto(`/events/${event.slug}`))?.status()).toBe(403);
  // Posting the archive form directly is refused too, and changes nothing.
  const post = await page.request.post(`/events/${event.slug}`, {
    headers: sameOrigin(baseURL!),
    form: { status: "archived" },
  });
  expect(post.status()).toBe(403);
  expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("draft");

  // Only coordinators can open the outbox; the presenter cannot.
  await page.context().clearCookies();
  await signIn(page, presenter.id, baseURL!);
  expect((await page.goto("/outbox"))?.status()).toBe(403);

  // Anonymous visitors are sent to sign in.
  await page.context().clearCookies();
  await page.goto(`/events/${event.slug}`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test("GET /healthz reports the database and migrations", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, database: "reachable", journalMode: "wal", migrations: { pending: [] } });
});
