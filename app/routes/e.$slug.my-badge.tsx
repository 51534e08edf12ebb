import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { myBadge } from "~/.server/checkin/badges";
import { findEventBySlug } from "~/.server/events/permissions";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `My badge · ${data.event.name} · Dropin` : "My badge · Dropin" },
];

// The same QR as the printed badge, for people who left theirs at home.
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  const badge = await guard(myBadge(user.id, event.id, event.slug));
  return { event: { slug: event.slug, name: event.name }, badge };
}

export default function MyBadge() {
  const { event, badge } = useLoaderData<typeof loader>();
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="my-badge" />
      <h1>My badge</h1>
      <p>Show this at the door to check in.</p>
      <div className="card my-badge">
        <p className="badge-name">{badge.name}</p>
        {badge.school ? <p className="badge-school">{badge.school}</p> : null}
        <div
          className="qr my-badge-qr"
          role="img"
          aria-label="Your check-in code"
          // The SVG comes from the qrcode library, built from our own URL.
          dangerouslySetInnerHTML={{ __html: badge.qrSvg }}
        />
        {/* If the QR will not scan, the volunteer types this; it is yours alone, like the QR. */}
        <p>
          Code: <strong className="badge-code break-anywhere">{badge.code}</strong>
        </p>
      </div>
      <p>
        <Link to={`/e/${event.slug}/credit`}>My PD credit</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
