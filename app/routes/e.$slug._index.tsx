import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicSchedule } from "~/.server/schedule/public-schedule";
import { ErrorMessage } from "~/components/error-message";
import { BlockSchedule } from "~/components/schedule";
import { getUser } from "~/utils/auth.server";
import { formatEventDate, formatTimestamp } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.name} · Dropin` : "PD day · Dropin" },
];

// The public face of a PD day: the latest PUBLISHED schedule only, never the draft grid.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [{ event, version }, user] = await Promise.all([guard(getPublicSchedule(params.slug!)), getUser(request)]);
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
    schedule: version
      ? {
          number: version.number,
          publishedAt: version.publishedAt.toISOString(),
          blocks: version.snapshot.blocks,
          sessions: version.snapshot.sessions,
        }
      : null,
    signedIn: Boolean(user),
  };
}

export default function PublicEvent() {
  const { event, schedule, signedIn } = useLoaderData<typeof loader>();
  const live = event.status !== "archived";
  return (
    <>
      <article className="card" aria-labelledby="event-title">
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
        {event.status === "proposals_open" ? (
          <p>
            <Link to={`/e/${event.slug}/propose`}>Propose a session</Link>
          </p>
        ) : null}
        {signedIn && (event.status === "published" || event.status === "live") ? (
          <p>
            Teaching something on the day? <Link to={`/e/${event.slug}/propose-now`}>Offer a session now</Link>
          </p>
        ) : null}
        {!signedIn && live ? (
          <p>
            <Link to={`/signup?event=${event.slug}`}>Create an account for this PD day</Link> or{" "}
            <Link to={`/login?redirectTo=/e/${event.slug}`}>sign in</Link>.
          </p>
        ) : null}
      </article>

      <section aria-label="Schedule" className="public-schedule">
        {schedule ? (
          <>
            <p className="muted">
              Schedule version {schedule.number}, published {formatTimestamp(schedule.publishedAt, event.timeZone)}.{" "}
              <a href={`/e/${event.slug}/schedule.ics`}>Add to your calendar</a> ·{" "}
              <a href={`/e/${event.slug}/schedule.json`}>schedule.json</a>
            </p>
            <BlockSchedule blocks={schedule.blocks} sessions={schedule.sessions} slug={event.slug} />
          </>
        ) : (
          <p className="card">No schedule published yet. Check back closer to the day.</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
