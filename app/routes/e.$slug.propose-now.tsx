import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getProposeNowEvent, proposeNow } from "~/.server/schedule/day-of";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary, Field, FormErrors, TextareaField } from "~/components/forms";
import { ProposeNowSchema } from "~/schemas/day-of";
import { AUDIENCE_LABELS, AUDIENCES } from "~/schemas/proposals";
import { requireUser } from "~/utils/auth.server";
import { isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Offer a session now · ${data.event.name} · Dropin` : "Offer a session now · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getProposeNowEvent(user.id, params.slug!));
  return { event: { slug: event.slug, name: event.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getProposeNowEvent(user.id, params.slug!));
  const submission = parseSubmission(ProposeNowSchema, await request.formData());
  if (!submission.ok) return invalid(submission);
  const proposal = await guard(proposeNow(user.id, event.id, submission.data));
  return redirectWithToast(`/e/${event.slug}`, {
    kind: "success",
    message: `Thanks! A coordinator will find a room for “${proposal.title}” and it will appear here.`,
  });
}

export default function ProposeNow() {
  const { event } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const failed = isFormFailure(lastResult) ? lastResult : null;
  const {
    field,
    onSubmit,
    formErrors,
    errorFor,
    values,
    form,
    pending: busy,
  } = useValidatedForm(ProposeNowSchema, { lastResult: failed });
  const chosen = Array.isArray(values.audience) ? values.audience : values.audience ? [values.audience] : [];
  const audienceError = errorFor("audience");
  const errorCount = Object.keys(form.formState.errors).length || Object.keys(failed?.fieldErrors ?? {}).length;
  return (
    <div className="narrow">
      <p>
        <Link to={`/e/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Offer a session now</h1>
      <p className="muted">
        Something worth sharing today? Offer it here; a coordinator will give it a room and a time.
      </p>
      <Form method="post" noValidate onSubmit={onSubmit} className="card">
        <ErrorSummary count={errorCount} />
        <FormErrors errors={formErrors} />
        <Field label="Title" required {...field("title")} />
        <TextareaField label="What will you do?" required rows={3} hint="A sentence or two." {...field("summary")} />
        <fieldset aria-describedby={audienceError ? "audience-error" : undefined}>
          <legend>Who is it for?</legend>
          {AUDIENCES.map((a) => (
            <div className="checkbox-field" key={a}>
              <input
                type="checkbox"
                id={`audience-${a}`}
                value={a}
                defaultChecked={chosen.includes(a)}
                {...form.register("audience")}
              />
              <label htmlFor={`audience-${a}`}>{AUDIENCE_LABELS[a]}</label>
            </div>
          ))}
          {audienceError ? (
            <p id="audience-error" className="field-error">
              {audienceError}
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <Button disabled={busy}>Offer this session</Button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
