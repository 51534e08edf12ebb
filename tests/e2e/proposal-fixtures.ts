// PD days and proposals for the proposals specs, seeded straight into the server's database.
import { createUser, db } from "./support";

const TIME_ZONE = "America/Chicago"; // createEvent's zone

/** A calendar day relative to today as the event's time zone sees it (the call window's frame). */
export function eventDay(offsetDays: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

/** Open the call around today, with these subject tags and two session blocks around lunch. */
export async function openCall(eventId: string, subjectTags: string[]) {
  await db().event.update({
    where: { id: eventId },
    data: {
      proposalsOpenOn: eventDay(-3),
      proposalsCloseOn: eventDay(10),
      subjectTags: subjectTags.join("\n"),
      timeBlocks: {
        create: [
          { label: "Block 1", startTime: "08:30", endTime: "09:30", kind: "sessions", sortOrder: 1 },
          { label: "Lunch", startTime: "11:30", endTime: "12:15", kind: "lunch", sortOrder: 2 },
          { label: "Block 2", startTime: "12:30", endTime: "13:30", kind: "sessions", sortOrder: 3 },
        ],
      },
    },
  });
}

export type ProposalSpec = {
  name: string;
  title: string;
  audience: string;
  tags: string;
  format: string;
  state?: string;
};

/** One teacher per spec, each with their (by default submitted) proposal; `submittedAt(i)` orders them. */
export async function seedProposals(
  eventId: string,
  specs: readonly ProposalSpec[],
  submittedAt: (index: number) => Date,
) {
  const proposals = [];
  for (const [i, spec] of specs.entries()) {
    const teacher = await createUser({ name: spec.name });
    const proposal = await db().proposal.create({
      data: {
        eventId,
        presenterId: teacher.id,
        title: spec.title,
        summary: `${spec.title}: what participants take back to class on Monday.`,
        details: "Participants try every activity themselves before we talk about it.",
        audience: spec.audience,
        tags: spec.tags,
        format: spec.format,
        state: spec.state ?? "submitted",
        submittedAt: submittedAt(i),
      },
    });
    proposals.push({ ...proposal, teacher });
  }
  return proposals;
}
