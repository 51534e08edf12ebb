import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { addWalkIn, listRoster } from "~/.server/checkin/roster";
import {
  rosterImportProgress,
  rosterUploadPreview,
  startRosterImport,
  storeRosterUpload,
  warmImportThread,
} from "~/.server/checkin/roster-import";
import { NotFoundError } from "~/.server/errors";
import { getEventForCoordinator } from "~/.server/events/events";
import { Button } from "~/components/button";
import { ImportProgress } from "~/components/import-progress";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { RosterList } from "~/components/roster-list";
import { RosterMatching } from "~/components/roster-matching";
import { PersonSchema, RosterImportSchema, RosterListQuerySchema } from "~/schemas/checkin";
import { requireUser } from "~/utils/auth.server";
import { traced } from "~/.server/ops/loop-trace";
import { allMessages, failureOf, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, guardRule, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Roster · ${data.event.name} · Dropin` : "Roster · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const search = new URL(request.url).searchParams;
  const { q, page } = RosterListQuerySchema.parse({ q: search.get("q") ?? "", page: search.get("page") ?? "1" });
  const roster = await guard(listRoster(user.id, event.id, { q, page }));
  // A coordinator here may import next: the import thread starts now, not when the file arrives.
  void warmImportThread().catch(() => undefined);
  const importId = search.get("import");
  const progress = importId ? await guard(rosterImportProgress(user.id, event.id, importId)) : null;
  // The pending file being matched (kept on the server between the steps); a stale link shows the first step.
  const uploadId = search.get("upload");
  const found = uploadId
    ? await guardRule(rosterUploadPreview(user.id, event.id, uploadId), (error) => error instanceof NotFoundError)
    : null;
  const upload = found?.ok ? found.value : null;
  return { event, roster, q, progress, upload, uploadGone: Boolean(uploadId && !upload) };
}

const MAX_CSV_BYTES = 2 * 1024 * 1024;

async function readForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return request.formData();
  return unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }));
}

type Problem = { intent: "problem"; message: string };

async function csvFrom(formData: FormData) {
  const file = formData.get("file");
  if (file && typeof file !== "string" && file.size > 0)
    return { fileName: file.name || "roster.csv", csv: await file.text() };
  return { fileName: "pasted roster", csv: String(formData.get("csv") ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const roster = `/events/${event.slug}/roster`;
  let formData: FormData;
  try {
    formData = await traced("multipart", () => readForm(request));
  } catch {
    return data<Problem>(
      { intent: "problem", message: "That file is too large: keep rosters under 2 MB." },
      { status: 400 },
    );
  }
  const intent = formData.get("intent");
  if (intent === "walk-in") {
    const submission = parseSubmission(PersonSchema, formData);
    if (!submission.ok) return invalid(submission);
    const added = await guardForm(formDataToObject(formData), addWalkIn(user.id, event.id, submission.data));
    if (!added.ok) return invalid(added.result);
    return redirectWithToast(roster, { kind: "success", message: `${added.value.user.name} is on the roster.` });
  }
  if (intent === "import") {
    const submission = parseSubmission(RosterImportSchema, formData);
    if (!submission.ok) return invalid(submission);
    // The import runs on its own thread; the page shows its progress until it is done.
    // Refused (a vanished file too, not only a rule): back to the matching, with the file and every choice kept.
    const started = await guardForm(
      formDataToObject(formData),
      startRosterImport(user.id, event.id, submission.data.uploadId, submission.data),
      (error) => error.status !== 403,
    );
    if (!started.ok) return invalid(started.result);
    return redirectWithToast(`${roster}?import=${started.value.id}`, {
      kind: "success",
      message: "Roster import started.",
    });
  }
  const { fileName, csv } = await traced("csv text", () => csvFrom(formData));
  if (!csv.trim())
    return data<Problem>(
      { intent: "problem", message: "Choose a CSV file or paste the roster first." },
      { status: 400 },
    );
  const stored = await guardRule(storeRosterUpload(user.id, event.id, fileName, csv));
  if (!stored.ok) return data<Problem>({ intent: "problem", message: stored.error.message }, { status: 400 });
  return redirectWithToast(`${roster}?upload=${stored.value}`, {
    kind: "success",
    message: `${fileName} is ready: match its columns.`,
  });
}

export default function Roster() {
  const { event, roster, q, progress, upload, uploadGone } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const walkIn = failureOf(outcome, "walk-in");
  const refused = failureOf(outcome, "import");
  const gone = "That roster file is no longer here: choose it again.";
  // A refused import is shown beside its fields on the matching; with no pending file to match, here.
  const problems =
    outcome && !isFormFailure(outcome)
      ? [outcome.message]
      : refused && !upload
        ? allMessages(refused)
        : uploadGone
          ? [gone]
          : [];
  const previewing = usePending()({ intent: "preview" });
  const addWalkIn = useValidatedForm(PersonSchema, { intent: "walk-in", lastResult: walkIn });
  const base = `/events/${event.slug}/roster`;
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Attendee roster</h1>
      <p>
        <Link to={`/events/${event.slug}/badges`}>Print badges</Link> ·{" "}
        <Link to={`/events/${event.slug}/kiosk`}>Door kiosk</Link>
      </p>
      <div role="status" aria-live="polite">
        {progress ? <ImportProgress progress={progress} refreshTo={`${base}?import=${progress.id}`} /> : null}
        {problems.length > 0 ? <FormErrors errors={problems} /> : null}
      </div>
      {upload ? (
        <RosterMatching upload={upload} action={`${base}?upload=${upload.id}`} failure={refused} />
      ) : (
        <section className="card" aria-labelledby="import-title">
          <h2 id="import-title">Import a roster</h2>
          <p className="muted">
            A CSV with a header row, such as an HR or student-information-system export: names (in one column, or first
            and last name in two), email addresses and optionally school and staff ID. People already on the roster
            (same email) are updated, not added twice.
          </p>
          <Form method="post" encType="multipart/form-data" action={base}>
            <Field label="CSV file (optional)" type="file" name="file" accept=".csv,text/csv" />
            <TextareaField label="…or paste the CSV (optional)" name="csv" rows={6} />
            <div className="form-actions">
              <Button name="intent" value="preview" disabled={previewing}>
                Preview
              </Button>
            </div>
          </Form>
        </section>
      )}
      <section className="card" aria-labelledby="walkin-title">
        <h2 id="walkin-title">Add a walk-in</h2>
        <Form method="post" action={base} noValidate onSubmit={addWalkIn.onSubmit}>
          <FormErrors errors={addWalkIn.formErrors} />
          <div className="form-row">
            <Field label="Name" required {...addWalkIn.field("name")} />
            <Field label="Email" type="email" required {...addWalkIn.field("email")} />
            <Field label="School (optional)" {...addWalkIn.field("school")} />
            <Field label="Staff ID (optional)" {...addWalkIn.field("staffId")} />
          </div>
          <div className="form-actions">
            {addWalkIn.intentField}
            <Button variant="secondary" disabled={addWalkIn.pending}>
              Add to roster
            </Button>
          </div>
        </Form>
      </section>
      <RosterList roster={roster} q={q} basePath={base} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
