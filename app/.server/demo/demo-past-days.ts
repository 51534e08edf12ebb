// Two PD days the demo district already held (archived, about 3 and 10 months
// before the seed), so the demo attendee's PD record shows a real transcript
// across days and school years, and the district's yearly export has rows. Each
// has credit categories, a provider number, a lunch, sessions by the demo teacher
// and others, and the attendee's room visits and feedback.
import { db } from "~/utils/db.server";
import { freezeVersion } from "../schedule/publish";
import { buildSnapshot } from "../schedule/snapshot";
import { wallClockToInstant } from "../schedule/times";

const TIME_ZONE = "America/Chicago";
const CATEGORIES = ["Act 48", "Technology", "Language acquisition (CTLE)", "Literacy"];

const PAST_DAYS = [
  {
    slug: "demo-fall-institute",
    name: "Fall Institute Day",
    daysAgo: 88,
    sessions: [
      { title: "Google Classroom workflows that save an hour a week", categories: ["Act 48", "Technology"] },
      { title: "Sheltered instruction for newcomers", categories: ["Act 48", "Language acquisition (CTLE)"] },
      { title: "Book tastings in the middle grades", categories: ["Act 48", "Literacy"] },
      { title: "Chromebook carts without the chaos", categories: ["Technology"] },
    ],
  },
  {
    slug: "demo-midyear-academy",
    name: "Midyear Teacher Academy",
    daysAgo: 305,
    sessions: [
      { title: "Vocabulary routines for multilingual learners", categories: ["Act 48", "Language acquisition (CTLE)"] },
      { title: "Formative checks with Desmos", categories: ["Act 48", "Technology"] },
      { title: "Small-group reading on a budget", categories: ["Act 48", "Literacy"] },
      { title: "Restorative circles in ten minutes", categories: ["Act 48"] },
    ],
  },
] as const;

const BLOCKS = [
  { label: "Block 1", startTime: "09:00", endTime: "10:00", kind: "sessions" },
  { label: "Block 2", startTime: "10:15", endTime: "11:15", kind: "sessions" },
  { label: "Lunch", startTime: "11:15", endTime: "12:00", kind: "lunch" },
] as const;

function daysBefore(now: Date, days: number) {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Seeds the two past days for the demo's people (by email). Expects the demo PD day's people to exist. */
export async function seedDemoPastDays(
  emails: { coordinator: string; teacher: string; attendee: string; roster: string[] },
  now = new Date(),
) {
  const people = await db.user.findMany({
    where: { email: { in: [emails.coordinator, emails.teacher, emails.attendee, ...emails.roster] } },
    select: { id: true, email: true, staffId: true, name: true, school: true },
  });
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const coordinator = byEmail.get(emails.coordinator)!;
  const teacher = byEmail.get(emails.teacher)!;
  const attendee = byEmail.get(emails.attendee)!;
  const colleagues = emails.roster.map((e) => byEmail.get(e)).filter((p) => p !== undefined);
  const slugs = [];
  for (const day of PAST_DAYS) {
    const date = daysBefore(now, day.daysAgo);
    const event = await db.event.create({
      data: {
        slug: day.slug,
        name: `${day.name} ${date.slice(0, 4)}`,
        description: "A district PD day held before Dropin's demo day.",
        venue: "Roosevelt High School, 400 Elm St",
        date,
        startTime: "08:30",
        endTime: "12:00",
        timeZone: TIME_ZONE,
        status: "archived",
        providerName: "Springfield Unified School District",
        providerNumber: "PA-ACT48-1207",
        creditCategories: CATEGORIES.join("\n"),
        presenterCreditRule: "double",
      },
    });
    // Rosters were imported: the day's own record of each person (staff ID included).
    const attendees = [attendee, ...colleagues];
    await db.membership.createMany({
      data: [
        { eventId: event.id, userId: coordinator.id, role: "coordinator" },
        { eventId: event.id, userId: teacher.id, role: "presenter" },
        ...attendees.map((p) => ({
          eventId: event.id,
          userId: p.id,
          role: "attendee",
          name: p.name,
          school: p.school,
          staffId: p.staffId,
        })),
      ],
    });
    const rooms = await db.room.createManyAndReturn({
      data: ["Library", "Room 12"].map((name, sortOrder) => ({ eventId: event.id, name, capacity: 40, sortOrder })),
    });
    const blocks = await db.timeBlock.createManyAndReturn({
      data: BLOCKS.map((b, sortOrder) => ({ ...b, eventId: event.id, sortOrder })),
    });
    // The demo teacher presents the first session; colleagues the others.
    const presenters = [teacher, ...colleagues.slice(-3)];
    for (const [i, session] of day.sessions.entries()) {
      const presenter = presenters[i % presenters.length]!;
      if (presenter !== teacher)
        await db.membership.create({ data: { eventId: event.id, userId: presenter.id, role: "presenter" } });
      const proposal = await db.proposal.create({
        data: {
          eventId: event.id,
          presenterId: presenter.id,
          title: session.title,
          summary: "A practical session from a colleague who uses it every week.",
          state: "confirmed",
          creditCategories: session.categories.join("\n"),
        },
      });
      await db.placement.create({
        data: {
          eventId: event.id,
          proposalId: proposal.id,
          roomId: rooms[i % 2]!.id,
          timeBlockId: blocks[Math.floor(i / 2)]!.id,
        },
      });
    }
    const { version } = await freezeVersion(event.id, coordinator.id, await buildSnapshot(event.id), { notify: false });
    const at = (time: string) => wallClockToInstant(date, time, TIME_ZONE);
    // Everyone attending stays a whole block in the first room of each block; the demo attendee rates what they attended.
    const sessionsIn = (blockId: string) =>
      version.snapshot.sessions.filter(
        (s) => s.blockId === blockId && !s.presenters.some((p) => p.userId === attendee.id),
      );
    const visits = [];
    const feedback = [];
    for (const block of blocks.filter((b) => b.kind === "sessions")) {
      const here = sessionsIn(block.id);
      for (const [i, person] of attendees.entries()) {
        const s = here[i % here.length]!;
        if (s.presenters.some((p) => p.userId === person.id)) continue;
        visits.push({
          eventId: event.id,
          userId: person.id,
          roomId: s.roomId,
          timeBlockId: block.id,
          placementId: s.placementId,
          enteredAt: at(block.startTime),
          leftAt: at(block.endTime),
        });
        if (person === attendee)
          feedback.push({
            eventId: event.id,
            userId: person.id,
            placementId: s.placementId,
            proposalId: s.proposalId,
            rating: 5,
          });
      }
    }
    await db.roomVisit.createMany({ data: visits });
    await db.feedback.createMany({ data: feedback });
    slugs.push(event.slug);
  }
  return slugs;
}
