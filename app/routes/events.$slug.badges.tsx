import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { badgesForEvent } from "~/.server/checkin/badges";
import { getEventForCoordinator } from "~/.server/events/events";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";
import { count } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Badges · ${data.event.name} · Dropin` : "Badges · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const badges = await guard(badgesForEvent(user.id, event.id, event.slug));
  return { event: { slug: event.slug, name: event.name }, badges };
}

export default function Badges() {
  const { event, badges } = useLoaderData<typeof loader>();
  return (
    <div className="print-page">
      <p className="no-print">
        <Link to={`/events/${event.slug}/roster`}>← Roster</Link> · {count(badges.length, "badge")}, eight to a page. Use your browser’s
        Print command.
      </p>
      <h1 className="no-print">Badges for {event.name}</h1>
      {badges.length === 0 ? <p>Nobody is on the roster yet.</p> : null}
      <ul className="list-plain badge-sheet">
        {badges.map((b) => (
          <li key={b.id} className="badge">
            <p className="badge-name">{b.name}</p>
            {b.school ? <p className="badge-school">{b.school}</p> : null}
            <div
              className="qr badge-qr"
              role="img"
              aria-label={`Check-in code for ${b.name}`}
              // The SVG comes from the qrcode library, built from our own URL.
              dangerouslySetInnerHTML={{ __html: b.qrSvg }}
            />
            <p className="badge-event">{event.name}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
