import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  categoryHours,
  getPdRecord,
  isTranscriptIssued,
  issueTranscript,
  transcriptCode,
} from "~/.server/credit/record";
import { spanFromUrl } from "~/.server/credit/record-span";
import { appLink } from "~/.server/outbox/outbox";
import { Button } from "~/components/button";
import { CreditTable, formatHours } from "~/components/checkin/credit-table";
import { HoursList, providerLine } from "~/components/checkin/hours-list";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors } from "~/components/forms";
import { RecordSpanSchema } from "~/schemas/credit";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { allMessages, parseSubmission } from "~/utils/forms";
import { invalid } from "~/utils/http.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction = () => [{ title: "PD transcript · Dropin" }];

// A print-to-PDF page, one page per school year; the signed-in person's own record only.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { span } = spanFromUrl(new URL(request.url));
  const [record, issued] = await Promise.all([getPdRecord(user.id, span), isTranscriptIssued(user.id, span)]);
  const code = transcriptCode(user.id, span);
  const years = record.byYear.map((y) => {
    const days = record.days.filter((d) => d.schoolYear === y.label);
    return { ...y, days, byCategory: categoryHours(days.flatMap((d) => d.lines)) };
  });
  return {
    record,
    years,
    issued,
    code,
    verifyUrl: appLink(`/verify/${code}`),
    query: new URLSearchParams(span).toString(),
  };
}

// Making the transcript stores its verification code; the page itself only reads.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseSubmission(RecordSpanSchema, await request.formData());
  if (!submission.ok) return invalid(submission);
  await issueTranscript(user.id, submission.data);
  return redirect(`/me/pd/transcript?${new URLSearchParams(submission.data).toString()}`);
}

export default function Transcript() {
  const { record, years, issued, code, verifyUrl, query } = useLoaderData<typeof loader>();
  // The form's fields are hidden (the span chosen on My PD record): a refusal is said above it.
  const result = useActionData<typeof action>();
  const refused = result ? allMessages(result) : [];
  const pending = usePending()();
  const spanWords = `${formatEventDate(record.span.from)} to ${formatEventDate(record.span.to)}`;
  if (!issued) {
    return (
      <section className="card narrow" aria-labelledby="transcript-title">
        <h1 id="transcript-title">Your PD transcript</h1>
        <p>
          {formatHours(record.total)} from {spanWords}. Making your transcript gives it a verification code that your
          school or the state can check.
        </p>
        <FormErrors errors={refused} />
        <Form method="post">
          <input type="hidden" name="from" value={record.span.from} />
          <input type="hidden" name="to" value={record.span.to} />
          <div className="form-actions">
            <Button disabled={pending}>Make my transcript</Button>
          </div>
        </Form>
        <p>
          <Link to={`/me/pd?${query}`}>← My PD record</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="print-page transcript">
      <FormErrors errors={refused} />
      <p className="no-print">
        <Link to={`/me/pd?${query}`}>← My PD record</Link> · Use your browser’s Print command and choose “Save as PDF”.
      </p>
      <article aria-labelledby="transcript-title">
        <p className="certificate-kicker">Professional development transcript</p>
        <h1 id="transcript-title">{record.person.name}</h1>
        <p>
          {[record.person.school, record.person.staffId ? `Staff ID ${record.person.staffId}` : ""]
            .filter(Boolean)
            .join(" · ")}
          <br />
          {spanWords}: <strong>{formatHours(record.total)}</strong> over {record.days.length} PD{" "}
          {record.days.length === 1 ? "day" : "days"}
        </p>
        <HoursList caption="Hours per school year" heading="School year" rows={record.byYear} />
        <HoursList caption="Hours per credit category" heading="Category" rows={record.byCategory} />
        <p className="certificate-code">
          Verification code: <strong>{code}</strong>
          <br />
          Check it at <span className="break-anywhere">{verifyUrl}</span>
        </p>
        {years.map((year) => (
          <section key={year.label} className="transcript-year" aria-labelledby={`year-${year.label}`}>
            <h2 id={`year-${year.label}`}>
              School year {year.label}: {formatHours(year.hours)}
            </h2>
            <HoursList caption={`Hours per credit category, ${year.label}`} heading="Category" rows={year.byCategory} />
            {year.days.map((day) => (
              <div key={day.eventId}>
                <h3>
                  {day.name}, {formatEventDate(day.date)}
                </h3>
                {providerLine(day) ? <p className="muted">{providerLine(day)}</p> : null}
                <CreditTable lines={day.lines} total={day.hours} caption={`Sessions, ${day.name}`} />
              </div>
            ))}
          </section>
        ))}
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
