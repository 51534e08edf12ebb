// Picks and feedback spread over the demo's published sessions, so the grid shows
// interest counts and presenters have a feedback summary to open right after
// setup. Deterministic: the same database seeds the same picks every time.
import { db } from "~/utils/db.server";
import { latestPublished } from "../schedule/publish";

const COMMENTS = [
  "I will use this on Monday.",
  "Great pacing and lots of time to try it ourselves.",
  "Would love a follow-up session for advanced users.",
  "",
  "Clear handouts — thank you!",
];

export async function seedDemoAttendees(eventId: string) {
  const version = await latestPublished(eventId);
  if (!version) return { picks: 0, feedback: 0 };
  const sessions = version.snapshot.sessions;
  const attendees = await db.membership.findMany({
    where: { eventId, role: "attendee" },
    orderBy: { user: { email: "asc" } },
    select: { userId: true },
  });
  const picks: Array<{ eventId: string; userId: string; placementId: string; proposalId: string; clientId: string }> =
    [];
  const feedback: Array<{
    eventId: string;
    userId: string;
    placementId: string;
    proposalId: string;
    rating: number;
    comment: string;
  }> = [];
  attendees.forEach(({ userId }, i) => {
    // Three picks each, strided so popular and quiet sessions both appear.
    const chosen = new Set([0, 1, 2].map((k) => sessions[(i * 7 + k * 11) % sessions.length]!));
    let k = 0;
    for (const session of chosen) {
      picks.push({
        eventId,
        userId,
        placementId: session.placementId,
        proposalId: session.proposalId,
        clientId: `demo-${i}-${k++}`,
      });
    }
    if (i % 3 === 0) {
      const first = [...chosen][0]!;
      feedback.push({
        eventId,
        userId,
        placementId: first.placementId,
        proposalId: first.proposalId,
        rating: 3 + ((i / 3) % 3),
        comment: COMMENTS[(i / 3) % COMMENTS.length]!,
      });
    }
  });
  await db.$transaction([db.pick.createMany({ data: picks }), db.feedback.createMany({ data: feedback })]);
  return { picks: picks.length, feedback: feedback.length };
}
