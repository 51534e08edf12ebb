// The badge's short typed code (issue 20): every attendee membership gets one from
// a database trigger, unique within the PD day; a volunteer types it in any case,
// with or without the hyphen; a collision never fails the import or join that made
// the membership. Collisions are forced by replacing SQLite's random() on the
// direct connection the roster import writes through.
import crypto from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { addMember, createAttendee, createEvent, createUser } from "tests/factories";
import { findOnDevice } from "~/components/checkin/kiosk-roster";
import { formatShortCode, SHORT_CODE_ALPHABET, shortCodeFromTyped } from "~/utils/badge-code";
import { db } from "~/utils/db.server";
import { sqlite } from "~/utils/sqlite.server";
import { badgesPage, myBadge } from "./badges";
import { checkInByToken, syncQueued } from "./door";
import { kioskRoster } from "./kiosk-roster";
import { importRoster } from "./roster-import";

const CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{8}$`);
const MAPPING = { name: "Full name", email: "Email", school: "School", staffId: "" };

// random() on the direct connection: SQLite's own unless a test scripts it.
let script: (() => number) | null = null;
let calls = 0;
sqlite().function("random", { deterministic: false }, () => {
  calls++;
  return script ? script() : Number(crypto.randomBytes(6).readUIntBE(0, 6));
});
afterEach(() => {
  script = null;
  calls = 0;
});

async function setup() {
  const event = await createEvent();
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

function roster(count: number, tag: string) {
  const lines = ["Full name,Email,School"];
  for (let i = 1; i <= count; i++) lines.push(`Teacher ${i},t${i}.${tag}@springfield.k12.us,School ${i % 5}`);
  return lines.join("\n");
}

const codesOf = async (eventId: string) =>
  (await db.membership.findMany({ where: { eventId, role: "attendee" }, select: { shortCode: true } })).map(
    (m) => m.shortCode,
  );

/** A join as a sign-in code makes it, on the connection whose random() the test scripts. */
function joinDirectly(eventId: string, userId: string) {
  const id = crypto.randomUUID();
  sqlite()
    .prepare("INSERT INTO Membership (id, eventId, userId, role, createdAt) VALUES (?, ?, ?, 'attendee', ?)")
    .run(id, eventId, userId, new Date().toISOString());
  return id;
}

describe("short codes", () => {
  test("typed codes are read in any case, with or without the hyphen or spaces; anything else is not one", () => {
    expect(shortCodeFromTyped("k7qm-3xpa")).toBe("K7QM3XPA");
    expect(shortCodeFromTyped(" K7QM 3XPA ")).toBe("K7QM3XPA");
    expect(shortCodeFromTyped("K7QM3XPA")).toBe("K7QM3XPA");
    expect(formatShortCode("K7QM3XPA")).toBe("K7QM-3XPA");
    // Look-alikes are not in the alphabet, and a badge token is far longer.
    for (const typed of [
      "K7QM-3XP0",
      "K7QM-3XPO",
      "K7QM-3XP1",
      "K7QM-3XPI",
      "K7QM-3XPL",
      "K7QM-3XPU",
      "K7QM-3XP",
      crypto.randomBytes(16).toString("base64url"),
    ]) {
      expect(shortCodeFromTyped(typed)).toBeNull();
    }
  });

  test("every attendee gets a code however they joined, unique on the PD day; another role has none", async () => {
    const { event, coordinator } = await setup();
    const joined = await db.membership.create({
      data: { eventId: event.id, userId: (await createUser()).id, role: "attendee" },
    });
    await importRoster(coordinator.id, event.id, roster(300, "u"), MAPPING);
    const codes = await codesOf(event.id);
    expect(codes).toHaveLength(301);
    for (const code of codes) expect(code).toMatch(CODE);
    expect(new Set(codes).size).toBe(301);
    expect(
      (await db.membership.findFirstOrThrow({ where: { eventId: event.id, role: "coordinator" } })).shortCode,
    ).toBeNull();

    // Made a presenter: the code goes (as the badge token does); an attendee again: a new one.
    const stored = await db.membership.findUniqueOrThrow({ where: { id: joined.id } });
    await db.membership.update({ where: { id: joined.id }, data: { role: "presenter" } });
    expect((await db.membership.findUniqueOrThrow({ where: { id: joined.id } })).shortCode).toBeNull();
    await db.membership.update({ where: { id: joined.id }, data: { role: "attendee" } });
    const again = (await db.membership.findUniqueOrThrow({ where: { id: joined.id } })).shortCode;
    expect(again).toMatch(CODE);
    expect(again).not.toBe(stored.shortCode);
  });

  // The roster import writes on its own thread's connection, whose random() a test
  // cannot script; the trigger is the same for every insert, so 120 people joined in
  // one transaction (as an import chunk writes them) stand in for it here.
  test("memberships whose drawn codes collide are all still made, each with a code of their own", async () => {
    const { event } = await setup();
    const users = await Promise.all(Array.from({ length: 120 }, () => createUser()));
    // Every character is "2" or "3": 256 codes in all, so 120 people collide dozens of times.
    script = () => crypto.randomInt(2);
    sqlite().transaction(() => {
      for (const user of users) joinDirectly(event.id, user.id);
    })();
    const codes = await codesOf(event.id);
    expect(codes).toHaveLength(120);
    for (const code of codes) expect(code).toMatch(/^[23]{8}$/);
    expect(new Set(codes).size).toBe(120);
    // One draw (8 characters) each would be 960 calls: the taken ones were drawn again.
    expect(calls).toBeGreaterThan(120 * 8 + 16 * 8);
  });

  test("when every draw is taken the join still succeeds, and the badge falls back to the token", async () => {
    const { event, coordinator } = await setup();
    script = () => 0; // every draw is "22222222"
    const first = joinDirectly(event.id, (await createUser()).id);
    const second = (await createUser()).id;
    joinDirectly(event.id, second);
    for (let i = 0; i < 3; i++) joinDirectly(event.id, (await createUser()).id);
    expect((await db.membership.findUniqueOrThrow({ where: { id: first } })).shortCode).toBe("22222222");
    expect(await db.membership.count({ where: { eventId: event.id, role: "attendee", shortCode: null } })).toBe(4);
    script = null;

    const badge = await myBadge(second, event.id, event.slug);
    const { badgeToken } = await db.membership.findFirstOrThrow({ where: { eventId: event.id, userId: second } });
    expect(badge.code).toBe(badgeToken);
    expect(await checkInByToken(coordinator.id, event.id, badge.code)).toMatchObject({
      status: "checked_in",
      userId: second,
    });
    // Setting a missing code to null again (as the migration's backfill does) draws one.
    await db.membership.updateMany({ where: { eventId: event.id, shortCode: null }, data: { shortCode: null } });
    for (const code of await codesOf(event.id)) expect(code).toMatch(CODE);
  });
});

describe("checking in by short code", () => {
  test("the code as printed, lower case or without the hyphen checks the person in once; another PD day's code is unknown", async () => {
    const { event, coordinator } = await setup();
    const { user } = await createAttendee(event.id, { name: "Keisha Reyes" });
    const badge = await myBadge(user.id, event.id, event.slug);
    expect(badge.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const typed = badge.code.toLowerCase().replace("-", " ");
    expect(await checkInByToken(coordinator.id, event.id, typed)).toMatchObject({
      status: "checked_in",
      userId: user.id,
      name: "Keisha Reyes",
    });
    expect(await checkInByToken(coordinator.id, event.id, badge.code.replace("-", ""))).toMatchObject({
      status: "already",
      userId: user.id,
    });

    // The same person's code on another PD day checks nobody in here, nor theirs there.
    const other = await setup();
    const elsewhere = await createAttendee(other.event.id);
    const theirs = (await myBadge(elsewhere.user.id, other.event.id, other.event.slug)).code;
    expect(await checkInByToken(coordinator.id, event.id, theirs)).toEqual({ status: "unknown" });
    expect(await checkInByToken(other.coordinator.id, other.event.id, badge.code)).toEqual({ status: "unknown" });
    expect(await db.doorCheckIn.count()).toBe(1);
  });

  test("a kiosk's queued short code syncs exactly once; only door staff can use one", async () => {
    const { event, coordinator } = await setup();
    const { user } = await createAttendee(event.id);
    const code = (await myBadge(user.id, event.id, event.slug)).code;
    const scan = { clientId: "short-code-1", token: code.toLowerCase(), scannedAt: new Date().toISOString() };
    expect((await syncQueued(coordinator.id, event.id, [scan, scan]))[0]!.result).toMatchObject({
      status: "checked_in",
      userId: user.id,
    });
    expect((await syncQueued(coordinator.id, event.id, [scan]))[0]!.result).toMatchObject({
      status: "checked_in",
      userId: user.id,
    });
    expect(await db.doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);
    const { user: attendee } = await createAttendee(event.id);
    await expect(checkInByToken(attendee.id, event.id, code)).rejects.toThrow("coordinators");
  });

  test("the printed badges show each code; the device's roster names a typed code without holding it", async () => {
    const { event, coordinator } = await setup();
    const people = await Promise.all(
      ["Ana Ruiz", "Tomasz Kowalski", "Keisha Reyes"].map((name) => createAttendee(event.id, { name })),
    );
    const sheet = await badgesPage(coordinator.id, event.id, event.slug, 1);
    const ana = sheet.badges.find((b) => b.name === "Ana Ruiz")!;
    expect(ana.code).toBe((await myBadge(people[0]!.user.id, event.id, event.slug)).code);

    const onDevice = await kioskRoster(coordinator.id, event.id, event.slug, event.timeZone);
    const stored = JSON.stringify(onDevice);
    for (const b of sheet.badges) {
      expect(stored).not.toContain(b.code.replace("-", ""));
      expect((await findOnDevice(onDevice, b.code.toLowerCase(), event.slug))?.name).toBe(b.name);
    }
    const tokens = await db.membership.findMany({
      where: { eventId: event.id, role: "attendee" },
      select: { badgeToken: true },
    });
    for (const { badgeToken } of tokens) expect(stored).not.toContain(badgeToken!);
    // The hash is salted with the PD day's address: the same code on another day names nobody.
    expect(await findOnDevice(onDevice, ana.code, "another-day")).toBeUndefined();
  });
});
