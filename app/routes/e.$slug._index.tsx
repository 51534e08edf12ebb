import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicEvent } from "~/.server/events/events";
import { ErrorMessage } from "~/components/error-message";
import { getUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.name} · Dropin` : "PD day · Dropin" },
];

// The public face of a PD day. The attendee issue grows this into the schedule.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [event, user] = await Promise.all([guard(getPublicEvent(params.slug!)), getUser(request)]);
  return {
    event: {
      slug: event.slug,
      name: event.name,
      date: event.date,
      startTime: event.startTime,
      endTime: event.endTime,
      timeZone: event.timeZone,
      venue: event.venue,
      description: event.description,
      status: event.status,
    },
    signedIn: Boolean(user),
  };
}

export default function PublicEvent() {
  const { event, signedIn } = useLoaderData<typeof loader>();
  return (
    <article className="card narrow" aria-labelledby="event-title">
      <h1 id="event-title">{event.name}</h1>
      <p>
        <strong>{formatEventDate(event.date)}</strong>, {event.startTime}–{event.endTime}
        {event.venue ? (
          <>
            <br />
            {event.venue}
          </>
        ) : null}
      </p>
      {event.description ? <p>{event.description}</p> : null}
      {event.status === "archived" ? <p className="muted">This PD day has ended.</p> : null}
      {!signedIn && event.status !== "archived" ? (
        <p>
          <Link to={`/signup?event=${event.slug}`}>Create an account for this PD day</Link> or{" "}
          <Link to={`/login?redirectTo=/e/${event.slug}`}>sign in</Link>.
        </p>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
