import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getPublishPage, publish } from "~/.server/schedule/publish";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors, TextareaField } from "~/components/forms";
import { PublishSchema } from "~/schemas/publish";
import { EVENT_STATUS_LABELS } from "~/schemas/events";
import { requireUser } from "~/utils/auth.server";
import { formatTimestamp } from "~/utils/dates";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { count } from "~/utils/plural";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Publish · ${data.event.name} · Dropin` : "Publish · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(getPublishPage(user.id, params.slug!));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { event } = await guard(getPublishPage(user.id, params.slug!));
  const formData = await request.formData();
  const submission = parseSubmission(PublishSchema, formData);
  if (!submission.ok) return invalid(submission);
  const done = await guardForm(formDataToObject(formData), publish(user.id, event.id, submission.data));
  if (!done.ok) return invalid(done.result);
  const { version, notified, stage } = done.value;
  const mailed = notified === 0 ? "No presenter had changes." : `${count(notified, "presenter")} notified.`;
  return redirectWithToast(`/events/${event.slug}/publish`, {
    kind: "success",
    message: `Version ${version.number} is published. ${mailed}${stage ? ` ${event.name} is now: ${EVENT_STATUS_LABELS.published}.` : ""}`,
  });
}

export default function PublishPage() {
  const { event, conflicts, versions, placed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // The page's one form that posts.
  const { form, field, onSubmit, formErrors, values, pending } = useValidatedForm(PublishSchema, {
    lastResult: isFormFailure(lastResult) ? lastResult : null,
  });
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Publish the schedule</h1>
      <p className="muted">
        Attendees see only published versions. Changes you make on the grid stay drafts until you publish. Presenters
        whose sessions are added, moved or cancelled get an email.
      </p>

      <section className="card" aria-labelledby="warnings-title">
        <h2 id="warnings-title">{conflicts.length === 0 ? "No warnings" : count(conflicts.length, "warning")}</h2>
        {conflicts.length > 0 ? (
          <ul className="warning-list">
            {conflicts.map((c, i) => (
              <li key={`${c.kind}-${i}`}>{c.message}</li>
            ))}
          </ul>
        ) : (
          <p>{placed === 0 ? "Nothing is on the grid yet." : "The grid has no clashes."}</p>
        )}
      </section>

      <section className="card" aria-labelledby="publish-title">
        <h2 id="publish-title">Publish version {(versions[0]?.number ?? 0) + 1}</h2>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <FormErrors errors={formErrors} />
          <TextareaField
            label="Note to presenters (optional)"
            rows={3}
            hint="Included in the emails, e.g. “Room 203 flooded, so we moved two sessions.”"
            {...field("note")}
          />
          <div className="field checkbox-field">
            <input
              type="checkbox"
              id="blockOnConflicts"
              {...form.register("blockOnConflicts")}
              defaultChecked={values.blockOnConflicts === "on"}
            />
            <label htmlFor="blockOnConflicts">Don’t publish if there are warnings</label>
          </div>
          <div className="form-actions">
            <Button disabled={pending}>Publish</Button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">Version history</h2>
        {versions.length === 0 ? <p>Nothing published yet.</p> : null}
        <ol className="list-plain version-list" reversed>
          {versions.map((v) => (
            <li key={v.id}>
              <h3 id={`version-${v.number}`}>Version {v.number}</h3>
              <p className="muted">
                {formatTimestamp(v.publishedAt, event.timeZone)}
                {v.publishedBy ? ` by ${v.publishedBy}` : ""}
                {v.note ? ` — “${v.note}”` : ""}
              </p>
              {v.changes.length ? (
                <ul className="changelog">
                  {v.changes.map((change, i) => (
                    <li key={i}>{change}</li>
                  ))}
                </ul>
              ) : (
                <p>No changes to sessions.</p>
              )}
            </li>
          ))}
        </ol>
      </section>
      {versions.length > 0 ? (
        <p>
          <Link to={`/e/${event.slug}`}>See the public schedule</Link> ·{" "}
          <Link to={`/events/${event.slug}/print/grid`}>Print the grid poster</Link> ·{" "}
          <Link to={`/events/${event.slug}/print/door-signs`}>Print door signs</Link> ·{" "}
          <a href={`/e/${event.slug}/grid.csv`}>Download the grid (CSV)</a>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
