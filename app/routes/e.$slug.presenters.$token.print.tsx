import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { privateLinkLookup, retryAfterHeaders } from "~/.server/accounts/rate-limits";
import { getPresenterSchedule } from "~/.server/schedule/public-schedule";
import { ErrorMessage } from "~/components/error-message";
import { NewTodayTag, audienceText, timeRange } from "~/components/schedule";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name}'s sessions · ${data.event.name} · Dropin` : "My sessions · Dropin" },
  // The token in the address is private: keep it out of search engines.
  { name: "robots", content: "noindex" },
];

export const headers = retryAfterHeaders;

// A presenter's own day on one sheet, reached from the link in their publish email.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { version, name, sessions } = await guard(
    privateLinkLookup(context.clientIp, () => getPresenterSchedule(params.slug!, params.token!)),
  );
  const { event, blocks } = version.snapshot;
  const blockLabels = Object.fromEntries(blocks.map((b) => [b.id, b.label]));
  return {
    event: { slug: event.slug, name: event.name, date: event.date, venue: event.venue },
    name,
    number: version.number,
    sessions: sessions.map((s) => ({ ...s, blockLabel: blockLabels[s.blockId] ?? s.blockLabel })),
    feed: `/e/${event.slug}/presenters/${params.token}.ics`,
  };
}

export default function PresenterPrint() {
  const { event, name, number, sessions, feed } = useLoaderData<typeof loader>();
  return (
    <div className="print-page narrow">
      <h1>{name}’s sessions</h1>
      <p>
        {event.name} · {formatEventDate(event.date)}
        {event.venue ? ` · ${event.venue}` : ""} · schedule version {number}
      </p>
      <ul className="list-plain">
        {sessions.map((s) => (
          <li key={s.placementId} className="session">
            <h2 className="session-title">
              {timeRange(s.startTime, s.endTime)} · {s.roomName}
            </h2>
            <p>
              <strong>{s.title}</strong> {s.dayOf ? <NewTodayTag /> : null}
              <br />
              {s.blockLabel}
              {s.presenters.length > 1
                ? ` · with ${s.presenters
                    .filter((p) => p.name !== name)
                    .map((p) => p.name)
                    .join(", ")}`
                : ""}
              {s.audience.length ? ` · for ${audienceText(s.audience)}` : ""}
            </p>
          </li>
        ))}
      </ul>
      <p className="no-print">
        <a href={feed}>Add your sessions to your calendar</a>. This page and the calendar link are private to you; to
        replace them with new ones, sign in and open <a href="/proposals">My proposals</a>.
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
