import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from "~/.server/proposals/mail-template-editor";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary, Field, FormErrors, TextareaField } from "~/components/forms";
import {
  MailTemplateSchema,
  PLACEHOLDER_HINTS,
  PLACEHOLDERS,
  TEMPLATE_KEYS,
  type TemplateKey,
} from "~/schemas/mail-templates";
import { requireUser } from "~/utils/auth.server";
import { formatTimestamp } from "~/utils/dates";
import { failure, formDataToObject, isFormFailure, parseSubmission, type FormFailure } from "~/utils/forms";
import { guard, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Mail templates · ${data.event.name} · Dropin` : "Mail templates · Dropin" },
];

function selectedKey(value: unknown): TemplateKey {
  return TEMPLATE_KEYS.includes(value as TemplateKey) ? (value as TemplateKey) : "received";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const templates = await guard(listTemplates(user.id, event.id));
  const key = selectedKey(new URL(request.url).searchParams.get("key"));
  return { event: { slug: event.slug, name: event.name, timeZone: event.timeZone }, templates, key };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const raw = formDataToObject(formData);
  const key = selectedKey(raw.key);
  const here = `/events/${event.slug}/mail-templates?key=${key}`;

  if (raw.intent === "reset") {
    // A key that names no message must not fall back to (and reset) the first one.
    if (!TEMPLATE_KEYS.includes(raw.key as TemplateKey))
      return invalid(failure(raw, { fieldErrors: { key: ["Choose which message to reset."] } }));
    await guard(resetTemplate(user.id, event.id, key));
    return redirectWithToast(here, { kind: "success", message: "Back to the default wording." });
  }
  const submission = parseSubmission(MailTemplateSchema, formData);
  if (!submission.ok) return invalid(submission);
  if (raw.intent === "preview") {
    // Nothing is saved: the page comes back with the typed text and how it reads.
    const preview = await guard(previewTemplate(user.id, event.id, submission.data));
    return { ok: true as const, preview, values: raw };
  }
  if (raw.intent !== "save") return invalid(failure(raw, { formErrors: ["Choose Preview or Save."] }));
  await guard(saveTemplate(user.id, event.id, submission.data));
  return redirectWithToast(here, { kind: "success", message: "Saved. Messages from now on use this wording." });
}

export default function MailTemplates() {
  const { event, templates, key: selected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // A save or preview comes back to the message it was for, even when the page it was
  // posted from had another one selected (a no-JS post does not carry ?key=). One whose
  // key names no message is shown on the selected one, its key error as an alert.
  const key =
    result && TEMPLATE_KEYS.includes(result.values.key as TemplateKey) ? (result.values.key as TemplateKey) : selected;
  const template = templates.find((t) => t.key === key)!;
  const preview = result && !isFormFailure(result) && result.values.key === key ? result : null;
  const failed = isFormFailure(result) ? result : null;
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Mail templates</h1>
      <p className="muted">The messages presenters receive about their proposals. Changes apply to this PD day only.</p>
      <nav className="card" aria-label="Message templates">
        <ul className="template-list">
          {templates.map((t) => (
            <li key={t.key}>
              <Link to={`?key=${t.key}`} aria-current={t.key === key ? "page" : undefined}>
                {t.label}
              </Link>{" "}
              {t.customized ? <span className="tag">Reworded</span> : <span className="muted">Default</span>}
            </li>
          ))}
        </ul>
      </nav>
      <TemplateEditor
        // A new key after save or reset: the fields are uncontrolled and would otherwise keep the old text.
        key={`${key}-${template.updatedAt ? new Date(template.updatedAt).getTime() : "default"}`}
        template={template}
        timeZone={event.timeZone}
        lastResult={failed}
        previewValues={preview?.values ?? null}
      />
      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview (not saved)</h2>
          <p className="muted">With sample values. Save to use this wording.</p>
          <p>
            <strong>Subject:</strong> <span data-testid="preview-subject">{preview.preview.subject}</span>
          </p>
          <pre className="mail" data-testid="preview-body">
            {preview.preview.body}
          </pre>
        </section>
      ) : null}
    </>
  );
}

function TemplateEditor({
  template,
  timeZone,
  lastResult,
  previewValues,
}: {
  template: {
    key: string;
    label: string;
    subject: string;
    body: string;
    customized: boolean;
    updatedAt: Date | string | null;
  };
  timeZone: string;
  lastResult: FormFailure | null;
  previewValues: Record<string, string | string[]> | null;
}) {
  const {
    field,
    onSubmit,
    formErrors,
    pending: busy,
  } = useValidatedForm(MailTemplateSchema, {
    defaultValues: previewValues ?? { key: template.key, subject: template.subject, body: template.body },
    lastResult,
    posts: { intent: ["preview", "save"] },
  });
  const resetting = usePending()({ intent: "reset" });
  // `key` is a hidden field: its error cannot sit beside it, so it joins the form's own.
  const { key: keyErrors = [], ...visibleErrors } = lastResult?.fieldErrors ?? {};
  return (
    <section className="card" aria-labelledby="editor-title">
      <h2 id="editor-title">{template.label}</h2>
      <p className="muted">
        {template.customized && template.updatedAt
          ? `Reworded for this PD day · saved ${formatTimestamp(template.updatedAt, timeZone)}`
          : "Dropin's default wording."}
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary count={Object.values(visibleErrors).filter((messages) => messages?.length).length} />
        <FormErrors errors={[...formErrors, ...keyErrors]} />
        <input type="hidden" name="key" value={template.key} />
        <Field label="Subject" required {...field("subject")} />
        <TextareaField label="Message" required rows={10} {...field("body")} />
        <details className="placeholder-help" open>
          <summary>Placeholders you can use</summary>
          <ul>
            {PLACEHOLDERS.map((p) => (
              <li key={p}>
                <code>{`{{${p}}}`}</code> — {PLACEHOLDER_HINTS[p]}
              </li>
            ))}
          </ul>
        </details>
        <div className="form-actions">
          <Button name="intent" value="preview" variant="secondary" disabled={busy}>
            Preview
          </Button>
          <Button name="intent" value="save" disabled={busy}>
            Save
          </Button>
        </div>
      </Form>
      {template.customized ? (
        <Form method="post" className="form-actions">
          <input type="hidden" name="key" value={template.key} />
          <Button name="intent" value="reset" variant="link" disabled={resetting}>
            Reset to default
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
