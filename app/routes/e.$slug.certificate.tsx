import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCertificate } from "~/.server/credit/verify";
import { appLink } from "~/.server/outbox/outbox";
import { findEventBySlug } from "~/.server/events/permissions";
import { CreditTable, formatHours } from "~/components/checkin/credit-table";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Certificate · ${data.event.name} · Dropin` : "Certificate · Dropin" },
];

// A print-to-PDF page: the browser's "Save as PDF" makes the file, so no PDF library is needed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  const credit = await guard(getCertificate(user.id, event.id));
  return {
    event: { slug: event.slug, name: event.name, date: event.date, venue: event.venue },
    person: credit.user,
    lines: credit.lines.filter((l) => l.counts),
    total: credit.total,
    code: credit.code,
    verifyUrl: appLink(`/verify/${credit.code}`),
  };
}

export default function Certificate() {
  const { event, person, lines, total, code, verifyUrl } = useLoaderData<typeof loader>();
  return (
    <div className="print-page">
      <p className="no-print">
        <Link to={`/e/${event.slug}/credit`}>← My PD credit</Link> · Use your browser’s Print command and choose “Save as PDF”.
      </p>
      <article className="certificate" aria-labelledby="certificate-title">
        <p className="certificate-kicker">Certificate of professional development</p>
        <h1 id="certificate-title" className="certificate-name">
          {person.name}
        </h1>
        {person.school ? <p>{person.school}</p> : null}
        <p>
          took part in <strong>{event.name}</strong> on {formatEventDate(event.date)}
          {event.venue ? ` at ${event.venue}` : ""} and earned
        </p>
        <p className="certificate-hours">{formatHours(total)}</p>
        <CreditTable lines={lines} total={total} caption="Sessions credited" />
        <p className="certificate-code">
          Verification code: <strong>{code}</strong>
          <br />
          Check it at <span className="break-anywhere">{verifyUrl}</span>
        </p>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
