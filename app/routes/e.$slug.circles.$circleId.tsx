// One circle: its members, the sessions they shared, a short thread and the next
// meeting. Members and the PD day's coordinators only (everyone else gets 404).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { leaveCircle, postToCircle, readCircle, setNextMeeting } from "~/.server/circles/circle-page";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { CirclePageSchema, CirclePostSchema, NextMeetingSchema } from "~/schemas/circles";
import { requireUser } from "~/utils/auth.server";
import { allMessages, failureOf, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Circle ${data.circle.number} · ${data.event.name} · Dropin` : "Circle · Dropin" },
];
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(readCircle(user.id, params.slug!, params.circleId!));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { slug, circleId } = params as { slug: string; circleId: string };
  // Members and coordinators get as far as the form; everyone else a 404.
  await guard(readCircle(user.id, slug, circleId));
  const formData = await request.formData();
  const submission = parseSubmission(CirclePageSchema, formData);
  if (!submission.ok) return invalid(submission);
  const input = submission.data;
  const raw = formDataToObject(formData);
  const here = `/e/${slug}/circles/${circleId}`;
  if (input.intent === "leave") {
    const left = await guardForm(raw, leaveCircle(user.id, slug, circleId));
    if (!left.ok) return invalid(left.result);
    return redirectWithToast(`/e/${slug}/circles`, {
      kind: "success",
      message: "You left the circle. The others carry on.",
    });
  }
  const work: Promise<unknown> =
    input.intent === "post"
      ? postToCircle(user.id, slug, circleId, input)
      : setNextMeeting(user.id, slug, circleId, input);
  const done = await guardForm(raw, work);
  if (!done.ok) return invalid(done.result);
  return redirectWithToast(here, {
    kind: "success",
    message: input.intent === "post" ? "Posted to your circle." : "The next meeting is set.",
  });
}

function formatDay(day: string) {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

function PostForm() {
  const result = useActionData<typeof action>();
  const { field, onSubmit, formErrors, pending, intentField } = useValidatedForm(CirclePostSchema, {
    intent: "post",
    lastResult: failureOf(result, "post"),
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      {intentField}
      <FormErrors errors={formErrors} />
      <TextareaField label="Post to your circle" maxLength={1000} {...field("text")} />
      <Field label="Link (optional)" type="url" {...field("url")} />
      <div className="form-actions">
        <Button disabled={pending}>Post</Button>
      </div>
    </Form>
  );
}

function NextMeetingForm({ nextMeetingOn }: { nextMeetingOn: string | null }) {
  const result = useActionData<typeof action>();
  const { field, onSubmit, formErrors, pending, intentField } = useValidatedForm(NextMeetingSchema, {
    intent: "meeting",
    defaultValues: { nextMeetingOn: nextMeetingOn ?? "", was: nextMeetingOn ?? "" },
    lastResult: failureOf(result, "meeting"),
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      {intentField}
      {/* Always the date as it is now, also after a refused change (not the posted one). */}
      <input type="hidden" name="was" value={nextMeetingOn ?? ""} />
      <FormErrors errors={formErrors} />
      <Field label="Date" type="date" {...field("nextMeetingOn")} />
      <div className="form-actions">
        <Button variant="secondary" disabled={pending}>
          Set the date
        </Button>
      </div>
    </Form>
  );
}

export default function CirclePage() {
  const { event, circle, isMember, members, sessionsInCommon, posts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = usePending();
  const other = isFormFailure(result) && !failureOf(result, "post", "meeting") ? result : null;
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="circles" />
      <section className="card" aria-labelledby="circle-title">
        <p>
          <Link to={`/e/${event.slug}/circles`}>← Circles</Link>
        </p>
        <h1 id="circle-title">Circle {circle.number}</h1>
        {other ? <FormErrors errors={allMessages(other)} /> : null}
        <p>
          Next meeting: <strong>{circle.nextMeetingOn ? formatDay(circle.nextMeetingOn) : "not set yet"}</strong>
        </p>
        <h2>Members</h2>
        <ul className="list-plain post-list">
          {members.map((m) => (
            <li key={m.userId}>
              <strong>{m.name}</strong>
              {m.me ? " (you)" : ""}
              <br />
              <span className="session-meta">{[m.role, m.school].filter(Boolean).join(" · ")}</span>
            </li>
          ))}
        </ul>
        <h2>Sessions you shared</h2>
        {sessionsInCommon.length ? (
          <ul>
            {sessionsInCommon.map((s) => (
              <li key={s.placementId}>
                <Link to={`/e/${event.slug}/sessions/${s.placementId}`}>{s.title}</Link> — {s.count} of you
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No session had two of you in it.</p>
        )}
      </section>
      <section className="card" aria-labelledby="thread-title">
        <h2 id="thread-title">What we're trying</h2>
        {posts.length ? (
          <ul className="list-plain post-list">
            {posts.map((p) => (
              <li key={p.id}>
                <p>{p.text}</p>
                {p.url ? (
                  <p>
                    <a href={p.url} rel="noopener noreferrer nofollow">
                      {p.url}
                    </a>
                  </p>
                ) : null}
                <p className="session-meta">
                  {p.by} · {new Date(p.createdAt).toLocaleDateString("en-US", { month: "short", day: "numeric" })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing posted yet. Start with what you tried.</p>
        )}
        {isMember ? (
          <PostForm />
        ) : (
          <p className="muted">You are reading this circle as a coordinator of {event.name}.</p>
        )}
      </section>
      {isMember ? (
        <>
          <section className="card" aria-labelledby="meeting-title">
            <h2 id="meeting-title">Next meeting</h2>
            <NextMeetingForm nextMeetingOn={circle.nextMeetingOn} />
          </section>
          {/* Its own card: under the date's button it read as part of that form, with no gap. */}
          <section className="card" aria-labelledby="leave-title">
            <h2 id="leave-title">Leave</h2>
            <p>The circle goes on without you; you stop getting its emails.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="leave" />
              <Button variant="danger" disabled={pending({ intent: "leave" })}>
                Leave this circle
              </Button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
