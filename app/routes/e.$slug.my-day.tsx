import crypto from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { myDayPart } from "~/.server/attendees/personal-parts";
import { eventOfMember, resetMyDayFeed } from "~/.server/attendees/picks";
import { leaveEvent, LEAVING_KEEPS_DATA } from "~/.server/events/people";
import { findEventBySlug } from "~/.server/events/permissions";
import { AttendeeNav, PickButton, attendeeLinks } from "~/components/attendee";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors } from "~/components/forms";
import { AskOwnPartEarly, NoScriptOwnPage, OwnPartPending, useOwnPart, withNoJs } from "~/components/own-part";
import { timeRange, useInAppLinks } from "~/components/schedule";
import { FeedResetSchema } from "~/schemas/attendees";
import { LeaveEventSchema } from "~/schemas/people";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { allMessages, failureOf, formDataToObject, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `My day · ${data?.event.name ?? "PD day"} · Dropin` },
];
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Set when the production server stores this render for every member (server/public-page-cache.ts):
  // nothing of the person goes in; the page asks for their day.
  const shared = context.sharedViewer;
  const user = shared ? null : await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  return {
    event: {
      slug: event.slug,
      name: event.name,
      dateText: formatEventDate(event.date),
      startTime: event.startTime,
      endTime: event.endTime,
      venue: event.venue,
    },
    mine: user ? await guard(myDayPart(user.id, params.slug!)) : null,
    mineLater: Boolean(shared),
    noScriptHref: shared ? withNoJs(new URL(request.url)) : null,
    formNonce: crypto.randomUUID(),
  };
}

// Two forms: a private calendar address, the first or a new one (a shared or leaked
// one stops working); and leaving the PD day. Who may is checked before the form is read.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(eventOfMember(user.id, params.slug!));
  const formData = await request.formData();
  if (formData.get("intent") === "leave") {
    const leaving = parseSubmission(LeaveEventSchema, formData);
    if (!leaving.ok) return invalid(leaving);
    const left = await guardForm(formDataToObject(formData), leaveEvent(user.id, event.id, leaving.data.roles));
    if (!left.ok) return invalid(left.result);
    return redirectWithToast("/events", { kind: "success", message: `You left ${event.name}. ${LEAVING_KEEPS_DATA}` });
  }
  const submission = parseSubmission(FeedResetSchema, formData);
  if (!submission.ok) return invalid(submission);
  const { replaced } = await resetMyDayFeed(user.id, event.slug);
  return redirectWithToast(`/e/${event.slug}/my-day#feed-title`, {
    kind: "success",
    message: replaced
      ? "Your calendar address is new. The old one no longer works: subscribe again with this one."
      : "Here is your private calendar address.",
  });
}

export default function MyDay() {
  const { event, mine, mineLater, noScriptHref, formNonce } = useLoaderData<typeof loader>();
  const own = useOwnPart(event.slug, "my-day", mine, mineLater);
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="my-day" />
      <AskOwnPartEarly slug={event.slug} path={"my-day"} later={mineLater} />
      <NoScriptOwnPage href={noScriptHref} />
      <h1>My day</h1>
      {/* The day itself, in the stored render: what a phone shows at once, before the person's list. */}
      <p>
        {event.name}: <strong>{event.dateText}</strong>, {timeRange(event.startTime, event.endTime)}
        {event.venue ? <>, {event.venue}</> : null}
      </p>
      {own.part ? (
        <Day slug={event.slug} name={event.name} formNonce={formNonce} {...own.part} />
      ) : (
        <OwnPartPending failed={own.failed} />
      )}
    </>
  );
}

function Day({
  slug,
  name,
  formNonce,
  leave,
  day,
  picks,
  gone,
  feedUrl,
}: { slug: string; name: string; formNonce: string } & NonNullable<
  ReturnType<typeof useLoaderData<typeof loader>>["mine"]
>) {
  const failed = useActionData<typeof action>();
  const leaveFailure = failureOf(failed, "leave");
  // Each button waits for its own post only.
  const pending = usePending();
  const resetting = pending({ intent: "reset-feed" });
  const leaving = pending({ intent: "leave" });
  const event = { slug, name };
  // Plain anchors opened in the app by one listener (as on the schedule): this list is
  // what a phone paints last (its largest text), so it is rendered with the least work.
  const list = useInAppLinks<HTMLOListElement>();
  return (
    <>
      {day.length === 0 ? (
        <p className="card">
          No picks yet. Tap “Pick” on the <Link to={`/e/${event.slug}`}>schedule</Link> for the sessions you want to
          try.
        </p>
      ) : (
        <ol className="list-plain my-day" ref={list}>
          {day.map(({ session, alternative, overlapsWith }) => (
            <li key={session.placementId} className={`session${alternative ? " is-alternative" : ""}`}>
              <p className="session-meta">
                {session.blockLabel} · {timeRange(session.startTime, session.endTime)}
                {alternative ? " · alternative (same block)" : ""}
              </p>
              {overlapsWith.length ? (
                <p className="session-overlap">
                  <strong>Overlaps</strong> {overlapsWith.map((t) => `“${t}”`).join(" and ")}: you can be in only one of
                  them.
                </p>
              ) : null}
              <h2 className="session-title">
                <a href={`/e/${event.slug}/sessions/${session.placementId}`}>{session.title}</a>
              </h2>
              <p className="session-meta">
                {session.roomName} · {session.presenters.map((p) => p.name).join(", ")}
              </p>
              <PickButton
                slug={event.slug}
                placementId={session.placementId}
                title={session.title}
                pickClientId={picks[session.placementId] ?? null}
                formClientId={`${formNonce}-${session.placementId}`.slice(0, 64)}
                returnTo={`/e/${event.slug}/my-day`}
              />
            </li>
          ))}
        </ol>
      )}
      {gone > 0 ? (
        <p className="muted">
          {gone === 1 ? "One session you picked is" : `${gone} sessions you picked are`} no longer on the schedule.
        </p>
      ) : null}
      <section className="card" aria-labelledby="feed-title">
        <h2 id="feed-title">In your calendar</h2>
        <Form method="post">
          <FormErrors errors={failed && !failed.ok && !leaveFailure ? allMessages(failed) : []} />
          {feedUrl ? (
            <>
              <p>Subscribe to this private address in your calendar app; it follows your picks and schedule changes.</p>
              <p className="break-anywhere">
                <a href={feedUrl}>{feedUrl}</a>
              </p>
              <p className="muted">
                Shared it by mistake? Resetting gives you a new address; the old one stops working at once, so calendars
                subscribed to it need the new one.
              </p>
              <Button variant="secondary" name="intent" value="reset-feed" disabled={resetting}>
                Reset this link
              </Button>
            </>
          ) : (
            <>
              <p>
                Get a private address to subscribe to in your calendar app; it follows your picks and schedule changes.
              </p>
              <Button variant="secondary" name="intent" value="reset-feed" disabled={resetting}>
                Get my calendar address
              </Button>
            </>
          )}
        </Form>
      </section>
      {leave ? (
        <section className="card" aria-labelledby="leave-title">
          <h2 id="leave-title">Leave this PD day</h2>
          <p>{leave.text}</p>
          <Form method="post">
            <FormErrors errors={leaveFailure ? allMessages(leaveFailure) : []} />
            <input type="hidden" name="roles" value={leave.roles} />
            <Button variant="danger" name="intent" value="leave" disabled={leaving}>
              Leave {event.name}
            </Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
