import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { clockTime } from "~/.server/checkin/door";
import { markAttendance } from "~/.server/checkin/rooms";
import { getPublishedSession } from "~/.server/attendees/schedule";
import { NotAllowedError } from "~/.server/errors";
import { presentsSession } from "~/.server/proposals/proposal-access";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field } from "~/components/forms";
import { timeRange } from "~/components/schedule";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { guard } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { byDayName, dayPeople, dayPersonSearch } from "~/.server/people/day-person";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Attendance · ${data.session.title} · Dropin` : "Attendance · Dropin" },
];

// A roster of hundreds is too long to scroll on a phone; the presenter searches.
const LIST_LIMIT = 40;

// The same check markAttendance makes, so a non-presenter is refused before seeing
// the PD day's list of names, not only when they try to mark someone.
async function presenterSession(userId: string, slug: string, placementId: string) {
  const view = await getPublishedSession(slug, placementId);
  if (!(await presentsSession(userId, view.session))) {
    throw new NotAllowedError("Only this session's presenters can take its attendance.");
  }
  return view;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { event, session, room } = await guard(presenterSession(user.id, params.slug!, params.placementId!));
  const q = new URL(request.url).searchParams.get("q")?.trim() ?? "";
  const presenterIds = session.presenters.map((p) => p.userId);
  const [visits, members] = await Promise.all([
    db.roomVisit.findMany({
      where: { eventId: event.id, placementId: session.placementId, leftAt: null },
      select: { userId: true, enteredAt: true },
      orderBy: { enteredAt: "asc" },
    }),
    // SQLite's LIKE (Prisma's contains) ignores ASCII case, so "maria" finds "Maria".
    db.membership.findMany({
      where: { eventId: event.id, userId: { notIn: presenterIds }, ...(q ? dayPersonSearch(q) : {}) },
      select: { userId: true },
      orderBy: { user: { name: "asc" } },
      take: LIST_LIMIT + 1,
    }),
  ]);
  const here = new Set(visits.map((v) => v.userId));
  // Named as this PD day's roster has them.
  const people = await dayPeople(event.id, [
    ...new Set([...visits.map((v) => v.userId), ...members.map((m) => m.userId)]),
  ]);
  const person = (id: string) => people.get(id) ?? { name: "", school: null };
  return {
    event: { slug: event.slug, name: event.name },
    session: {
      placementId: session.placementId,
      title: session.title,
      startTime: session.startTime,
      endTime: session.endTime,
    },
    roomName: room?.name ?? session.roomName,
    q,
    present: visits.map((v) => ({
      id: v.userId,
      ...pick(person(v.userId)),
      since: clockTime(v.enteredAt, event.timeZone),
    })),
    people: members
      .slice(0, LIST_LIMIT)
      .map((m) => ({ id: m.userId, ...pick(person(m.userId)), here: here.has(m.userId) }))
      .sort(byDayName),
    more: members.length > LIST_LIMIT,
  };
}

function pick({ name, school }: { name: string; school: string | null }) {
  return { name, school };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const attendeeId = String(form.get("attendeeId") ?? "");
  const q = String(form.get("q") ?? "");
  const { event, session } = await guard(presenterSession(user.id, params.slug!, params.placementId!));
  if (!attendeeId.trim()) return data({ message: "Choose someone to mark present." }, { status: 400 });
  await guard(markAttendance(user.id, event.id, session.placementId, attendeeId));
  const person = await db.user.findUnique({ where: { id: attendeeId }, select: { name: true } });
  const back = `/e/${event.slug}/sessions/${session.placementId}/attendance${q ? `?q=${encodeURIComponent(q)}` : ""}`;
  return redirectWithToast(back, { kind: "success", message: `${person?.name ?? "They"} marked present.` });
}

export default function TakeAttendance() {
  const { event, session, roomName, q, present, people, more } = useLoaderData<typeof loader>();
  const pending = usePending();
  const problem = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/e/${event.slug}/sessions/${session.placementId}`}>← {session.title}</Link>
      </p>
      <h1>Take attendance</h1>
      <p className="muted">
        {session.title} · {roomName} · {timeRange(session.startTime, session.endTime)}
      </p>

      <section className="card" aria-labelledby="present-title">
        <h2 id="present-title">In the room now ({present.length})</h2>
        {present.length === 0 ? (
          <p>Nobody is checked in yet. Mark people below, or they can scan the door sign.</p>
        ) : (
          <ul className="list-plain attendance-present">
            {present.map((person) => (
              <li key={person.id}>
                <strong>{person.name}</strong>
                {person.school ? ` · ${person.school}` : ""} <span className="muted">· since {person.since}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="mark-title">
        <h2 id="mark-title">Mark someone present</h2>
        {problem?.message ? (
          <p className="form-errors" role="alert">
            {problem.message}
          </p>
        ) : null}
        <Form method="get" className="attendance-search">
          <Field label="Search by name" name="q" type="search" defaultValue={q} />
          <div className="form-actions">
            <Button variant="secondary">Search</Button>
          </div>
        </Form>
        {people.length === 0 ? (
          <p>{q ? `Nobody on this PD day's list matches “${q}”.` : "Nobody is on this PD day's list yet."}</p>
        ) : null}
        {people.length > 0 ? (
          <ul className="list-plain attendance-people">
            {people.map((person) => (
              <li key={person.id}>
                <span>
                  <strong>{person.name}</strong>
                  {person.school ? ` · ${person.school}` : ""}
                </span>
                {person.here ? (
                  <span className="attendance-here">Present</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="attendeeId" value={person.id} />
                    <input type="hidden" name="q" value={q} />
                    <Button disabled={pending({ attendeeId: person.id })} aria-label={`Mark ${person.name} present`}>
                      Mark present
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {more ? <p className="muted">Showing the first {LIST_LIMIT}. Search by name to find someone else.</p> : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
