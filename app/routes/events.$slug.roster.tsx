import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { addWalkIn, listRoster, previewRoster } from "~/.server/checkin/roster";
import { rosterImportProgress, startRosterImport } from "~/.server/checkin/roster-import";
import { DomainError } from "~/.server/errors";
import { getEventForCoordinator } from "~/.server/events/events";
import { Button } from "~/components/button";
import { ImportProgress } from "~/components/import-progress";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { PersonSchema, ROSTER_FIELD_LABELS, ROSTER_FIELDS, RosterMappingSchema } from "~/schemas/checkin";
import { requireUser } from "~/utils/auth.server";
import { traced } from "~/.server/ops/loop-trace";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Roster · ${data.event.name} · Dropin` : "Roster · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const roster = await guard(listRoster(user.id, event.id));
  const importId = new URL(request.url).searchParams.get("import");
  const progress = importId ? await guard(rosterImportProgress(user.id, event.id, importId)) : null;
  return { event, roster, progress };
}

const MAX_CSV_BYTES = 2 * 1024 * 1024;

async function readForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return request.formData();
  return unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }));
}

type Preview = ReturnType<typeof previewRoster>;
type Outcome =
  | { intent: "preview"; csv: string; preview: Preview }
  | { intent: "problem"; message: string };

async function csvFrom(formData: FormData) {
  const file = formData.get("file");
  if (file && typeof file !== "string" && file.size > 0) return file.text();
  return String(formData.get("csv") ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  let formData: FormData;
  try {
    formData = await traced("multipart", () => readForm(request));
  } catch {
    return data<Outcome>({ intent: "problem", message: "That file is too large: keep rosters under 2 MB." }, { status: 400 });
  }
  const intent = formData.get("intent");
  if (intent === "walk-in") {
    const submission = parseSubmission(PersonSchema, formData);
    if (!submission.ok) return invalid(submission);
    const added = await guardForm(formDataToObject(formData), addWalkIn(user.id, event.id, submission.data));
    if (!added.ok) return invalid(added.result);
    return redirectWithToast(`/events/${event.slug}/roster`, { kind: "success", message: `${added.value.user.name} is on the roster.` });
  }
  const csv = await traced("csv text", () => csvFrom(formData));
  if (!csv.trim()) return data<Outcome>({ intent: "problem", message: "Choose a CSV file or paste the roster first." }, { status: 400 });
  try {
    if (intent === "import") {
      const mapping = RosterMappingSchema.safeParse(formDataToObject(formData));
      if (!mapping.success) {
        return data<Outcome>({ intent: "problem", message: "Choose the columns with names and email addresses." }, { status: 400 });
      }
      // The import runs in the background; the page shows its progress until it is done.
      const job = await guard(startRosterImport(user.id, event.id, csv, mapping.data));
      return redirectWithToast(`/events/${event.slug}/roster?import=${job.id}`, { kind: "success", message: "Roster import started." });
    }
    return data<Outcome>({ intent: "preview", csv, preview: previewRoster(csv) });
  } catch (error) {
    if (error instanceof DomainError) return data<Outcome>({ intent: "problem", message: error.message }, { status: 400 });
    throw error;
  }
}

function PreviewStep({ csv, preview }: { csv: string; preview: Preview }) {
  const busy = useNavigation().state === "submitting";
  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Match the columns</h2>
      <p>
        {preview.total} {preview.total === 1 ? "row" : "rows"} found. Check which column holds each detail, then import.
      </p>
      {/* Multipart: the server reads a large file back in streamed parts instead of one long blocking parse. */}
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="csv" value={csv} />
        <div className="form-row">
          {ROSTER_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={field === "name" || field === "email" ? ROSTER_FIELD_LABELS[field] : `${ROSTER_FIELD_LABELS[field]} (optional)`}
              name={field}
              defaultValue={preview.mapping[field]}
              options={[{ value: "", label: "— not in this file —" }, ...preview.headers.map((h) => ({ value: h, label: h }))]}
            />
          ))}
        </div>
        <h3>First rows</h3>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="table-wrap" tabIndex={0} role="region" aria-label="First rows of the file">
          <table>
            <caption className="visually-hidden">The first {preview.rows.length} rows of the file</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {preview.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, index) => (
                <tr key={index}>
                  <td>{index + 2}</td>
                  {preview.headers.map((h) => (
                    <td key={h}>{row[h] ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-actions">
          <Button name="intent" value="import" disabled={busy}>
            {busy ? `Importing ${preview.total} rows…` : `Import ${preview.total} rows`}
          </Button>
        </div>
      </Form>
    </section>
  );
}

export default function Roster() {
  const { event, roster, progress } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const walkIn = isFormFailure(outcome) ? outcome : null;
  const result = outcome && !isFormFailure(outcome) ? outcome : null;
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Attendee roster</h1>
      <p>
        <Link to={`/events/${event.slug}/badges`}>Print badges</Link> · <Link to={`/events/${event.slug}/kiosk`}>Door kiosk</Link>
      </p>
      <div role="status" aria-live="polite">
        {progress ? <ImportProgress progress={progress} refreshTo={`/events/${event.slug}/roster?import=${progress.id}`} /> : null}
        {result?.intent === "problem" ? <FormErrors errors={[result.message]} /> : null}
      </div>
      {result?.intent === "preview" ? (
        <PreviewStep csv={result.csv} preview={result.preview} />
      ) : (
        <section className="card" aria-labelledby="import-title">
          <h2 id="import-title">Import a roster</h2>
          <p className="muted">
            A CSV with a header row: names, email addresses and optionally school and staff ID. People already on the roster
            (same email) are updated, not added twice.
          </p>
          <Form method="post" encType="multipart/form-data">
            <Field label="CSV file (optional)" type="file" name="file" accept=".csv,text/csv" />
            <TextareaField label="…or paste the CSV (optional)" name="csv" rows={6} />
            <div className="form-actions">
              <Button name="intent" value="preview" disabled={busy}>
                Preview
              </Button>
            </div>
          </Form>
        </section>
      )}
      <section className="card" aria-labelledby="walkin-title">
        <h2 id="walkin-title">Add a walk-in</h2>
        <Form method="post">
          <FormErrors errors={walkIn?.formErrors ?? []} />
          <div className="form-row">
            <Field label="Name" name="name" required defaultValue={String(walkIn?.values.name ?? "")} error={walkIn?.fieldErrors.name?.[0]} />
            <Field
              label="Email"
              name="email"
              type="email"
              required
              defaultValue={String(walkIn?.values.email ?? "")}
              error={walkIn?.fieldErrors.email?.[0]}
            />
            <Field label="School (optional)" name="school" defaultValue={String(walkIn?.values.school ?? "")} />
            <Field label="Staff ID (optional)" name="staffId" defaultValue={String(walkIn?.values.staffId ?? "")} />
          </div>
          <div className="form-actions">
            <Button name="intent" value="walk-in" variant="secondary" disabled={busy}>
              Add to roster
            </Button>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="roster-title">
        <h2 id="roster-title">On the roster ({roster.length})</h2>
        {/* Focusable so the table can be scrolled sideways by keyboard on a narrow screen. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="roster-title">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">School</th>
                <th scope="col">Staff ID</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((p) => (
                <tr key={p.userId}>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>{p.school ?? ""}</td>
                  <td>{p.staffId ?? ""}</td>
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
