import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { getMyCredit } from "~/.server/credit/credit";
import { findEventBySlug } from "~/.server/events/permissions";
import { CreditTable, formatHours } from "~/components/checkin/credit-table";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `My PD credit · ${data.event.name} · Dropin` : "My PD credit · Dropin" },
];

export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  const credit = await guard(getMyCredit(user.id, event.id));
  return { event: { slug: event.slug, name: event.name, minStayMinutes: event.minStayMinutes }, lines: credit.lines, total: credit.total };
}

export default function MyCredit() {
  const { event, lines, total } = useLoaderData<typeof loader>();
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="credit" />
      <h1>My PD credit</h1>
      <p className="credit-summary">
        <strong>{formatHours(total)}</strong> so far.
      </p>
      <p className="muted">
        Time counts from when you check in to a room until you check in somewhere else or the block ends. A session counts once
        you stay at least {event.minStayMinutes} minutes. Hours are rounded to the nearest quarter hour.
      </p>
      {lines.length === 0 ? (
        <p>No sessions yet. Scan the QR code on a room’s door and press “Check in to this room”.</p>
      ) : (
        <>
          <CreditTable lines={lines} total={total} caption="Sessions and credit" />
          <p>
            <Link to={`/e/${event.slug}/certificate`}>Certificate (print or save as PDF)</Link>
          </p>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
