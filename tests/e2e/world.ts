// A private Dropin server and the fixture world the authorization matrix and the
// action fuzzer run against. Each spec starts its own server (own port, own SQLite
// file) because both must know exactly what is in the database: the matrix posts
// as every role, and the fuzzer proves "no row changed" by fingerprinting every
// table, which a database shared with the other specs (2 workers) cannot show.
//
// The world is the demo PD day (as a new `npm start` seeds it, copied from the run's
// demo template, database-templates.ts: published schedule, picks, check-ins,
// donations, a drawing) plus, inserted here: a plain coordinator of event A who is NOT a district
// coordinator, a door volunteer of event A, and event B with its own coordinator.
import crypto from "node:crypto";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import Database from "better-sqlite3";
import { sessionCookie } from "../support/session-cookie";
import { newDatabase, spawnServer, TEST_SESSION_SECRET } from "./spawn-server";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

export type OwnServer = {
  baseURL: string;
  dbFile: string;
  stop: () => Promise<void>;
  /** The last 20 KB the server wrote to stderr. */ stderr: () => string;
};

/** Start Dropin on E2E_PORT + offset on a new copy of the demo template (the demo day as a new `npm start` seeds it). */
export async function startOwnServer(offset: number, label: string): Promise<OwnServer> {
  const port = BASE_PORT + offset;
  const databaseFile = `tests/.tmp/e2e-${port}/${label}.db`;
  newDatabase(databaseFile, "demo");
  const server = await spawnServer({ port, databaseFile, env: { SEED_DEMO: "true" }, startupMs: 90_000 });
  return { baseURL: server.url, dbFile: path.resolve(databaseFile), stop: server.stop, stderr: server.stderr };
}

export const ROLES = [
  "coordinator",
  "presenter",
  "attendee",
  "vendor",
  "otherCoordinator",
  "door",
  "anonymous",
] as const;
export type Role = (typeof ROLES)[number];

export type World = {
  slug: string;
  otherSlug: string;
  eventId: string;
  roomId: string;
  blockId: string;
  /** A published session whose lead presenter is the `presenter` role. */
  placementId: string;
  proposalId: string;
  /** A proposal in event A presented by someone else than `presenter`. */
  foreignProposalId: string;
  drawingId: string;
  /** The published demo circle the attendee is in (the presenter is not). */
  circleId: string;
  vendorId: string;
  donationId: string;
  badgeToken: string;
  attendeeId: string;
  userIds: Record<Exclude<Role, "anonymous">, string>;
  /** The demo's district coordinator (only they may create PD days). */
  districtCoordinatorId: string;
  /** Cookie header per role ("" for anonymous). */
  cookies: Record<Role, string>;
};

function client(dbFile: string) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${dbFile}`, timeout: 5000 }) });
}

/** The `Cookie` header a browser would send after `userId` signed in. */
async function signedInCookie(db: PrismaClient, userId: string) {
  const session = await db.session.create({ data: { userId, expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) } });
  return sessionCookie(session.id, TEST_SESSION_SECRET);
}

/** A new signed-in cookie for `userId` (e.g. after a test signed the role out). */
export async function freshCookie(server: OwnServer, userId: string) {
  const db = client(server.dbFile);
  try {
    return await signedInCookie(db, userId);
  } finally {
    await db.$disconnect();
  }
}

export async function buildWorld(server: OwnServer): Promise<World> {
  const db = client(server.dbFile);
  try {
    const event = await db.event.findUniqueOrThrow({ where: { slug: "demo" } });
    const byEmail = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
    const presenter = await byEmail("teacher@demo.dropin.test");
    const attendee = await byEmail("attendee@demo.dropin.test");
    const vendorUser = await byEmail("vendor@bluebirdcoffee.test");

    const coordinator = await db.user.create({
      data: {
        email: "event-a-coordinator@world.test",
        name: "Avery Coordinator",
        memberships: { create: { eventId: event.id, role: "coordinator" } },
      },
    });
    const otherCoordinator = await db.user.create({
      data: { email: "event-b-coordinator@world.test", name: "Blake Coordinator" },
    });
    const door = await db.user.create({
      data: {
        email: "door-volunteer@world.test",
        name: "Dee Volunteer",
        memberships: { create: { eventId: event.id, role: "door" } },
      },
    });
    const other = await db.event.create({
      data: {
        slug: "other-day",
        name: "Other District Day",
        date: event.date,
        startTime: "08:00",
        endTime: "15:00",
        timeZone: event.timeZone,
        status: "scheduling",
        memberships: { create: { userId: otherCoordinator.id, role: "coordinator" } },
      },
    });

    const version = await db.scheduleVersion.findFirstOrThrow({
      where: { eventId: event.id },
      orderBy: { number: "desc" },
    });
    const snapshot = JSON.parse(version.snapshot) as {
      sessions: { placementId: string; roomId?: string; presenters: { userId: string }[] }[];
    };
    const mine = snapshot.sessions.find((s) => s.presenters[0]?.userId === presenter);
    if (!mine) throw new Error("World: the demo presenter has no published session");
    const placement = await db.placement.findUniqueOrThrow({ where: { id: mine.placementId } });
    const foreign = await db.proposal.findFirstOrThrow({
      where: { eventId: event.id, presenterId: { not: presenter } },
    });
    const drawing = await db.drawing.findFirstOrThrow({ where: { eventId: event.id } });
    const contact = await db.vendorContact.findFirstOrThrow({ where: { userId: vendorUser } });
    const donation = await db.donation.findFirstOrThrow({ where: { vendorId: contact.vendorId } });
    const badge = await db.membership.findFirstOrThrow({
      where: { eventId: event.id, userId: attendee, role: "attendee" },
    });
    const circle = await db.circleMember.findFirstOrThrow({
      where: { userId: attendee, circle: { round: { eventId: event.id } } },
    });

    const userIds = {
      coordinator: coordinator.id,
      presenter,
      attendee,
      vendor: vendorUser,
      otherCoordinator: otherCoordinator.id,
      door: door.id,
    };
    const cookies = { anonymous: "" } as Record<Role, string>;
    for (const [role, id] of Object.entries(userIds)) cookies[role as Role] = await signedInCookie(db, id);

    return {
      slug: event.slug,
      otherSlug: other.slug,
      eventId: event.id,
      roomId: placement.roomId,
      blockId: placement.timeBlockId,
      placementId: placement.id,
      proposalId: placement.proposalId,
      foreignProposalId: foreign.id,
      drawingId: drawing.id,
      circleId: circle.circleId,
      vendorId: contact.vendorId,
      donationId: donation.id,
      badgeToken: badge.badgeToken ?? "",
      attendeeId: attendee,
      userIds,
      districtCoordinatorId: await byEmail("coordinator@demo.dropin.test"),
      cookies,
    };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Row counts plus a hash of every row of every table, read straight from the
 * SQLite file. Nothing is excluded: no table changes merely because a request was
 * served (sessions are read, never touched, on each request; toasts live in a
 * cookie; rate-limit counters live in memory).
 */
export function fingerprint(dbFile: string): Record<string, string> {
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const rows = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all();
      const hash = crypto.createHash("sha256");
      for (const row of rows)
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("hex") : v)));
      result[name] = `${rows.length}:${hash.digest("hex").slice(0, 16)}`;
    }
    return result;
  } finally {
    sqlite.close();
  }
}
