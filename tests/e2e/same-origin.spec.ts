// Cross-site request forgery, reproduced the way the reviewer did it: a real page
// served from another port of the same host. That page is on the same *site* as
// Dropin, so the browser sends Dropin's SameSite=Lax session cookie with its posts;
// only the Origin check in the production server (server/request-guards.ts) stands
// between it and the coordinator's account.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sameOrigin } from "../support/same-origin";
import {
  addMember,
  cookieFor,
  createEvent,
  createUser,
  db,
  expect,
  expectAccessible,
  expectAccessibleAsServed,
  signIn,
  test,
  unique,
} from "./support";

type Attacker = { url: string; serve(html: string): void; close(): Promise<void> };

/** A tiny server on loopback that serves whatever page the test gives it, at http://localhost:<another port>/. */
async function attackerSite(): Promise<Attacker> {
  let page = "<!doctype html><title>nothing yet</title>";
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    serve: (html) => (page = html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** A page that posts a form to `action` as soon as it opens, like a forged "click here". */
function autoSubmittingForm(action: string, fields: Record<string, string>) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("");
  return `<!doctype html><title>You won a prize</title><form id="f" method="post" action="${escape(action)}">${inputs}</form><script>document.getElementById("f").submit()</script>`;
}

async function coordinatorDay() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Spring Exchange", status: "live" });
  const attendee = await createUser({ name: "Keisha Reyes" });
  const badgeToken = crypto.randomBytes(16).toString("base64url");
  await db().membership.create({ data: { eventId: event.id, userId: attendee.id, role: "attendee", badgeToken } });
  return { coordinator, event, attendee, badgeToken };
}

const rooms = (eventId: string) => db().room.findMany({ where: { eventId }, select: { name: true } });

test.describe("writes from another origin are refused", () => {
  let attacker: Attacker;
  test.beforeAll(async () => {
    attacker = await attackerSite();
  });
  test.afterAll(async () => {
    await attacker?.close();
  });

  test("a page on another port of the same host cannot create a room as the signed-in coordinator", async ({
    page,
    baseURL,
  }) => {
    const day = await coordinatorDay();
    await signIn(page, day.coordinator.id, baseURL!);
    const room = { intent: "create", name: "Forged room", capacity: "30", building: "", floor: "", features: "" };

    // A plain form post, the classic forgery: the browser lands on Dropin's refusal page.
    attacker.serve(autoSubmittingForm(`${baseURL}/events/${day.event.slug}/rooms`, room));
    await page.goto(attacker.url);
    await expect(page.getByRole("heading", { name: "This form came from another site" })).toBeVisible();
    await expect(
      page.getByText(
        `Dropin only accepts forms sent from its own pages at ${baseURL}; this one came from ${new URL(attacker.url).origin}.`,
      ),
    ).toBeVisible();
    expect(new URL(page.url()).origin).toBe(baseURL);
    await expectAccessible(page);

    // The same post as a Remix data request (?_data=), which answers JSON.
    attacker.serve(
      autoSubmittingForm(`${baseURL}/events/${day.event.slug}/rooms?_data=routes%2Fevents.%24slug.rooms`, room),
    );
    const refused = page.waitForResponse((r) => r.url().includes("_data=") && r.request().method() === "POST");
    await page.goto(attacker.url);
    expect((await refused).status()).toBe(403);

    // Another port, and the kiosk API with a text/plain body (a "simple" request a page may send without asking).
    attacker.serve(`<!doctype html><title>x</title><script>
      fetch(${JSON.stringify(`${baseURL}/events/${day.event.slug}/kiosk/sync`)}, {
        method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" },
        body: ${JSON.stringify(JSON.stringify({ scans: [{ clientId: "forged-scan-0001", token: day.badgeToken, scannedAt: new Date().toISOString() }] }))},
      }).then(() => { document.title = "sent"; }, () => { document.title = "sent"; });
    </script>`);
    await page.goto(attacker.url);
    await expect(page).toHaveTitle("sent");

    expect(await rooms(day.event.id)).toEqual([]);
    expect(await db().doorCheckIn.count({ where: { eventId: day.event.id } })).toBe(0);
    // The coordinator is still signed in, and the same form from Dropin's own page works.
    await page.goto(`/events/${day.event.slug}/rooms`);
    const addRoom = page.getByRole("region", { name: "Add a room" });
    await addRoom.getByLabel("Room name").fill("Library");
    await addRoom.getByLabel("Seats").fill("30");
    await addRoom.getByRole("button", { name: "Add room" }).click();
    await expect.poll(() => rooms(day.event.id)).toEqual([{ name: "Library" }]);
  });

  test("posts without a browser's Origin are refused, the kiosk API takes only JSON, and nothing changes", async ({
    request,
    baseURL,
  }) => {
    const day = await coordinatorDay();
    const cookie = await cookieFor(day.coordinator.id);
    const elsewhere = { Origin: "http://localhost:1" };
    const form = { intent: "create", name: "Forged room", capacity: "30" };
    const roomsUrl = `/events/${day.event.slug}/rooms`;

    for (const [what, headers, url] of [
      ["no Origin", {}, roomsUrl],
      ["another port", elsewhere, roomsUrl],
      ["Origin null (a sandboxed frame)", { Origin: "null" }, roomsUrl],
      ["a ?_data= post", elsewhere, `${roomsUrl}?_data=routes%2Fevents.%24slug.rooms`],
      ["a .data post", {}, `${roomsUrl}.data`],
    ] as const) {
      const res = await request.post(url, { headers: { cookie, ...headers }, form, maxRedirects: 0 });
      expect(res.status(), what).toBe(403);
      expect(await res.json(), what).toEqual({
        message: expect.stringMatching(/^Dropin only accepts forms sent from its own pages/),
      });
    }
    // Signing out, picking, and the kiosk: resource routes and the production server's hot path alike.
    expect((await request.post("/logout", { headers: { cookie }, maxRedirects: 0 })).status()).toBe(403);
    const scan = {
      scans: [{ clientId: unique("scan").slice(0, 60), token: day.badgeToken, scannedAt: new Date().toISOString() }],
    };
    const kiosk = `/events/${day.event.slug}/kiosk/sync`;
    expect(
      (await request.post(kiosk, { headers: { cookie, "Content-Type": "application/json" }, data: scan })).status(),
    ).toBe(403);
    const plain = await request.post(kiosk, {
      headers: { cookie, ...sameOrigin(baseURL!), "Content-Type": "text/plain" },
      data: JSON.stringify(scan),
    });
    expect(plain.status()).toBe(415);
    expect(await plain.json()).toEqual({ message: "Send the scans as JSON (Content-Type: application/json)." });
    expect(await rooms(day.event.id)).toEqual([]);
    expect(await db().doorCheckIn.count({ where: { eventId: day.event.id } })).toBe(0);

    // The same requests from Dropin's own origin go through: the refusals above were about the origin.
    const json = await request.post(kiosk, { headers: { cookie, ...sameOrigin(baseURL!) }, data: scan });
    expect(await json.json()).toMatchObject({ results: [{ status: "checked_in", name: "Keisha Reyes" }] });
    const created = await request.post(roomsUrl, {
      headers: { cookie, ...sameOrigin(baseURL!) },
      form,
      maxRedirects: 0,
    });
    expect(created.status()).toBe(302);
    expect(await rooms(day.event.id)).toEqual([{ name: "Forged room" }]);
    expect(await db().session.count({ where: { userId: day.coordinator.id } })).toBeGreaterThan(0);
  });
});

test.describe("join links", () => {
  async function mailedLink(eventId: string, email: string) {
    const token = crypto.randomBytes(32).toString("base64url");
    await db().loginCode.create({
      data: {
        email,
        eventId,
        codeHash: "unused-in-this-test",
        tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 15 * 60 * 1000),
      },
    });
    return token;
  }

  test("opening a join link signs no one in: it asks, and the button signs in (without JavaScript too)", async ({
    browser,
    baseURL,
  }) => {
    const day = await coordinatorDay();
    const stranger = await createUser({ name: "Someone Else" });
    await addMember(day.event.id, stranger.id, "attendee");
    const token = await mailedLink(day.event.id, stranger.email);
    const link = `/e/${day.event.slug}/join/${token}`;

    // The coordinator follows a link someone sent them (the reported login forgery).
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, day.coordinator.id, baseURL!);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Sign in to your PD day" })).toBeVisible();
    await expect(
      page.getByText(
        `You are signed in as ${(await db().user.findUniqueOrThrow({ where: { id: day.coordinator.id } })).email} on this device`,
      ),
    ).toBeVisible();
    // Still the coordinator: the GET changed nothing, and the link is not spent.
    expect((await page.goto(`/events/${day.event.slug}`))?.status()).toBe(200);
    expect(await db().loginCode.count({ where: { email: stranger.email, usedAt: { not: null } } })).toBe(0);

    await page.goto(link);
    await expectAccessibleAsServed(page);
    await page.getByRole("button", { name: `Sign in as ${stranger.email}` }).click();
    // Without JavaScript the stored schedule sends the phone on to its own render (?nojs=1).
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/e/${day.event.slug}(\\?nojs=1)?$`));
    expect((await page.goto(`/events/${day.event.slug}`))?.status()).toBe(403);
    // Used once: the link now says so.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link did not work" })).toBeVisible();
    await context.close();
  });

  test("on a 320px phone the button with a long address wraps instead of pushing the page sideways", async ({
    page,
  }) => {
    const day = await coordinatorDay();
    const long = await createUser({ name: "Long Address" });
    const email = `a.very.long.name.for.a.phone.${long.email}`;
    await db().user.update({ where: { id: long.id }, data: { email } });
    await addMember(day.event.id, long.id, "attendee");
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/e/${day.event.slug}/join/${await mailedLink(day.event.id, email)}`);
    await expect(page.getByRole("button", { name: `Sign in as ${email}` })).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
});
