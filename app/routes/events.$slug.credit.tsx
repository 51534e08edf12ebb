import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { correctCredit, getEventCredit } from "~/.server/credit/credit";
import { getEventForCoordinator } from "~/.server/events/events";
import { Button } from "~/components/button";
import { CorrectionHistory } from "~/components/checkin/credit-table";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { CorrectionSchema } from "~/schemas/checkin";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission, type FormFailure, type FormValues } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { count } from "~/utils/plural";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `PD credit · ${data.event.name} · Dropin` : "PD credit · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const { rows, sessions, members } = await guard(getEventCredit(user.id, event.id));
  const url = new URL(request.url);
  return {
    event: {
      slug: event.slug,
      name: event.name,
      minStayMinutes: event.minStayMinutes,
      presenterCreditRule: event.presenterCreditRule,
    },
    rows: rows.map((r) => ({ ...r, name: r.person.name, school: r.person.school, staffId: r.person.staffId })),
    sessions: sessions.map((s) => ({ id: s.placementId, label: `${s.blockLabel} · ${s.roomName} · ${s.title}` })),
    people: members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` })),
    preset: { userId: url.searchParams.get("userId") ?? "", placementId: url.searchParams.get("placementId") ?? "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const submission = parseSubmission(CorrectionSchema, formData);
  if (!submission.ok) return invalid(submission);
  const saved = await guardForm(formDataToObject(formData), correctCredit(user.id, event.id, submission.data));
  if (!saved.ok) return invalid(saved.result);
  return redirectWithToast(`/events/${event.slug}/credit`, {
    kind: "success",
    message: "Credit corrected. The change is in the audit log.",
  });
}

const RULE_WORDS: Record<string, string> = {
  none: "no credit",
  session: "the session's length",
  double: "twice the session's length",
};

function CorrectionForm({
  preset,
  failed,
  people,
  sessions,
}: {
  preset: FormValues;
  failed: FormFailure | null;
  people: ReadonlyArray<{ value: string; label: string }>;
  sessions: ReadonlyArray<{ id: string; label: string }>;
}) {
  const { form, field, errorFor, onSubmit, values, pending, formErrors } = useValidatedForm(CorrectionSchema, {
    defaultValues: preset,
    lastResult: failed,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <FormErrors errors={formErrors} />
      <div className="form-row">
        <SelectField
          label="Person"
          {...form.register("userId")}
          defaultValue={String(values.userId ?? "")}
          error={errorFor("userId")}
          options={[{ value: "", label: "Choose a person" }, ...people]}
        />
        <SelectField
          label="Session"
          {...form.register("placementId")}
          defaultValue={String(values.placementId ?? "")}
          error={errorFor("placementId")}
          options={[
            { value: "", label: "Choose a session" },
            ...sessions.map((s) => ({ value: s.id, label: s.label })),
          ]}
        />
        <Field label="Minutes" type="number" min={0} max={600} inputMode="numeric" {...field("minutes")} />
        <Field label="Reason" {...field("reason")} />
      </div>
      <div className="form-actions">
        <Button disabled={pending}>Save correction</Button>
      </div>
    </Form>
  );
}

export default function EventCredit() {
  const { event, rows, sessions, people, preset } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const values = isFormFailure(failed) ? failed.values : preset;
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>PD credit</h1>
      <p className="muted">
        A session counts after {event.minStayMinutes} minutes in the room; presenters get{" "}
        {RULE_WORDS[event.presenterCreditRule] ?? event.presenterCreditRule}.
      </p>
      <p>
        <a href={`/events/${event.slug}/credit.csv`} download>
          Download the HR export (CSV)
        </a>{" "}
        · <Link to={`/events/${event.slug}/credit-rules`}>Credit rules, provider and categories</Link>
      </p>
      <section className="card" aria-labelledby="correct-title">
        <h2 id="correct-title">Correct a record</h2>
        <p className="muted">
          The minutes you set replace what the room check-ins show; earlier values stay in the record’s history. Your
          reason goes in the audit log.
        </p>
        {/* Keyed so a "Correct" link's choice starts the form again with that person and session. */}
        <CorrectionForm
          key={`${values.userId}|${values.placementId}`}
          preset={preset}
          failed={isFormFailure(failed) ? failed : null}
          people={people}
          sessions={sessions}
        />
      </section>
      <section className="card" aria-labelledby="credit-list-title">
        <h2 id="credit-list-title">Everyone’s credit ({count(rows.length, "record")})</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Staff ID</th>
                <th scope="col">Session</th>
                <th scope="col">Minutes</th>
                <th scope="col">Hours</th>
                <th scope="col">Correct</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.userId}-${r.placementId}`}>
                  <td>
                    {r.name}
                    {r.school ? <span className="muted"> · {r.school}</span> : null}
                  </td>
                  <td>{r.staffId ?? ""}</td>
                  <td>
                    {r.title}
                    {r.note ? <span className="muted"> · {r.note}</span> : null}
                    <CorrectionHistory line={r} />
                  </td>
                  <td>{r.minutes}</td>
                  <td>{r.hours.toFixed(2)}</td>
                  <td>
                    <Link
                      to={`?userId=${r.userId}&placementId=${r.placementId}#correct-title`}
                      aria-label={`Correct ${r.name}, ${r.title}`}
                    >
                      Correct
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
