import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { myCreditPart } from "~/.server/attendees/personal-parts";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { explainRules } from "~/.server/credit/credit-rules";
import { findEventBySlug } from "~/.server/events/permissions";
import { Button } from "~/components/button";
import { CreditTable, formatHours } from "~/components/checkin/credit-table";
import { ErrorMessage } from "~/components/error-message";
import { AskOwnPartEarly, NoScriptOwnPage, OwnPartPending, useOwnPart, withNoJs } from "~/components/own-part";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `My PD credit · ${data.event.name} · Dropin` : "My PD credit · Dropin" },
];

export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Set when the production server stores this render for every member (server/public-page-cache.ts):
  // nothing of the person goes in; the page asks for their hours.
  const shared = context.sharedViewer;
  const user = shared ? null : await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  return {
    event: { slug: event.slug, name: event.name },
    rules: explainRules(event),
    mine: user ? await guard(myCreditPart(user.id, params.slug!)) : null,
    mineLater: Boolean(shared),
    noScriptHref: shared ? withNoJs(new URL(request.url)) : null,
  };
}

export default function MyCredit() {
  const { event, rules, mine, mineLater, noScriptHref } = useLoaderData<typeof loader>();
  const own = useOwnPart(event.slug, "credit", mine, mineLater);
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="credit" />
      <AskOwnPartEarly slug={event.slug} path={"credit"} later={mineLater} />
      <NoScriptOwnPage href={noScriptHref} />
      <h1>My PD credit</h1>
      {/* The same for everyone, so in the stored render and first on the page: the person's
          hours arrive below it and push nothing that was already on the screen. */}
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">How this PD day counts credit</h2>
        <ul className="muted">
          {rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>
      {own.part ? <Credit slug={event.slug} {...own.part} /> : <OwnPartPending failed={own.failed} />}
    </>
  );
}

function Credit({
  slug,
  lines,
  total,
  doorCheckIn,
}: { slug: string } & NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["mine"]>) {
  const event = { slug };
  const pending = lines.filter((l) => l.pending);
  return (
    <>
      <p className="credit-summary">
        <strong>{formatHours(total)}</strong> so far.
      </p>
      <p>
        {doorCheckIn
          ? `You checked in at the door at ${doorCheckIn}. That records that you came; it does not earn hours by itself.`
          : "You have not checked in at the door yet. Show your badge at the entrance when you arrive."}
      </p>
      {pending.length > 0 ? (
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">Pending feedback</h2>
          <p>These sessions’ hours count as soon as you give their feedback:</p>
          <ul>
            {pending.map((l) => (
              <li key={l.placementId}>
                <Link to={`/e/${event.slug}/sessions/${l.placementId}`}>Give feedback on {l.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {lines.length === 0 ? (
        <p>
          No sessions yet. Hours come from sessions: at each session, scan the QR code on the room’s door and press
          “Check in to this room” while its block is running.
        </p>
      ) : (
        <>
          <CreditTable lines={lines} total={total} caption="Sessions and credit" />
          {/* A post: making the certificate stores its verification code (no page load writes). */}
          <Form method="post" action={`/e/${event.slug}/certificate`}>
            <Button variant="secondary">Certificate (print or save as PDF)</Button>
          </Form>
          <p>
            <Link to="/me/pd">My PD record across all PD days</Link>
          </p>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
