import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCertificate, issueCertificate } from "~/.server/credit/verify";
import { Button } from "~/components/button";
import { appLink } from "~/.server/outbox/outbox";
import { findEventBySlug } from "~/.server/events/permissions";
import { categoryHours } from "~/.server/credit/record";
import { CreditTable, formatHours } from "~/components/checkin/credit-table";
import { HoursList, providerLine } from "~/components/checkin/hours-list";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Certificate · ${data.event.name} · Dropin` : "Certificate · Dropin" },
];

// A print-to-PDF page: the browser's "Save as PDF" makes the file, so no PDF library is needed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  const credit = await guard(getCertificate(user.id, event.id));
  return {
    event: {
      slug: event.slug,
      name: event.name,
      date: event.date,
      venue: event.venue,
      providerName: event.providerName,
      providerNumber: event.providerNumber,
    },
    byCategory: categoryHours(credit.lines),
    person: credit.user,
    lines: credit.lines.filter((l) => l.counts),
    total: credit.total,
    code: credit.code,
    issued: credit.issued,
    verifyUrl: appLink(`/verify/${credit.code}`),
  };
}

// Making the certificate stores its verification code; the page itself only reads.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  await guard(issueCertificate(user.id, event.id));
  return redirect(`/e/${event.slug}/certificate`);
}

export default function Certificate() {
  const { event, person, lines, total, code, issued, verifyUrl, byCategory } = useLoaderData<typeof loader>();
  // The page's one form: its button waits for its post.
  const pending = usePending()();
  if (!issued) {
    return (
      <section className="card narrow" aria-labelledby="certificate-title">
        <h1 id="certificate-title">Your certificate</h1>
        <p>
          {formatHours(total)} from {event.name}. Making your certificate gives it a verification code that your school
          or the state can check.
        </p>
        <Form method="post">
          <div className="form-actions">
            <Button disabled={pending}>Make my certificate</Button>
          </div>
        </Form>
        <p>
          <Link to={`/e/${event.slug}/credit`}>← My PD credit</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="print-page">
      <p className="no-print">
        <Link to={`/e/${event.slug}/credit`}>← My PD credit</Link> · Use your browser’s Print command and choose “Save
        as PDF”.
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
        {providerLine(event) ? <p>{providerLine(event)}</p> : null}
        <HoursList caption="Hours per credit category" heading="Category" rows={byCategory} />
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
