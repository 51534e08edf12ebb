// The demo PD day seeded into an empty database, so a first `npm start` shows a
// realistic day (rooms, blocks, proposals in every state, a roster, vendors) and
// four accounts to explore it with.
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashPassword } from "../accounts/accounts";
import { newLinkToken } from "../accounts/tokens";
import { todayIn } from "../schedule/times";
import { seedDemoAfterTheDay } from "./demo-after-the-day";
import { seedDemoAttendees } from "./demo-attendees";
import { seedDemoCheckIns } from "./demo-checkins";
import { seedDemoGrid } from "./demo-grid";
import { seedDemoPastDays } from "./demo-past-days";
import { seedDemoVendors } from "./demo-vendors";
import {
  CO_PRESENTERS,
  FIRST_NAMES,
  LAST_NAMES,
  PRESENTER_SCHOOLS,
  PROPOSALS,
  ROOMS,
  SCHOOLS,
  SUBJECT_TAGS,
  TIME_BLOCKS,
  VENDORS,
} from "./demo-data";

export const DEMO_EVENT_SLUG = "demo";
const DOMAIN = "demo.dropin.test";
const TIME_ZONE = "America/Chicago";
const ROSTER_SIZE = 80;

export const DEMO_LOGINS = [
  {
    role: "District coordinator",
    email: `coordinator@${DOMAIN}`,
    password: "demo-coordinator",
    note: "Manages every PD day",
  },
  {
    role: "Presenter (teacher)",
    email: `teacher@${DOMAIN}`,
    password: "demo-teacher",
    note: "Maria Delgado, two proposals",
  },
  { role: "Attendee", email: `attendee@${DOMAIN}`, password: "demo-attendee", note: "Jordan Price, on the roster" },
  {
    role: "Vendor contact",
    email: "vendor@bluebirdcoffee.test",
    password: "demo-vendor",
    note: "Sam Ortiz, Bluebird Coffee Roasters",
  },
  {
    role: "Door volunteer",
    email: `door@${DOMAIN}`,
    password: "demo-door",
    note: "Casey Morgan, the door kiosk and live view only",
  },
] as const satisfies ReadonlyArray<{ role: string; email: string; password: string; note: string }>;

const [COORDINATOR_LOGIN, TEACHER_LOGIN, ATTENDEE_LOGIN, , DOOR_LOGIN] = DEMO_LOGINS;

type Person = { email: string; name: string; school: string | null; staffId: string | null };

// --- Calendar dates as "YYYY-MM-DD", computed with UTC arithmetic so the host's
// own time zone and daylight saving never shift a day.

function addDays(isoDate: string, days: number) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekday(isoDate: string) {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

/** An instant on a calendar date; 17:00 UTC falls in the school day in Chicago. */
function at(isoDate: string, hourUtc = 17) {
  return new Date(`${isoDate}T${String(hourUtc).padStart(2, "0")}:00:00Z`);
}

/** The first Saturday at least a week away: far enough that the day is still ahead. */
export function demoEventDate(today: string) {
  let date = addDays(today, 7);
  while (weekday(date) !== 6) date = addDays(date, 1);
  return date;
}

function season(isoDate: string) {
  const month = Number(isoDate.slice(5, 7));
  if (month <= 2 || month === 12) return "Winter";
  if (month <= 5) return "Spring";
  if (month <= 8) return "Summer";
  return "Fall";
}

// --- People

function districtPerson(index: number): Person {
  const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
  const last = LAST_NAMES[(3 * index) % LAST_NAMES.length]!;
  return {
    email: `${first}.${last}@${DOMAIN}`.toLowerCase(),
    name: `${first} ${last}`,
    school: SCHOOLS[index % SCHOOLS.length]!,
    staffId: `E${10100 + index * 7}`,
  };
}

function demoPeople() {
  const coordinator: Person = {
    email: COORDINATOR_LOGIN.email,
    name: "Dana Whitfield",
    school: "District Office",
    staffId: "E10001",
  };
  const attendee: Person = {
    email: ATTENDEE_LOGIN.email,
    name: "Jordan Price",
    school: "Lincoln Middle School",
    staffId: "E10077",
  };
  // One generated sequence feeds presenters, then the roster, so no one is both
  // and no two people share an email. Presenter 0 is the teacher login.
  let next = 0;
  const presenters = PRESENTER_SCHOOLS.map((school, index): Person =>
    index === 0
      ? { email: TEACHER_LOGIN.email, name: "Maria Delgado", school, staffId: "E10042" }
      : { ...districtPerson(next++), school },
  );
  const roster = [attendee];
  while (roster.length < ROSTER_SIZE) roster.push(districtPerson(next++));
  const vendors: Person[] = VENDORS.map((v) => ({
    email: v.contactEmail,
    name: v.contactName,
    school: null,
    staffId: null,
  }));
  const door: Person = {
    email: DOOR_LOGIN.email,
    name: "Casey Morgan",
    school: "Lincoln Middle School",
    staffId: "E10090",
  };
  return { coordinator, presenters, roster, vendors, door };
}

/** Create the demo PD day and its people. Expects a database without them. */
export async function seedDemo({ now = new Date() }: { now?: Date } = {}) {
  const today = todayIn(TIME_ZONE, now);
  const date = demoEventDate(today);
  const proposalsOpenOn = addDays(today, -28);
  const proposalsCloseOn = addDays(today, -4);
  const people = demoPeople();

  // bcrypt is deliberately slow, so only the four sign-in accounts get a password;
  // the roster signs in later through invitations or password resets.
  const hashes = new Map(
    await Promise.all(DEMO_LOGINS.map(async (login) => [login.email, await hashPassword(login.password)] as const)),
  );

  // One transaction: a seed that fails halfway must not leave a half-filled
  // database that seedDemoIfEmpty would then refuse to touch.
  return db.$transaction(
    async (tx) => {
      const allPeople = [people.coordinator, ...people.presenters, ...people.roster, ...people.vendors, people.door];
      const users = await tx.user.createManyAndReturn({
        // Seeded demo accounts count as proven: their .test addresses receive no mail.
        data: allPeople.map((p) => ({
          ...p,
          isDistrictCoordinator: p === people.coordinator,
          emailVerifiedAt: new Date(),
        })),
        select: { id: true, email: true },
      });
      const idOf = new Map(users.map((u) => [u.email, u.id]));
      const userId = (email: string) => {
        const id = idOf.get(email);
        if (!id) throw new Error(`Demo seed: no user was created for ${email}`);
        return id;
      };
      await tx.password.createMany({
        data: [...hashes].map(([email, hash]) => ({ userId: userId(email), hash })),
      });
      const coordinatorId = userId(people.coordinator.email);

      const event = await tx.event.create({
        data: {
          slug: DEMO_EVENT_SLUG,
          name: `${season(date)} Learning Exchange ${date.slice(0, 4)}`,
          description:
            "A Saturday of short, practical sessions taught by our own teachers, for our own teachers. " +
            "Pick a session in each block, try something new with colleagues from across the district, " +
            "and leave with one idea you can use on Monday.",
          venue: "Lincoln Middle School, 1200 Maple Ave",
          date,
          startTime: "08:00",
          endTime: "14:45",
          timeZone: TIME_ZONE,
          status: "scheduling",
          // The demo is a rehearsal: its door opens the day it is seeded, so the kiosk
          // can be tried at once (a real PD day opens on the day, an hour before the first block).
          doorsOpenAt: `${today}T00:00`,
          proposalsOpenOn,
          proposalsCloseOn,
          allowedEmailDomain: DOMAIN,
          subjectTags: SUBJECT_TAGS.join("\n"),
          createdAt: at(addDays(proposalsOpenOn, -7)),
        },
      });
      const eventId = event.id;

      const memberships = [
        { userId: coordinatorId, role: "coordinator" },
        ...people.presenters.map((p) => ({ userId: userId(p.email), role: "presenter" })),
        ...people.roster.map((p) => ({ userId: userId(p.email), role: "attendee" })),
        ...people.vendors.map((p) => ({ userId: userId(p.email), role: "vendor" })),
        { userId: userId(people.door.email), role: "door" },
      ];
      await tx.membership.createMany({ data: memberships.map((m) => ({ ...m, eventId })) });

      await tx.room.createMany({ data: ROOMS.map((room, sortOrder) => ({ ...room, eventId, sortOrder })) });
      const blocks = await tx.timeBlock.createManyAndReturn({
        data: TIME_BLOCKS.map((block, sortOrder) => ({ ...block, eventId, sortOrder })),
        select: { id: true, label: true },
      });
      const blockId = (label: string) => {
        const block = blocks.find((b) => b.label === label);
        if (!block) throw new Error(`Demo seed: no time block "${label}"`);
        return block.id;
      };
      // Decisions went out the day after the call closed; confirmations the day after that.
      const decidedOn = addDays(proposalsCloseOn, 1);
      const confirmedOn = addDays(proposalsCloseOn, 2);
      const decided = new Set(["accepted", "waitlisted", "declined", "confirmed"]);

      const proposals = await tx.proposal.createManyAndReturn({
        data: PROPOSALS.map((p, index) => {
          const presenter = people.presenters[p.presenter];
          if (!presenter) throw new Error(`Demo seed: proposal "${p.title}" names a missing presenter`);
          // Spread submissions over the proposal window, a day apart, wrapping round.
          const submittedOn = addDays(proposalsOpenOn, 1 + (index % 23));
          return {
            eventId,
            presenterId: userId(presenter.email),
            title: p.title,
            summary: p.summary,
            audience: p.audience,
            format: p.format,
            lengthBlocks: p.lengthBlocks,
            details: p.details,
            tags: p.tags,
            techNeeds: p.techNeeds,
            experienceLevel: p.experienceLevel,
            maxParticipants: p.maxParticipants ?? null,
            unavailableBlockIds: (p.unavailable ?? []).map(blockId).join(","),
            willingToRepeat: p.willingToRepeat ?? false,
            state: p.state,
            createdAt: at(submittedOn, 14),
            submittedAt: p.state === "draft" ? null : at(submittedOn, 15),
            decidedAt: decided.has(p.state) ? at(decidedOn) : null,
            confirmedAt: p.state === "confirmed" ? at(confirmedOn) : null,
          };
        }),
        select: { id: true, title: true, state: true, presenterId: true, createdAt: true, submittedAt: true },
      });
      const proposalByTitle = new Map(proposals.map((p) => [p.title, p]));

      await tx.proposalCoPresenter.createMany({
        data: CO_PRESENTERS.map(({ title, presenter }) => {
          const proposal = proposalByTitle.get(title);
          const person = people.presenters[presenter];
          if (!proposal || !person) throw new Error(`Demo seed: co-presenter for "${title}" has no proposal or person`);
          return {
            proposalId: proposal.id,
            email: person.email,
            name: person.name,
            userId: userId(person.email),
            // A fresh, never-mailed token: the invitation is already accepted.
            tokenHash: newLinkToken().tokenHash,
            invitedAt: proposal.createdAt,
            confirmedAt: proposal.submittedAt,
          };
        }),
      });

      // Each proposal's history, as its presenters see it on the proposal page.
      const proposalAudit = (
        p: (typeof proposals)[number],
        actorId: string,
        action: string,
        when: Date,
        detail: Record<string, unknown>,
      ) => ({
        eventId,
        actorId,
        action,
        entity: "Proposal",
        entityId: p.id,
        detail: JSON.stringify(detail),
        createdAt: when,
      });
      await tx.auditLog.createMany({
        data: proposals.flatMap((p) => {
          const rows = [proposalAudit(p, p.presenterId, "proposal.created", p.createdAt, {})];
          if (p.state === "draft" || !p.submittedAt) return rows;
          rows.push(
            proposalAudit(p, p.presenterId, "proposal.submitted", p.submittedAt, { from: "draft", to: "submitted" }),
          );
          if (p.state === "withdrawn") {
            rows.push(
              proposalAudit(p, p.presenterId, "proposal.withdrawn", at(proposalsCloseOn), {
                from: "submitted",
                to: "withdrawn",
              }),
            );
          } else if (decided.has(p.state)) {
            const decision = p.state === "confirmed" ? "accepted" : p.state;
            rows.push(
              proposalAudit(p, coordinatorId, `proposal.${decision}`, at(decidedOn), {
                from: "submitted",
                to: decision,
              }),
            );
            if (p.state === "confirmed") {
              rows.push(
                proposalAudit(p, p.presenterId, "proposal.confirmed", at(confirmedOn), {
                  from: "accepted",
                  to: "confirmed",
                }),
              );
            }
          }
          return rows;
        }),
      });

      await tx.vendor.createMany({ data: VENDORS.map((v) => ({ ...v, eventId, createdAt: at(proposalsOpenOn) })) });

      const audit = (action: string, on: string, detail: Record<string, unknown>) => ({
        eventId,
        actorId: coordinatorId,
        action,
        entity: "Event",
        entityId: eventId,
        detail: JSON.stringify(detail),
        createdAt: at(on),
      });
      await tx.auditLog.createMany({
        data: [
          audit("event.created", addDays(proposalsOpenOn, -7), { name: event.name, date }),
          audit("event.status_changed", proposalsOpenOn, { from: "draft", to: "proposals_open" }),
          audit("event.status_changed", proposalsCloseOn, { from: "proposals_open", to: "scheduling" }),
        ],
      });

      await tx.outboxMessage.create({
        data: {
          eventId,
          to: ATTENDEE_LOGIN.email,
          subject: `You're registered for ${event.name}`,
          text: [
            "Hello Jordan Price,",
            "",
            `You're on the roster for ${event.name} on ${date}, 08:00–14:45 at ${event.venue}.`,
            "The session schedule will be posted here once presenters confirm:",
            new URL(`/events/${DEMO_EVENT_SLUG}`, getEnv().APP_URL).toString(),
          ].join("\n"),
          status: "stored",
          createdAt: at(proposalsCloseOn),
        },
      });

      return event;
    },
    { timeout: 30_000 },
  );
}

function printLogins(eventName: string, date: string) {
  const rows = DEMO_LOGINS.map((l) => [l.role, l.email, l.password, l.note]);
  const header = ["Role", "Email", "Password", "Notes"];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col]!.length)));
  const line = (cells: string[]) =>
    "  " +
    cells
      .map((c, col) => c.padEnd(widths[col]!))
      .join("  ")
      .trimEnd();
  console.log(`\nDemo data: created "${eventName}" (${date}). Sign in with:\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log("");
}

/** Seed the demo day on a brand-new database only; never touches real data. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const [users, events] = await Promise.all([db.user.count(), db.event.count()]);
  if (users > 0 || events > 0) {
    console.log("Demo data: skipped (database is not empty)");
    return false;
  }
  const event = await seedDemo();
  // A full grid, published as v1, so the public schedule and exports show a whole day;
  // then the day itself: picks and feedback, door and room check-ins, donations and
  // a finished drawing, takeaways and published circles (each step reads what the one before it made).
  await seedDemoGrid(event.id);
  await seedDemoAttendees(event.id);
  await seedDemoCheckIns(event.id);
  await seedDemoVendors(event.id);
  await seedDemoAfterTheDay(event.id);
  // Two earlier PD days, so the demo attendee's PD record is a real transcript.
  const { roster } = demoPeople();
  await seedDemoPastDays({
    coordinator: COORDINATOR_LOGIN.email,
    teacher: TEACHER_LOGIN.email,
    attendee: ATTENDEE_LOGIN.email,
    roster: roster.slice(1, 13).map((p) => p.email),
  });
  printLogins(event.name, event.date);
  return true;
}
