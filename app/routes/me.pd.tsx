import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getPdRecord } from "~/.server/credit/record";
import { spanFromUrl } from "~/.server/credit/record-span";
import { Button } from "~/components/button";
import { CreditTable, formatHours } from "~/components/checkin/credit-table";
import { HoursList, providerLine } from "~/components/checkin/hours-list";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors } from "~/components/forms";
import { RecordSpanSchema } from "~/schemas/credit";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction = () => [{ title: "My PD record · Dropin" }];

// Only the signed-in person's own record: the user id comes from the session, never the address.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { span, failed } = spanFromUrl(new URL(request.url));
  const record = await getPdRecord(user.id, span);
  return { record, failed };
}

export default function MyPdRecord() {
  const { record, failed } = useLoaderData<typeof loader>();
  const { field, onSubmit } = useValidatedForm(RecordSpanSchema, { defaultValues: record.span, lastResult: failed });
  const query = new URLSearchParams(record.span).toString();
  const making = usePending()({}, "/me/pd/transcript");
  return (
    <>
      <h1>My PD record</h1>
      <p className="muted">
        Every PD day in Dropin you attended or presented at, with the hours each one credited you. School years run July
        1 to June 30.
      </p>
      <Form method="get" className="record-span" onSubmit={onSubmit} noValidate aria-label="Choose the span">
        <FormErrors errors={failed?.formErrors ?? []} />
        <Field label="From" type="date" {...field("from")} />
        <Field label="To" type="date" {...field("to")} />
        <div className="form-actions">
          <Button variant="secondary">Show these dates</Button>
        </div>
      </Form>
      <p className="credit-summary">
        <strong>{formatHours(record.total)}</strong> from {formatEventDate(record.span.from)} to{" "}
        {formatEventDate(record.span.to)}.
      </p>
      {record.days.length === 0 ? (
        <p>No PD days in this span yet. Hours appear here after a PD day you attended or presented at.</p>
      ) : (
        <>
          <HoursList caption="Hours per school year" heading="School year" rows={record.byYear} />
          <HoursList caption="Hours per credit category" heading="Category" rows={record.byCategory} />
          {/* A post: making the transcript stores its verification code (no page load writes). */}
          <Form method="post" action={`/me/pd/transcript?${query}`}>
            <input type="hidden" name="from" value={record.span.from} />
            <input type="hidden" name="to" value={record.span.to} />
            <Button disabled={making}>Transcript (print or save as PDF)</Button>
          </Form>
          {record.days.map((day) => (
            <section key={day.eventId} className="card" aria-labelledby={`day-${day.eventId}`}>
              <h2 id={`day-${day.eventId}`}>{day.name}</h2>
              <p className="muted">
                {formatEventDate(day.date)} · School year {day.schoolYear}
                {providerLine(day) ? ` · ${providerLine(day)}` : ""}
              </p>
              <CreditTable lines={day.lines} total={day.hours} caption={`Sessions and credit, ${day.name}`} />
              <p>
                <Link to={`/e/${day.slug}/credit`}>This day’s credit page and certificate</Link>
              </p>
            </section>
          ))}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
