// A district-wide PD day at full size, for benchmarks and "does it hold up"
// checks: 5,000 attendees, 300 sessions in 60 rooms × 6 blocks, 50,000 picks and
// 8,000 check-ins (door arrivals plus room check-ins). Interest is skewed the way
// real sign-ups are (a few sessions draw crowds, most draw a roomful), arrivals
// bunch up in the half hour before the start. Deterministic apart from badge
// tokens and ids: a seeded generator decides who picks and arrives where.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { hashPassword } from "../accounts/accounts";
import { newBadgeToken } from "../checkin/roster";
import { freezeVersion } from "../schedule/publish";
import { buildSnapshot } from "../schedule/snapshot";
import { toMinutes, wallClockToInstant } from "../schedule/times";
import { FIRST_NAMES, LAST_NAMES, SCHOOLS, SUBJECT_TAGS } from "./demo-data";

export const LARGE_EVENT_SLUG = "large";
const DOMAIN = "large.dropin.test";
export const LARGE_COORDINATOR = { email: `coordinator@${DOMAIN}`, password: "large-coordinator" } as const;

export type LargeEventSize = {
  attendees: number;
  sessions: number;
  rooms: number;
  blocks: number;
  picks: number;
  checkIns: number;
};
export const LARGE_EVENT_SIZE: LargeEventSize = {
  attendees: 5000,
  sessions: 300,
  rooms: 60,
  blocks: 6,
  picks: 50_000,
  checkIns: 8000,
};

const TIME_ZONE = "America/Chicago";
const START = "08:00";
const BLOCK_MINUTES = 50;
const PASSING_MINUTES = 10;
const FEATURES = ["projector", "student_devices", "charging", "wifi_heavy", "sink_lab"];
const FORMATS = ["hands_on", "demo", "discussion", "playground"];
const AUDIENCES = ["K-2", "3-5", "6-8", "9-12", "all"];
const TOPICS = [
  "Formative checks",
  "Station rotation",
  "Choice boards",
  "Reading conferences",
  "Lab safety",
  "Podcasting",
  "Math talks",
  "Restorative circles",
  "Spreadsheets",
  "Co-teaching",
];
// Rows per INSERT batch: SQLite's bound-parameter limit is 32,766, and the widest
// row here has under a dozen columns.
const CHUNK = 2000;

/** mulberry32: a tiny seeded generator, so a re-seed tells the same story. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clock(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

function person(i: number, label: string) {
  const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
  const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
  return {
    email: `${label}${i}@${DOMAIN}`,
    name: `${first} ${last}`,
    school: SCHOOLS[i % SCHOOLS.length]!,
    staffId: `L${100000 + i}`,
  };
}

/** Create the large PD day; replaces an earlier one with the same slug. */
export async function seedLargeEvent(size: LargeEventSize = LARGE_EVENT_SIZE, { date = "2027-03-06" } = {}) {
  const random = seeded(20270306);
  await db.event.deleteMany({ where: { slug: LARGE_EVENT_SLUG } });
  await db.user.deleteMany({ where: { email: { endsWith: `@${DOMAIN}` } } });

  const coordinator = await db.user.create({
    data: {
      email: LARGE_COORDINATOR.email,
      name: "Riley Coordinator",
      school: "District Office",
      emailVerifiedAt: new Date(),
      password: { create: { hash: await hashPassword(LARGE_COORDINATOR.password) } },
    },
  });
  const event = await db.event.create({
    data: {
      slug: LARGE_EVENT_SLUG,
      name: "District-wide Learning Exchange",
      description: "Every teacher in the district, one Saturday, 300 sessions taught by colleagues.",
      venue: "Prairie View High School campus",
      date,
      startTime: START,
      endTime: clock(toMinutes(START) + size.blocks * (BLOCK_MINUTES + PASSING_MINUTES)),
      timeZone: TIME_ZONE,
      status: "scheduling",
      // The benchmarks check people in "now", long before the day: the door is open.
      doorsOpenAt: "2000-01-01T00:00",
      subjectTags: SUBJECT_TAGS.join("\n"),
      memberships: { create: { userId: coordinator.id, role: "coordinator" } },
    },
  });
  const eventId = event.id;

  const rooms = await db.room.createManyAndReturn({
    data: Array.from({ length: size.rooms }, (_, i) => ({
      eventId,
      name: `Room ${String(100 + i)}`,
      building: i < size.rooms / 2 ? "Main" : "East wing",
      floor: String(1 + (i % 3)),
      // Classrooms seat 24–36; every tenth room is a lecture hall or library.
      capacity: i % 10 === 0 ? 120 : 24 + (i % 4) * 4,
      features: FEATURES.filter((_, f) => (i + f) % 3 === 0).join(","),
      accessible: i % 7 !== 3,
      sortOrder: i,
    })),
    select: { id: true },
  });
  const blocks = await db.timeBlock.createManyAndReturn({
    data: Array.from({ length: size.blocks }, (_, i) => {
      const start = toMinutes(START) + i * (BLOCK_MINUTES + PASSING_MINUTES);
      return {
        eventId,
        label: `Block ${i + 1}`,
        startTime: clock(start),
        endTime: clock(start + BLOCK_MINUTES),
        kind: "sessions",
        sortOrder: i,
      };
    }),
    select: { id: true, startTime: true },
  });

  // Presenters teach one session each, except every tenth teaches two.
  const presenterCount = Math.ceil(size.sessions * 0.9);
  const presenters = await db.user.createManyAndReturn({
    data: Array.from({ length: presenterCount }, (_, i) => person(i, "presenter")),
    select: { id: true },
  });
  await db.membership.createMany({ data: presenters.map((p) => ({ eventId, userId: p.id, role: "presenter" })) });
  const proposals = await db.proposal.createManyAndReturn({
    data: Array.from({ length: size.sessions }, (_, i) => ({
      eventId,
      presenterId: presenters[i % presenterCount]!.id,
      title: `${TOPICS[i % TOPICS.length]} ${Math.floor(i / TOPICS.length) + 1}`,
      summary: "A practical session you can use on Monday: try it, adapt it, take it home.",
      audience: AUDIENCES[i % AUDIENCES.length]!,
      tags: SUBJECT_TAGS[i % SUBJECT_TAGS.length]!,
      format: FORMATS[i % FORMATS.length]!,
      techNeeds: i % 4 === 0 ? "projector" : "",
      state: "confirmed",
      submittedAt: new Date(`${date}T12:00:00Z`),
    })),
    select: { id: true, presenterId: true },
  });

  // Fill the grid room by room, block by block; a presenter of two sessions gets
  // them in different blocks because the second lands a whole grid-pass later.
  const slots = blocks.flatMap((block) => rooms.map((room) => ({ timeBlockId: block.id, roomId: room.id })));
  const placements = await db.placement.createManyAndReturn({
    data: proposals.map((p, i) => ({ eventId, proposalId: p.id, ...slots[i % slots.length]! })),
    select: { id: true, proposalId: true, timeBlockId: true, roomId: true },
  });
  await freezeVersion(eventId, coordinator.id, await buildSnapshot(eventId), {
    note: "Large-event seed",
    notify: false,
  });

  const attendees = await db.user.createManyAndReturn({
    data: Array.from({ length: size.attendees }, (_, i) => person(i, "teacher")),
    select: { id: true },
  });
  await inChunks(attendees, (chunk) =>
    db.membership.createMany({
      data: chunk.map((a) => ({ eventId, userId: a.id, role: "attendee", badgeToken: newBadgeToken() })),
    }),
  );

  // Popularity follows a Zipf-like curve: session k is picked ~1/(k+1)^0.8 as often.
  const weights = placements.map((_, k) => 1 / Math.pow(k + 1, 0.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, k) => (cumulative[k] = sum + w / total), 0);
  const drawPlacement = () => {
    const r = random();
    const index = cumulative.findIndex((c) => c >= r);
    return placements[index === -1 ? placements.length - 1 : index]!;
  };
  const perAttendee = Math.floor(size.picks / size.attendees);
  const picks: Array<{ eventId: string; userId: string; placementId: string; proposalId: string }> = [];
  for (const attendee of attendees) {
    const chosen = new Set<string>();
    while (chosen.size < Math.min(perAttendee, placements.length)) {
      const placement = drawPlacement();
      if (chosen.has(placement.id)) continue;
      chosen.add(placement.id);
      picks.push({ eventId, userId: attendee.id, placementId: placement.id, proposalId: placement.proposalId });
    }
  }
  await inChunks(picks, (chunk) => db.pick.createMany({ data: chunk }));

  // 8,000 check-ins: most of the roster arrives at the door (92%), and the rest of
  // the budget is room check-ins in the first block.
  const instant = (minutes: number) => wallClockToInstant(date, clock(minutes), TIME_ZONE);
  const start = toMinutes(START);
  const doorCount = Math.min(Math.round(size.attendees * 0.92), size.checkIns);
  const arrived = attendees.slice(0, doorCount);
  await inChunks(
    arrived.map((a, i) => ({
      eventId,
      userId: a.id,
      // Arrivals peak ten minutes before the start; a tail comes late.
      checkedInAt: instant(start - 30 + Math.floor(Math.pow(random(), 0.7) * 45)),
      source: i % 12 === 0 ? "search" : "qr",
      clientId: crypto.randomUUID(),
      recordedById: coordinator.id,
    })),
    (chunk) => db.doorCheckIn.createMany({ data: chunk }),
  );
  const firstBlock = blocks[0]!;
  const firstBlockPlacements = placements.filter((p) => p.timeBlockId === firstBlock.id);
  const visits = arrived.slice(0, size.checkIns - doorCount).map((a, i) => {
    const placement = firstBlockPlacements[i % firstBlockPlacements.length]!;
    return {
      eventId,
      userId: a.id,
      roomId: placement.roomId,
      timeBlockId: firstBlock.id,
      placementId: placement.id,
      enteredAt: instant(toMinutes(firstBlock.startTime) + (i % 8)),
      source: "self",
    };
  });
  await inChunks(visits, (chunk) => db.roomVisit.createMany({ data: chunk }));

  return {
    eventId,
    slug: LARGE_EVENT_SLUG,
    coordinatorId: coordinator.id,
    counts: {
      attendees: attendees.length,
      sessions: placements.length,
      rooms: rooms.length,
      blocks: blocks.length,
      picks: picks.length,
      doorCheckIns: arrived.length,
      roomCheckIns: visits.length,
    },
  };
}
