import crypto from "node:crypto";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMyDay } from "~/.server/attendees/picks";
import { appLink } from "~/.server/outbox/outbox";
import { AttendeeNav, PickButton, attendeeLinks } from "~/components/attendee";
import { ErrorMessage } from "~/components/error-message";
import { timeRange } from "~/components/schedule";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `My day · ${data?.event.name ?? "PD day"} · Dropin` }];
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { event, day, picks, gone, feedToken } = await guard(getMyDay(user.id, params.slug!));
  return {
    event: { slug: event.slug, name: event.name },
    day,
    picks: Object.fromEntries(picks),
    gone,
    feedUrl: appLink(`/e/${event.slug}/my-day/${feedToken}.ics`),
    formNonce: crypto.randomUUID(),
  };
}

export default function MyDay() {
  const { event, day, picks, gone, feedUrl, formNonce } = useLoaderData<typeof loader>();
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="my-day" />
      <h1>My day</h1>
      {day.length === 0 ? (
        <p className="card">
          No picks yet. Tap “Pick” on the <Link to={`/e/${event.slug}`}>schedule</Link> for the sessions you want to try.
        </p>
      ) : (
        <ol className="list-plain my-day">
          {day.map(({ session, alternative }) => (
            <li key={session.placementId} className={`session${alternative ? " is-alternative" : ""}`}>
              <p className="session-meta">
                {session.blockLabel} · {timeRange(session.startTime, session.endTime)}
                {alternative ? " · alternative (same block)" : ""}
              </p>
              <h2 className="session-title">
                <Link to={`/e/${event.slug}/sessions/${session.placementId}`}>{session.title}</Link>
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
        <p>Subscribe to this private address in your calendar app; it follows your picks and schedule changes.</p>
        <p className="break-anywhere">
          <a href={feedUrl}>{feedUrl}</a>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
