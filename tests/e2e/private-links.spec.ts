// Private links that end: an attendee's and a presenter's calendar links are made
// when they ask, can be reset by their owner (the old one then answers 404), and
// a presenter's link belongs to one PD day; co-presenter invitations expire. Also
// the spreadsheet export of a published grid, whose cells never run as formulas.
import crypto from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import Papa from "papaparse";
import { sameOrigin } from "../support/same-origin";
import { addMember, cookieFor, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

/** A live PD day with one room, one block and one confirmed session by Maria, published through the real form. */
async function publishedDay(request: APIRequestContext, baseURL: string, roomName = "Library") {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Spring Exchange", status: "live" });
  const room = await db().room.create({ data: { eventId: event.id, name: roomName, capacity: 30 } });
  const block = await db().timeBlock.create({
    data: { eventId: event.id, label: "Block 1", startTime: "09:00", endTime: "09:50" },
  });
  const maria = await createUser({ name: "Maria Delgado" });
  await addMember(event.id, maria.id, "presenter");
  const proposal = await db().proposal.create({
    data: {
      eventId: event.id,
      presenterId: maria.id,
      title: "Fractions with tiles",
      summary: "Hands on.",
      state: "confirmed",
    },
  });
  const placement = await db().placement.create({
    data: { eventId: event.id, proposalId: proposal.id, roomId: room.id, timeBlockId: block.id },
  });
  const attendee = await createUser({ name: "Keisha Reyes" });
  await addMember(event.id, attendee.id, "attendee");
  await db().pick.create({
    data: {
      eventId: event.id,
      userId: attendee.id,
      placementId: placement.id,
      proposalId: proposal.id,
      clientId: crypto.randomUUID(),
    },
  });
  const published = await request.post(`/events/${event.slug}/publish`, {
    headers: { cookie: await cookieFor(coordinator.id), ...sameOrigin(baseURL) },
    form: {},
    maxRedirects: 0,
  });
  expect(published.status()).toBe(302);
  return { coordinator, event, maria, attendee };
}

async function noSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
}

test("an attendee gets a private calendar address, resets it, and the old one answers 404", async ({
  page,
  request,
  baseURL,
}) => {
  const day = await publishedDay(request, baseURL!);
  await signIn(page, day.attendee.id, baseURL!);
  await page.goto(`/e/${day.event.slug}/my-day`);
  const feedLink = page.getByRole("link", { name: /\/my-day\/.+\.ics$/ });
  await expect(feedLink).toHaveCount(0);
  await page.getByRole("button", { name: "Get my calendar address" }).click();
  await expect(page.getByRole("status")).toContainText("Here is your private calendar address.");
  const first = new URL(await feedLink.innerText()).pathname;
  expect((await request.get(first)).status()).toBe(200);
  expect(await (await request.get(first)).text()).toContain("Fractions with tiles");
  await expectAccessible(page);
  await noSidewaysScroll(page);

  await page.getByRole("button", { name: "Reset this link" }).click();
  await expect(page.getByRole("status")).toContainText("Your calendar address is new. The old one no longer works");
  const second = new URL(await feedLink.innerText()).pathname;
  expect(second).not.toBe(first);
  expect((await request.get(second)).status()).toBe(200);
  const old = await request.get(first);
  expect(old.status()).toBe(404);
  expect(await old.text()).toBe("This calendar link does not match anyone's day.\n");
});

test("a presenter finds their links on My proposals; resetting ends the old feed and print page", async ({
  page,
  request,
  baseURL,
}) => {
  const day = await publishedDay(request, baseURL!);
  // Publishing mailed Maria her links.
  const mail = await db().outboxMessage.findFirstOrThrow({
    where: { to: day.maria.email, subject: { contains: "Your sessions at" } },
  });
  const mailed = mail.text.match(/\/presenters\/([A-Za-z0-9_-]+)\/print/)![1]!;
  await signIn(page, day.maria.id, baseURL!);
  await page.goto("/proposals");
  const region = page.getByRole("region", { name: "Your sessions in your calendar" });
  await expect(region.getByRole("link", { name: /\.ics$/ })).toContainText(`/presenters/${mailed}.ics`);
  await region.getByRole("link", { name: "Your schedule to print" }).click();
  await expect(page.getByRole("heading", { name: "Maria Delgado’s sessions" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/proposals");
  await expectAccessible(page);
  await region.getByRole("button", { name: "Reset these links for Spring Exchange" }).click();
  await expect(page.getByRole("status")).toContainText("Your sessions have a new private address.");
  const fresh = (await region.getByRole("link", { name: /\.ics$/ }).innerText()).match(
    /\/presenters\/([A-Za-z0-9_-]+)\.ics/,
  )![1]!;
  expect(fresh).not.toBe(mailed);
  expect((await request.get(`/e/${day.event.slug}/presenters/${fresh}.ics`)).status()).toBe(200);
  expect((await request.get(`/e/${day.event.slug}/presenters/${mailed}.ics`)).status()).toBe(404);
  expect((await page.goto(`/e/${day.event.slug}/presenters/${mailed}/print`))?.status()).toBe(404);

  // A link belongs to its PD day: at another day's address it opens nothing.
  const other = await publishedDay(request, baseURL!);
  expect((await request.get(`/e/${other.event.slug}/presenters/${fresh}.ics`)).status()).toBe(404);
});

test("a co-presenter invitation says until when it works, and an expired one says so", async ({ page, baseURL }) => {
  const lead = await createUser({ name: "Maria Hernandez" });
  const colleague = await createUser({ name: "Ben Okafor" });
  const event = await createEvent(lead.id, { name: "Spring Exchange", status: "proposals_open" });
  const proposal = await db().proposal.create({
    data: { eventId: event.id, presenterId: lead.id, title: "Phonics games", state: "submitted" },
  });
  const invite = async (invitedAt: Date) => {
    const token = crypto.randomBytes(32).toString("base64url");
    await db().proposalCoPresenter.deleteMany({ where: { proposalId: proposal.id } });
    await db().proposalCoPresenter.create({
      data: {
        proposalId: proposal.id,
        email: colleague.email,
        tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
        invitedAt,
      },
    });
    return `/co-present/${token}`;
  };
  await signIn(page, colleague.id, baseURL!);

  await page.goto(await invite(new Date()));
  await expect(page.getByText(/^This invitation works until /)).toBeVisible();
  await expectAccessible(page);

  await page.goto(await invite(new Date(Date.now() - 15 * 24 * 60 * 60 * 1000)));
  await expect(page.getByRole("alert")).toContainText("This invitation expired on");
  await expect(page.getByRole("alert")).toContainText("Ask Maria Hernandez to invite you again.");
  await expect(page.getByRole("button", { name: "Confirm I’ll co-present" })).toHaveCount(0);
  await expectAccessible(page);
  // The lead's page says it too.
  await signIn(page, lead.id, baseURL!);
  await page.goto(`/proposals/${proposal.id}`);
  await expect(page.getByRole("region", { name: "Co-presenters" })).toContainText(
    "Invitation expired: remove and invite again",
  );
});

test("grid.csv: a multi-line room name starting with = reaches the spreadsheet as text", async ({
  request,
  baseURL,
}) => {
  const day = await publishedDay(request, baseURL!, '=HYPERLINK("http://evil.example","Click")\nRoom 12');
  const csv = await request.get(`/e/${day.event.slug}/grid.csv`);
  expect(csv.status()).toBe(200);
  const rows = Papa.parse<string[]>((await csv.text()).trim()).data;
  expect(rows[1]![3]).toBe('\'=HYPERLINK("http://evil.example","Click")\nRoom 12');
});
