// Realistic PD-day data for tests. A counter, not randomness, keeps emails and
// slugs unique so a failing test fails the same way every run.
import type { Prisma } from "@prisma/client";
import { hashPassword } from "~/.server/accounts/accounts";
import { EventSchema, type EventInput, type Role } from "~/schemas/events";
import { db } from "~/utils/db.server";

let counter = 0;
const next = () => ++counter;
// Playwright workers share one server database and each starts its own counter:
// its (never reused) worker index keeps their emails and slugs apart. Vitest
// workers each have their own database, so there it stays empty.
const scope = process.env.TEST_WORKER_INDEX ? `w${process.env.TEST_WORKER_INDEX}-` : "";

const FIRST_NAMES = ["Maria", "James", "Aisha", "Tom", "Priya", "Luis", "Grace", "Dmitri", "Keisha", "Ben"];
const LAST_NAMES = ["Hernandez", "Okafor", "Nguyen", "Schmidt", "Patel", "Johnson", "Kowalski", "Reyes"];
const SCHOOLS = ["Lincoln Elementary", "Roosevelt Middle", "Jefferson High", "Washington Elementary"];

type UserOverrides = Partial<Prisma.UserCreateInput> & {
  /** Plain-text password to hash and store; omitted by default because bcrypt is slow. */
  password?: string;
  districtCoordinator?: boolean;
};

export async function createUser({ password, districtCoordinator, ...overrides }: UserOverrides = {}) {
  const n = next();
  const first = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const last = LAST_NAMES[n % LAST_NAMES.length]!;
  return db.user.create({
    data: {
      name: `${first} ${last}`,
      email: `${first}.${last}.${scope}${n}@springfield.k12.us`.toLowerCase(),
      school: SCHOOLS[n % SCHOOLS.length],
      isDistrictCoordinator: districtCoordinator ?? false,
      // A proven address, as every account that can sign in has; pass null for one that never proved it.
      emailVerifiedAt: new Date(),
      ...overrides,
      ...(password ? { password: { create: { hash: await hashPassword(password) } } } : {}),
    },
  });
}

export async function createEvent(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const n = next();
  return db.event.create({
    data: {
      name: `Spring Teacher-Led PD Day ${n}`,
      slug: `spring-pd-${scope}${n}`,
      description: "Sessions by our own teachers, for our own teachers.",
      venue: "Jefferson High School",
      date: "2027-03-12",
      startTime: "08:00",
      endTime: "15:30",
      timeZone: "America/Chicago",
      // Doors open long ago, so tests that check people in "now" meet an open door
      // (the door rule itself is tested with its own days in doors.test.ts).
      doorsOpenAt: "2000-01-01T00:00",
      ...overrides,
    },
  });
}

export function addMember(eventId: string, userId: string, role: Role) {
  return db.membership.create({ data: { eventId, userId, role } });
}

/** What the event form submits, parsed by the same schema the route uses. */
export function eventInput(overrides: Record<string, string> = {}): EventInput {
  return EventSchema.parse({
    name: "Spring Teacher-Led PD Day",
    date: "2027-03-12",
    startTime: "08:00",
    endTime: "15:30",
    timeZone: "America/Chicago",
    venue: "Jefferson High School",
    ...overrides,
  });
}

/** A proposal by `presenterId`; realistic defaults, any field overridable. */
export function createProposal(
  eventId: string,
  presenterId: string,
  overrides: Partial<Prisma.ProposalUncheckedCreateInput> = {},
) {
  const n = next();
  return db.proposal.create({
    data: {
      eventId,
      presenterId,
      title: `Station rotation in K-2 (${n})`,
      summary: "Set up three stations your students can run on their own, and what to do when one breaks down.",
      details: "Hands-on: participants rotate through the stations themselves.",
      audience: "K-2",
      format: "hands_on",
      state: "submitted",
      submittedAt: new Date(),
      ...overrides,
    },
  });
}

/** A classroom for the grid; seats 30 with a projector unless told otherwise. */
export function createRoom(eventId: string, overrides: Partial<Prisma.RoomUncheckedCreateInput> = {}) {
  const n = next();
  return db.room.create({
    data: {
      eventId,
      name: `Room ${100 + n}`,
      building: "Main building",
      floor: "1",
      capacity: 30,
      features: "projector",
      sortOrder: n,
      ...overrides,
    },
  });
}

/** A session block; pass startTime/endTime to lay out a day (they must not overlap). */
export function createBlock(eventId: string, overrides: Partial<Prisma.TimeBlockUncheckedCreateInput> = {}) {
  const n = next();
  const startTime = overrides.startTime ?? "09:00";
  return db.timeBlock.create({
    data: {
      eventId,
      label: `Block ${n}`,
      startTime,
      endTime: "09:50",
      kind: "sessions",
      sortOrder: Number(startTime.replace(":", "")),
      ...overrides,
    },
  });
}

export function createPlacement(eventId: string, proposalId: string, roomId: string, timeBlockId: string) {
  return db.placement.create({ data: { eventId, proposalId, roomId, timeBlockId } });
}

/**
 * A published PD day for check-in and credit tests: two rooms, two session blocks
 * (09:00–09:50 and 10:00–10:50, America/Chicago on 2027-03-12) and a confirmed
 * session in each room in each block, frozen as version 1.
 */
export async function createPublishedDay(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const { buildSnapshot } = await import("~/.server/schedule/snapshot");
  const { freezeVersion } = await import("~/.server/schedule/publish");
  const event = await createEvent({ status: "published", ...overrides });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  const presenter = await createUser();
  await addMember(event.id, presenter.id, "presenter");
  const roomA = await createRoom(event.id, { name: "Room A", capacity: 2 });
  const roomB = await createRoom(event.id, { name: "Room B" });
  const block1 = await createBlock(event.id, { label: "Block 1", startTime: "09:00", endTime: "09:50" });
  const block2 = await createBlock(event.id, { label: "Block 2", startTime: "10:00", endTime: "10:50" });
  const place = async (title: string, roomId: string, blockId: string) => {
    const proposal = await createProposal(event.id, presenter.id, { title, state: "confirmed" });
    return createPlacement(event.id, proposal.id, roomId, blockId);
  };
  const a1 = await place("Desmos for Algebra I", roomA.id, block1.id);
  const b1 = await place("Schoology rubrics", roomB.id, block1.id);
  const a2 = await place("Reading conferences", roomA.id, block2.id);
  await freezeVersion(event.id, coordinator.id, await buildSnapshot(event.id), { notify: false });
  return { event, coordinator, presenter, roomA, roomB, block1, block2, a1, b1, a2 };
}

/** The published day with a confirmed co-presenter (Cole) on "Desmos for Algebra I" (a1), published again to list him. */
export async function createPublishedDayWithCoPresenter() {
  const { buildSnapshot } = await import("~/.server/schedule/snapshot");
  const { freezeVersion } = await import("~/.server/schedule/publish");
  const day = await createPublishedDay();
  const co = await createUser({ name: "Cole Copresenter" });
  const row = await db.proposalCoPresenter.create({
    data: {
      proposalId: day.a1.proposalId,
      email: co.email,
      userId: co.id,
      tokenHash: `co-${co.id}`,
      confirmedAt: new Date(),
    },
  });
  await freezeVersion(day.event.id, day.coordinator.id, await buildSnapshot(day.event.id), { notify: false });
  return { ...day, co, row };
}

/** An attendee of `eventId` with a badge token. */
export async function createAttendee(eventId: string, overrides: UserOverrides = {}) {
  const { newBadgeToken } = await import("~/.server/checkin/roster");
  const user = await createUser(overrides);
  const membership = await db.membership.create({
    data: { eventId, userId: user.id, role: "attendee", badgeToken: newBadgeToken() },
  });
  return { user, token: membership.badgeToken! };
}

// --- Vendors and prize drawings (issue 7) ---

export async function createVendor(eventId: string, overrides: Partial<Prisma.VendorUncheckedCreateInput> = {}) {
  const n = next();
  return db.vendor.create({
    data: {
      eventId,
      company: `Bluebird Coffee ${n}`,
      contactName: "Sam Ortiz",
      contactEmail: `sam.${n}@bluebird.test`,
      ...overrides,
    },
  });
}

export async function createDonation(
  eventId: string,
  vendorId: string,
  overrides: Partial<Prisma.DonationUncheckedCreateInput> = {},
) {
  return db.donation.create({
    data: {
      eventId,
      vendorId,
      kind: "prize",
      itemName: "Coffee gift card",
      quantity: 1,
      unitValueCents: 2500,
      status: "delivered",
      ...overrides,
    },
  });
}

/** Someone who came: checked in at the door, optionally visited `sessions` sessions and gave feedback. */
export async function createDrawingCandidate(
  eventId: string,
  {
    sessions = 0,
    feedback = false,
    checkedIn = true,
    ...overrides
  }: UserOverrides & { sessions?: number; feedback?: boolean; checkedIn?: boolean } = {},
) {
  const user = await createUser(overrides);
  await addMember(eventId, user.id, "attendee");
  if (checkedIn) await db.doorCheckIn.create({ data: { eventId, userId: user.id } });
  for (let i = 0; i < sessions; i++) {
    await db.roomVisit.create({
      data: {
        eventId,
        userId: user.id,
        roomId: `room-${i}`,
        timeBlockId: `block-${i}`,
        placementId: `placement-${i}`,
        enteredAt: new Date(),
      },
    });
  }
  if (feedback) {
    await db.feedback.create({
      data: { eventId, userId: user.id, placementId: "placement-0", proposalId: "proposal-0", rating: 5 },
    });
  }
  return user;
}
