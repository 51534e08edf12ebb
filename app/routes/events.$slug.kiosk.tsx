import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import {
  checkInByToken,
  checkInByUser,
  clockTime,
  doorCounts,
  registerWalkIn,
  searchRoster,
  type CheckInResult,
} from "~/.server/checkin/door";
import { tokenFromScan } from "~/.server/checkin/badges";
import { getEventForDoor } from "~/.server/events/events";
import { Button } from "~/components/button";
import { CameraScanner, useOfflineQueue, type KioskPanel } from "~/components/checkin/kiosk-client";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors } from "~/components/forms";
import { PersonSchema } from "~/schemas/checkin";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Door check-in · ${data.event.name} · Dropin` : "Door check-in · Dropin" },
];

// Coordinators and door volunteers (people invited as such, and kiosk devices) run the door from here.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForDoor(user.id, params.slug!));
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  // A badge scanned with a plain phone camera opens this page with the code filled in;
  // checking in still takes a press of the button (a GET never writes).
  const token = url.searchParams.get("token") ?? "";
  const [results, counts] = await Promise.all([guard(searchRoster(user.id, event.id, q)), doorCounts(user.id, event.id)]);
  return {
    event: { slug: event.slug, name: event.name, canManage: event.canManage },
    q,
    token,
    counts,
    results: results.map((r) => ({ ...r, checkedInAt: r.checkedInAt ? clockTime(r.checkedInAt, event.timeZone) : null })),
  };
}

function toPanel(result: CheckInResult, timeZone: string): KioskPanel {
  switch (result.status) {
    case "checked_in":
      return { status: "checked_in", title: "Checked in", detail: [result.name, result.school].filter(Boolean).join(" · ") };
    case "already":
      return {
        status: "already",
        title: `Already checked in at ${clockTime(result.checkedInAt, timeZone)}`,
        detail: [result.name, result.school].filter(Boolean).join(" · "),
      };
    case "unknown":
      return { status: "unknown", title: "Not on this PD day's list", detail: "Check the badge is for this PD day, or register them as a walk-in." };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForDoor(user.id, params.slug!));
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "walk-in") {
    const submission = parseSubmission(PersonSchema, formData);
    if (!submission.ok) return invalid(submission);
    const done = await guardForm(formDataToObject(formData), registerWalkIn(user.id, event.id, submission.data));
    if (!done.ok) return invalid(done.result);
    return data<KioskAnswer>({ panel: toPanel(done.value, event.timeZone) });
  }
  if (intent === "user") {
    const userId = String(formData.get("userId") ?? "").trim();
    if (!userId) return refused("person", "Search for the person first.");
    return answer(await guard(checkInByUser(user.id, event.id, userId)), event.timeZone, { field: "person" });
  }
  const typed = String(formData.get("token") ?? "").slice(0, 300);
  const token = tokenFromScan(typed);
  if (!token) return refused("token", "Scan a badge or type its code first.", typed);
  return answer(await guard(checkInByToken(user.id, event.id, token)), event.timeZone, { field: "token", value: typed });
}

/**
 * What was wrong, beside the part of the page it concerns: the code box (with the
 * code as typed, so a typo can be fixed) or the name search. The panel at the top
 * says it too, for the volunteer watching the line.
 */
type Problem = { field: "token" | "person"; value?: string };
type KioskAnswer = { panel: KioskPanel; problem?: Problem };

function refused(field: Problem["field"], title: string, value?: string) {
  return data<KioskAnswer>({ panel: { status: "unknown", title }, problem: { field, value } }, { status: 400 });
}

/** A badge or person not on this PD day is a 404: nothing was checked in. */
function answer(result: CheckInResult, timeZone: string, problem: Problem) {
  const unknown = result.status === "unknown";
  return data<KioskAnswer>(
    { panel: toPanel(result, timeZone), problem: unknown ? problem : undefined },
    { status: unknown ? 404 : 200 },
  );
}

export default function Kiosk() {
  const { event, q, token, counts, results } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const walkIn = isFormFailure(answer) ? answer : null;
  const serverPanel = answer && !isFormFailure(answer) ? answer.panel : null;
  // A panel from the offline queue belongs to the server answer it was shown after;
  // the next server answer replaces it.
  const [local, setLocal] = useState<{ panel: KioskPanel; after: typeof answer } | null>(null);
  const busy = useNavigation().state === "submitting";
  const tokenForm = useRef<HTMLFormElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);

  const problem = answer && !isFormFailure(answer) ? answer.problem : undefined;
  // After each answer the code box is emptied for the next person in line; a refused
  // code stays, selected, so it can be corrected or replaced by the next scan.
  useEffect(() => {
    if (!answer || !tokenInput.current) return;
    tokenInput.current.value = problem?.field === "token" ? (problem.value ?? "") : "";
    if (problem?.field === "token") tokenInput.current.select();
  }, [answer, problem]);
  const showLocal = useCallback((p: KioskPanel) => setLocal({ panel: p, after: answer }), [answer]);
  const { waiting, enqueue } = useOfflineQueue(event.slug, showLocal);
  const panel = local && local.after === answer ? local.panel : serverPanel;

  function onTokenSubmit(e: FormEvent<HTMLFormElement>) {
    const token = tokenInput.current?.value.trim() ?? "";
    if (navigator.onLine || !token) return;
    // Offline: keep the scan for later instead of a request that cannot reach us.
    e.preventDefault();
    enqueue(token);
    showLocal({ status: "queued", title: "Saved offline", detail: "This scan will be checked in when the network is back." });
    if (tokenInput.current) {
      tokenInput.current.value = "";
      tokenInput.current.focus();
    }
  }

  const onCameraScan = useCallback((value: string) => {
    if (!tokenInput.current || !tokenForm.current) return;
    tokenInput.current.value = value;
    tokenForm.current.requestSubmit();
  }, []);

  return (
    <div className="kiosk">
      {/* Door volunteers cannot open the dashboard: they get the other door page instead. */}
      <p>
        {event.canManage ? <Link to={`/events/${event.slug}`}>← {event.name}</Link> : event.name} ·{" "}
        <Link to={`/events/${event.slug}/live`}>Live view</Link>
      </p>
      <h1>Door check-in</h1>
      <p className="muted">
        {counts.checkedIn} of {counts.roster} on the roster checked in.
      </p>
      <div role="status" aria-live="polite" aria-atomic="true" className="kiosk-status">
        {panel ? (
          <div className={`kiosk-panel kiosk-panel-${panel.status}`}>
            <p className="kiosk-panel-title">{panel.title}</p>
            {panel.detail ? <p>{panel.detail}</p> : null}
          </div>
        ) : null}
        {waiting > 0 ? (
          <p className="kiosk-waiting">
            {waiting} {waiting === 1 ? "scan" : "scans"} waiting to sync
          </p>
        ) : null}
      </div>

      <section className="card" aria-labelledby="scan-title">
        <h2 id="scan-title">Scan a badge</h2>
        <Form method="post" ref={tokenForm} onSubmit={onTokenSubmit} className="kiosk-scan">
          <input type="hidden" name="intent" value="token" />
          <Field
            ref={tokenInput}
            label="Badge code"
            name="token"
            defaultValue={problem?.field === "token" ? problem.value : token}
            error={problem?.field === "token" ? serverPanel?.title : undefined}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            hint="A handheld scanner types the code here; or use the camera."
          />
          <div className="form-actions">
            <Button disabled={busy}>Check in</Button>
          </div>
        </Form>
        <CameraScanner onScan={onCameraScan} />
      </section>

      <section className="card" aria-labelledby="search-title">
        <h2 id="search-title">Find by name or school</h2>
        <Form method="get" className="kiosk-search">
          <Field label="Name or school" name="q" type="search" defaultValue={q} />
          <div className="form-actions">
            <Button variant="secondary">Search</Button>
          </div>
        </Form>
        {problem?.field === "person" && serverPanel ? <FormErrors errors={[serverPanel.title]} /> : null}
        {q.trim().length >= 2 && results.length === 0 ? <p>Nobody on the roster matches “{q}”.</p> : null}
        {results.length > 0 ? (
          <ul className="list-plain kiosk-results">
            {results.map((person) => (
              <li key={person.id}>
                <span>
                  <strong>{person.name}</strong>
                  {person.school ? ` · ${person.school}` : ""}
                  {person.checkedInAt ? <span className="muted"> · in at {person.checkedInAt}</span> : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="user" />
                  <input type="hidden" name="userId" value={person.id} />
                  <Button variant="secondary" disabled={busy} aria-label={`Check in ${person.name}`}>
                    Check in
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="card" aria-labelledby="walkin-title">
        <h2 id="walkin-title">Register a walk-in</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="walk-in" />
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
          </div>
          <div className="form-actions">
            <Button variant="secondary" disabled={busy}>
              Register and check in
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
