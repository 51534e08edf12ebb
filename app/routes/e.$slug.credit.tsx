import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { clockTime } from "~/.server/checkin/door";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { getMyCredit } from "~/.server/credit/credit";
import { findEventBySlug } from "~/.server/events/permissions";
import { Button } from "~/components/button";
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
  return {
    event: { slug: event.slug, name: event.name, minStayMinutes: event.minStayMinutes },
    lines: credit.lines,
    total: credit.total,
    doorCheckIn: credit.doorCheckedInAt ? clockTime(credit.doorCheckedInAt, event.timeZone) : null,
  };
}

export default function MyCredit() {
  const { event, lines, total, doorCheckIn } = useLoaderData<typeof loader>();
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="credit" />
      <h1>My PD credit</h1>
      <p className="credit-summary">
        <strong>{formatHours(total)}</strong> so far.
      </p>
      <p>
        {doorCheckIn
          ? `You checked in at the door at ${doorCheckIn}. That records that you came; it does not earn hours by itself.`
          : "You have not checked in at the door yet. Show your badge at the entrance when you arrive."}
      </p>
      <p className="muted">
        Time counts from when you check in to a room until you check in somewhere else or the block ends. A session counts once
        you stay at least {event.minStayMinutes} minutes. Hours are rounded to the nearest quarter hour.
      </p>
      {lines.length === 0 ? (
        <p>
          No sessions yet. Hours come from sessions: at each session, scan the QR code on the room’s door and press “Check in to this
          room” while its block is running.
        </p>
      ) : (
        <>
          <CreditTable lines={lines} total={total} caption="Sessions and credit" />
          {/* A post: making the certificate stores its verification code (no page load writes). */}
          <Form method="post" action={`/e/${event.slug}/certificate`}>
            <Button variant="secondary">Certificate (print or save as PDF)</Button>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
