// Races that can fail: two Dropin server processes on one database file (the
// suite's server and a second one started here), with many clients hitting both
// at the same instant. Each test's guarantee comes from one atomic write (an
// upsert, a unique constraint, a conditional update checked under the write
// lock); replacing it with read-then-write makes the test fail (see the README).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sameOrigin } from "../support/same-origin";
import { spawnServer, type SpawnedServer } from "./spawn-server";
import { cookieFor, createEvent, createUser, db, expect, test, unique } from "./support";

const FRESH_DB = process.env.E2E_FRESH_DB!;
// The second server's port: the suite's port + 10 (each e2e run owns its range).
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
let second: SpawnedServer;
let servers: string[];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  // The same session secret as the suite's server, so one cookie works on both.
  const secret = fs.readFileSync(path.join(path.dirname(FRESH_DB), "session-secret"), "utf8").trim();
  second = await spawnServer({ port: SECOND_PORT, databaseFile: FRESH_DB, env: { SESSION_SECRET: secret } });
  servers = [baseURL!, second.url];
});

test.afterAll(async () => {
  // Neither process may have answered anything with a database error.
  const stderr = second?.stderr() ?? "";
  await second?.stop();
  expect(stderr).not.toMatch(/SQLITE_BUSY|database is locked/);
});

/** Request `i` goes to one server or the other, alternately. */
const serverFor = (i: number) => servers[i % servers.length]!;

async function attendee(eventId: string, name = "Keisha Reyes") {
  const user = await db().user.create({ data: { name, email: `${unique("att")}@springfield.k12.test`.toLowerCase() } });
  const token = crypto.randomBytes(16).toString("base64url");
  await db().membership.create({ data: { eventId, userId: user.id, role: "attendee", badgeToken: token } });
  return { user, token };
}

test("8 badges each scanned 25 times at once across two servers: exactly one check-in per badge", async () => {
  const volunteer = await createUser({ name: "Val Volunteer" });
  const event = await createEvent(volunteer.id, { name: "Two Door Day", status: "live" });
  const badges = await Promise.all(Array.from({ length: 8 }, () => attendee(event.id)));
  const cookie = await cookieFor(volunteer.id);

  const scans = badges.flatMap((badge) => Array.from({ length: 25 }, () => badge));
  const answers = await Promise.all(
    scans.map(async (badge, i) => {
      const url = serverFor(i);
      const response = await fetch(`${url}/events/${event.slug}/kiosk/sync`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, ...sameOrigin(url) },
        body: JSON.stringify({
          scans: [{ clientId: crypto.randomUUID(), token: badge.token, scannedAt: new Date().toISOString() }],
        }),
      });
      const body = response.ok ? ((await response.json()) as { results: { status: string }[] }) : null;
      return { userId: badge.user.id, status: response.status, result: body?.results[0]?.status };
    }),
  );

  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  for (const badge of badges) {
    const mine = answers.filter((a) => a.userId === badge.user.id).map((a) => a.result);
    expect(
      mine.filter((s) => s === "checked_in"),
      badge.user.id,
    ).toHaveLength(1);
    expect(mine.filter((s) => s === "already")).toHaveLength(24);
  }
  expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(8);
});

test("one attendee's pick sent 40 times at once from two phones and replays: one pick, no errors", async () => {
  const lead = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(lead.id, { name: "Pick Race Day", status: "published" });
  const { user } = await attendee(event.id);
  const proposal = await db().proposal.create({
    data: {
      eventId: event.id,
      presenterId: lead.id,
      title: "Station Rotation with Chromebooks",
      state: "confirmed",
      summary: "Hands-on.",
    },
  });
  const placementId = `pl-${unique("race")}`;
  // The published version is all a pick reads: the session must be on it.
  await db().scheduleVersion.create({
    data: {
      eventId: event.id,
      number: 1,
      snapshot: JSON.stringify({ sessions: [{ placementId, proposalId: proposal.id }] }),
    },
  });
  const cookie = await cookieFor(user.id);

  const statuses = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const url = serverFor(i);
      const response = await fetch(`${url}/e/${event.slug}/picks`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie,
          "X-Dropin-Sync": "1",
          ...sameOrigin(url),
        },
        body: new URLSearchParams({ intent: "pick", placementId, clientId: `pick-${i}-${crypto.randomUUID()}` }),
      });
      return response.status;
    }),
  );
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(await db().pick.count({ where: { userId: user.id, placementId } })).toBe(1);
});

/** A live PD day with three delivered prize units, twelve checked-in teachers and two open drawings. */
async function prizeDay(leadId: string) {
  const event = await createEvent(leadId, { name: "Prize Race Day", status: "live" });
  const vendor = await db().vendor.create({
    data: { eventId: event.id, company: "Bluebird Coffee", contactName: "Bo", contactEmail: "bo@bluebird.test" },
  });
  await db().donation.createMany({
    data: [
      {
        eventId: event.id,
        vendorId: vendor.id,
        kind: "prize",
        itemName: "Coffee for a year",
        quantity: 2,
        unitValueCents: 5000,
        status: "delivered",
      },
      {
        eventId: event.id,
        vendorId: vendor.id,
        kind: "prize",
        itemName: "Document camera",
        quantity: 1,
        unitValueCents: 9000,
        status: "delivered",
      },
    ],
  });
  const people = await Promise.all(Array.from({ length: 12 }, (_, i) => attendee(event.id, `Teacher ${i + 1}`)));
  // Checked in at 9:00 on the PD day itself.
  await db().doorCheckIn.createMany({
    data: people.map((p) => ({ eventId: event.id, userId: p.user.id, checkedInAt: new Date("2027-02-13T15:00:00Z") })),
  });
  const drawings = await Promise.all(
    ["Morning drawing", "Closing drawing"].map((name) => {
      const seed = crypto.randomBytes(32).toString("hex");
      const seedHash = crypto.createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex");
      return db().drawing.create({ data: { eventId: event.id, name, seed, seedHash, createdById: leadId } });
    }),
  );
  return { event, drawings };
}

test("two drawings run at once, many times each, on two servers: every prize has exactly one winner", async () => {
  const lead = await createUser({ name: "Dana Whitfield" });
  const cookie = await cookieFor(lead.id);
  // Four PD days, each raced once: a lost race shows up in one of them, not by luck in one try.
  for (let round = 0; round < 4; round++) {
    const { event, drawings } = await prizeDay(lead.id);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const url = serverFor(i);
        const response = await fetch(`${url}/events/${event.slug}/drawings?index`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...sameOrigin(url) },
          body: new URLSearchParams({ intent: "run", drawingId: drawings[Math.floor(i / 2) % 2]!.id }),
        });
        return response.status;
      }),
    );
    // Drawn (a redirect with a toast) or told why not (400 with the message): never an error page.
    expect(statuses.filter((s) => s !== 302 && s !== 400)).toEqual([]);
    // Either drawing takes all three units; the other is then refused.
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);

    const winners = await db().drawingWinner.findMany({ where: { drawing: { eventId: event.id } } });
    const units = winners.map((w) => `${w.donationId}:${w.unitIndex}`);
    // Three prize units, each won once, and nobody holding two prizes.
    expect(units).toHaveLength(3);
    expect(new Set(units).size).toBe(3);
    expect(new Set(winners.map((w) => w.userId)).size).toBe(3);
    expect(await db().drawing.count({ where: { eventId: event.id, status: "drawn" } })).toBe(1);
  }
});
