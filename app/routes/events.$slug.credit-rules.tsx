import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getCreditSettings, saveCreditSettings, tagSession } from "~/.server/credit/credit-settings";
import { getEventForCoordinator } from "~/.server/events/events";
import { Button } from "~/components/button";
import { ChoiceGroup } from "~/components/choice-group";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { CreditSettingsSchema, SessionCategoriesSchema } from "~/schemas/credit";
import { requireUser } from "~/utils/auth.server";
import { allMessages, failureOf, formDataToObject, parseSubmission, postedText } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Credit rules and categories · ${data.event.name} · Dropin` : "Credit rules and categories · Dropin",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const { settings, sessions } = await guard(getCreditSettings(user.id, event.id));
  return { event: { slug: event.slug, name: event.name, minStayMinutes: event.minStayMinutes }, settings, sessions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const here = `/events/${event.slug}/credit-rules`;
  const formData = await request.formData();
  const raw = formDataToObject(formData);
  switch (raw.intent) {
    case "settings": {
      const submission = parseSubmission(CreditSettingsSchema, formData);
      if (!submission.ok) return invalid(submission);
      const saved = await guardForm(raw, saveCreditSettings(user.id, event.id, submission.data));
      if (!saved.ok) return invalid(saved.result);
      return redirectWithToast(here, {
        kind: "success",
        message: "Credit rules saved. Credit pages, certificates and exports use them now.",
      });
    }
    case "tag": {
      const submission = parseSubmission(SessionCategoriesSchema, formData);
      if (!submission.ok) return invalid(submission);
      const saved = await guardForm(raw, tagSession(user.id, event.id, submission.data));
      if (!saved.ok) return invalid(saved.result);
      return redirectWithToast(here, { kind: "success", message: `Categories of “${saved.value.title}” saved.` });
    }
    default:
      throw data({ message: "Unknown action." }, { status: 400 });
  }
}

export default function CreditRules() {
  const { event, settings, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = usePending();
  const settingsFailure = failureOf(result, "settings");
  const tagFailure = failureOf(result, "tag");
  const {
    form,
    field,
    onSubmit,
    values,
    pending: saving,
    intentField,
  } = useValidatedForm(CreditSettingsSchema, {
    intent: "settings",
    defaultValues: {
      providerName: settings.providerName,
      providerNumber: settings.providerNumber,
      creditCategories: settings.creditCategories.join("\n"),
      feedbackForCredit: settings.feedbackForCredit ? "on" : "",
      dailyCapHours: settings.dailyCapMinutes === null ? "" : String(settings.dailyCapMinutes / 60),
      version: settings.version,
    },
    lastResult: settingsFailure,
  });
  const options = settings.creditCategories.map((c) => ({ value: c, label: c }));
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link> ·{" "}
        <Link to={`/events/${event.slug}/credit`}>PD credit</Link>
      </p>
      <h1>Credit rules and categories</h1>
      <p className="muted">
        A session counts after {event.minStayMinutes} minutes in the room and presenters’ credit follows the presenter
        rule (both in the PD day’s settings). Breaks and lunch never count. Attendees see every rule explained on their
        credit page.
      </p>
      <section className="card" aria-labelledby="rules-title">
        <h2 id="rules-title">Provider, categories and rules</h2>
        <Form method="post" noValidate onSubmit={onSubmit}>
          {intentField}
          <input type="hidden" name="version" value={settings.version} />
          <FormErrors errors={settingsFailure?.formErrors ?? []} />
          <div className="form-row">
            <Field
              label="Provider or sponsor name (optional)"
              {...field("providerName")}
              hint="As the state certificate must show it."
            />
            <Field
              label="Provider number (optional)"
              {...field("providerNumber")}
              hint="E.g. the Act 48 or CTLE provider number."
            />
          </div>
          <TextareaField
            label="Credit categories (optional)"
            hint="One per line, e.g. “Language acquisition (CTLE)”. Sessions are tagged below."
            {...field("creditCategories")}
          />
          <Field
            label="Daily cap in hours (optional)"
            inputMode="decimal"
            hint="Leave blank for no cap. Quarter hours, e.g. 6.5."
            {...field("dailyCapHours")}
          />
          <div className="checkbox-row">
            <label className="checkbox">
              <input
                type="checkbox"
                {...form.register("feedbackForCredit")}
                defaultChecked={values.feedbackForCredit === "on"}
              />
              Hold each session’s credit until the attendee gives its feedback
            </label>
          </div>
          <div className="form-actions">
            <Button disabled={saving}>Save rules</Button>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="tags-title">
        <h2 id="tags-title">Sessions’ credit categories</h2>
        {/* A refusal for a session this list no longer shows has no row to sit beside: say it here. */}
        {tagFailure && !sessions.some((s) => s.proposalId === postedText(tagFailure.values.proposalId)) ? (
          <FormErrors errors={allMessages(tagFailure)} />
        ) : null}
        {options.length === 0 ? (
          <p className="muted">Add credit categories above to tag sessions with them.</p>
        ) : sessions.length === 0 ? (
          <p className="muted">No published sessions yet.</p>
        ) : (
          <ul className="list-plain">
            {sessions.map((s) => {
              const failed =
                tagFailure && postedText(tagFailure.values.proposalId) === s.proposalId ? tagFailure : null;
              const checked = failed ? [tagFailure!.values.categories ?? []].flat() : s.stored.split("\n");
              return (
                <li key={s.proposalId}>
                  <Form method="post" aria-label={`Categories of ${s.title}`}>
                    <input type="hidden" name="intent" value="tag" />
                    <input type="hidden" name="proposalId" value={s.proposalId} />
                    <input type="hidden" name="was" value={s.stored} />
                    <FormErrors errors={failed?.formErrors ?? []} />
                    <ChoiceGroup
                      legend={`${s.title} (${s.where})`}
                      name="categories"
                      options={options}
                      checked={checked}
                      error={failed?.fieldErrors.categories?.[0]}
                    />
                    <Button variant="secondary" disabled={pending({ intent: "tag", proposalId: s.proposalId })}>
                      Save categories
                    </Button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
