// The demo's "after the day": takeaways from people who were in sessions, a
// resource from each of the teacher login's sessions (and a PDF handout on the
// first), and one published set of
// circles (formed by the real forming code from half the roster's opt-ins, the
// attendee login among them) with a few posts. Written straight to the tables:
// the demo's .test addresses get no "Meet your circle" mail. Deterministic, like
// the rest of the demo.
import { DEFAULT_ROLES } from "~/schemas/circles";
import { AUDIENCES, parseSubjectTags } from "~/schemas/proposals";
import { db } from "~/utils/db.server";
import { formCircles } from "../circles/forming";
import { ANY_SUBJECT } from "../circles/opt-in";
import { writeCircles } from "../circles/rounds";
import { dayPeople } from "../people/day-person";
import { latestPublished } from "../schedule/publish";
import { PDF, storeUpload } from "../uploads/stored-files";
import { demoHandoutPdf } from "./demo-handout";

const TAKEAWAYS = [
  "One thing I'll try on Monday: a two-minute exit ticket with one question.",
  "Going to let students pick the sentence frames instead of handing them out.",
  "The station rotation timer idea — simple and it keeps everyone moving.",
  "I'll share the rubric with students before the task, not after.",
  "Trying think-pair-share with a silent minute first.",
];

const CIRCLE_POSTS = [
  { text: "Tried the exit tickets on Monday: 24 of 27 answered, and I learned who was lost.", url: "" },
  { text: "Here's the template I used for sentence frames.", url: "https://example.org/sentence-frames" },
];

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const ATTENDEE_EMAIL = "attendee@demo.dropin.test";
const TEACHER_EMAIL = "teacher@demo.dropin.test";

export async function seedDemoAfterTheDay(eventId: string, now = new Date()) {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const version = await latestPublished(eventId);
  const sessions = version?.snapshot.sessions ?? [];
  const proposalOf = new Map(sessions.map((s) => [s.placementId, s.proposalId]));

  const visits = await db.roomVisit.findMany({
    where: { eventId, placementId: { not: null } },
    orderBy: [{ enteredAt: "asc" }, { userId: "asc" }],
    take: 30,
  });
  const takeaways = visits.flatMap((v, i) => {
    const proposalId = proposalOf.get(v.placementId!);
    return proposalId && i % 2 === 0
      ? [
          {
            eventId,
            proposalId,
            placementId: v.placementId!,
            authorId: v.userId,
            kind: "takeaway",
            text: TAKEAWAYS[(i / 2) % TAKEAWAYS.length]!,
          },
        ]
      : [];
  });
  const teacher = await db.user.findUniqueOrThrow({ where: { email: TEACHER_EMAIL }, select: { id: true } });
  const resources = sessions
    .filter((s) => s.presenters[0]?.userId === teacher.id)
    .map((s) => ({
      eventId,
      proposalId: s.proposalId,
      placementId: s.placementId,
      authorId: teacher.id,
      kind: "resource",
      text: "Slides and handout",
      url: "https://example.org/slides",
    }));
  // The teacher's first session also has a file: the PDF handout, stored like an upload.
  const first = resources[0];
  const handout = demoHandoutPdf();
  const files = first
    ? [
        {
          ...first,
          text: "Exit ticket template",
          url: "",
          storedName: await storeUpload(handout, PDF),
          fileName: "exit-ticket-template.pdf",
          fileType: PDF.type,
          fileBytes: handout.byteLength,
        },
      ]
    : [];
  await db.sessionPost.createMany({ data: [...takeaways, ...resources, ...files] });

  const attendees = await db.membership.findMany({
    where: { eventId, role: "attendee" },
    orderBy: { user: { email: "asc" } },
    select: { userId: true, user: { select: { email: true } } },
  });
  const joining = attendees
    .filter((a, i) => i % 2 === 0 || a.user.email === ATTENDEE_EMAIL)
    .filter((a) => a.user.email !== TEACHER_EMAIL);
  const people = await dayPeople(
    eventId,
    joining.map((a) => a.userId),
  );
  const subjects = [...parseSubjectTags(event.subjectTags).slice(0, 3), ANY_SUBJECT];
  const roles = DEFAULT_ROLES;
  const optIns = joining.map((a, i) => ({
    userId: a.userId,
    school: people.get(a.userId)?.school ?? "",
    subject: subjects[i % subjects.length]!,
    gradeBand: AUDIENCES[i % 4]!,
    // Mostly classroom teachers, as in a real district; a few coaches and librarians.
    role: i % 9 === 4 ? roles[1]! : i % 11 === 7 ? roles[2]! : roles[0]!,
    otherSchools: i % 4 !== 3,
  }));
  const circles = formCircles(optIns, 5);

  const round = await db.circleRound.create({
    data: {
      eventId,
      status: "published",
      groupSize: 5,
      roles: roles.join("\n"),
      reminderWeeks: 4,
      formedAt: now,
      publishedAt: now,
      reminderDueAt: new Date(now.getTime() + 4 * WEEK_MS),
      optIns: { createMany: { data: optIns } },
    },
  });
  const circleId = await writeCircles(db, round.id, circles);
  // The attendee login's circle has a conversation going.
  const attendeeId = joining.find((j) => j.user.email === ATTENDEE_EMAIL)?.userId;
  const index = circles.findIndex((userIds) => attendeeId !== undefined && userIds.includes(attendeeId));
  if (index >= 0) {
    const id = circleId.get(index + 1)!;
    await db.circle.update({
      where: { id },
      data: { nextMeetingOn: new Date(now.getTime() + 2 * WEEK_MS).toISOString().slice(0, 10) },
    });
    await db.circlePost.createMany({
      data: CIRCLE_POSTS.map((p, k) => ({
        circleId: id,
        authorId: circles[index]![k % circles[index]!.length]!,
        ...p,
      })),
    });
  }
  return {
    takeaways: takeaways.length,
    resources: resources.length + files.length,
    circles: circles.length,
    optIns: optIns.length,
  };
}
