import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
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
import { doorRule, isEarly } from "~/.server/checkin/doors";
import { answerFor } from "~/.server/checkin/kiosk-sync";
import { getEventForDoor } from "~/.server/events/events";
import { tokenFromScan } from "~/utils/badge-code";
import { Button } from "~/components/button";
import { CameraScanner, type KioskPanel } from "~/components/checkin/kiosk-client";
import {
  panelFor,
  PersonResults,
  queuedPanel,
  syncedPanel,
  useKioskServiceWorker,
  WaitingList,
  WalkInForm,
  type PersonRow,
} from "~/components/checkin/kiosk-parts";
import { useKioskQueue, type DoorCounts } from "~/components/checkin/kiosk-queue";
import { findOnDevice, searchLocally, useKioskRoster } from "~/components/checkin/kiosk-roster";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors } from "~/components/forms";
import { PersonSchema } from "~/schemas/checkin";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

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
  const [results, counts] = await Promise.all([
    guard(searchRoster(user.id, event.id, q)),
    doorCounts(user.id, event.id),
  ]);
  // Volunteers see before the first scan whether the door is open yet.
  const rule = doorRule(event.id);
  const doors = rule && isEarly(rule, new Date()) ? { opens: rule.opensLabel, early: rule.earlyCheckIn } : null;
  return {
    doors,
    event: { slug: event.slug, name: event.name, canManage: event.canManage },
    q,
    token,
    counts,
    results: results.map((r) => ({
      ...r,
      checkedInAt: r.checkedInAt ? clockTime(r.checkedInAt, event.timeZone) : null,
    })),
  };
}

/** The same words the kiosk's script shows for the JSON API's answers. */
function toPanel(result: CheckInResult, timeZone: string): KioskPanel {
  return panelFor({ clientId: "", ...answerFor(result, timeZone) });
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
    return data<KioskAnswer>(
      { panel: toPanel(done.value, event.timeZone) },
      { status: done.value.status === "closed" ? 409 : 200 },
    );
  }
  if (intent === "user") {
    const userId = String(formData.get("userId") ?? "").trim();
    if (!userId) return refused("person", "Search for the person first.");
    return answer(await guard(checkInByUser(user.id, event.id, userId)), event.timeZone, { field: "person" });
  }
  const typed = String(formData.get("token") ?? "").slice(0, 300);
  const token = tokenFromScan(typed);
  if (!token) return refused("token", "Scan a badge or type its code first.", typed);
  return answer(await guard(checkInByToken(user.id, event.id, token)), event.timeZone, {
    field: "token",
    value: typed,
  });
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

/** A badge or person not on this PD day is a 404, a door not open yet a 409: nothing was checked in. */
function answer(result: CheckInResult, timeZone: string, problem: Problem) {
  const unknown = result.status === "unknown";
  return data<KioskAnswer>(
    { panel: toPanel(result, timeZone), problem: unknown ? problem : undefined },
    { status: unknown ? 404 : result.status === "closed" ? 409 : 200 },
  );
}

export default function Kiosk() {
  const { event, q, token, counts, results, doors } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const walkIn = isFormFailure(answer) ? answer : null;
  const serverPanel = answer && !isFormFailure(answer) ? answer.panel : null;
  // A panel shown by the page's own script belongs to the server answer it was
  // shown after; the next server answer (a walk-in) replaces it. The same for counts.
  const [local, setLocal] = useState<{ panel: KioskPanel; after: typeof answer } | null>(null);
  const [liveCounts, setLiveCounts] = useState<{ counts: DoorCounts; from: typeof counts } | null>(null);
  const [tokenError, setTokenError] = useState<string>();
  const [search, setSearch] = useState<{ q: string; people: PersonRow[] | null } | null>(null);
  // Only without the page's script do these forms post (with it, the queue sends them).
  const pending = usePending();
  const tokenInput = useRef<HTMLInputElement>(null);
  const tokenForm = useRef<HTMLFormElement>(null);
  const problem = answer && !isFormFailure(answer) ? answer.problem : undefined;
  // After each answer the code box is emptied for the next person in line; a refused
  // code stays, selected, so it can be corrected or replaced by the next scan.
  useEffect(() => {
    if (!answer || !tokenInput.current) return;
    tokenInput.current.value = problem?.field === "token" ? (problem.value ?? "") : "";
    if (problem?.field === "token") tokenInput.current.select();
  }, [answer, problem]);
  const showLocal = useCallback((p: KioskPanel) => setLocal({ panel: p, after: answer }), [answer]);
  const roster = useKioskRoster(event.slug);
  const { markIn } = roster;
  const { waiting, checkIn } = useKioskQueue(event.slug, {
    onSynced: (answers) => {
      if (answers.length > 0) showLocal(syncedPanel(answers));
      for (const a of answers) if (a.userId && a.time) markIn(a.userId, a.time);
    },
    onCounts: (fresh) => setLiveCounts({ counts: fresh, from: counts }),
  });
  useKioskServiceWorker(event.slug);
  const panel = local && local.after === answer ? local.panel : serverPanel;
  const shownCounts = liveCounts && liveCounts.from === counts ? liveCounts.counts : counts;

  async function send(what: Parameters<typeof checkIn>[0]) {
    const reply = await checkIn(what);
    if (!reply) {
      showLocal(queuedPanel(what.name));
      return null;
    }
    showLocal(panelFor(reply));
    if (reply.userId && reply.time) markIn(reply.userId, reply.time);
    return reply;
  }

  // With JavaScript every check-in goes through the queue: never a page request
  // that a dead server could turn into an error page.
  async function onTokenSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = tokenInput.current;
    const typed = input?.value.trim() ?? "";
    if (!input || !typed) return setTokenError("Scan a badge or type its code first.");
    setTokenError(undefined);
    input.value = "";
    input.focus();
    const person = await findOnDevice(roster.people, typed, event.slug);
    const reply = await send({ token: typed, name: person?.name });
    if (reply?.status === "unknown" && !input.value) {
      input.value = typed;
      input.select();
      setTokenError("Not on this PD day's list");
    }
  }

  async function onSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const query = String(new FormData(e.currentTarget).get("q") ?? "");
    const people = roster.people ?? (await roster.load());
    setSearch({
      q: query,
      people: people ? searchLocally(people, query).map((p) => ({ ...p, checkedInAt: p.in })) : null,
    });
  }

  function onPersonCheckIn(person: PersonRow, e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void send({ userId: person.id, name: person.name });
  }

  // A walk-in is queued like a scan (registered when it reaches the server, found
  // again by email if it is sent twice), after the same checks the action makes.
  const walkInForm = useValidatedForm(PersonSchema, {
    intent: "walk-in",
    lastResult: walkIn,
    send: (person) => send({ walkIn: person, name: person.name }),
  });

  const onCameraScan = useCallback((value: string) => {
    if (!tokenInput.current || !tokenForm.current) return;
    tokenInput.current.value = value;
    tokenForm.current.requestSubmit();
  }, []);

  const query = search ? search.q : q;
  const found = search ? (search.people ?? []) : results;
  return (
    <div className="kiosk">
      {/* Door volunteers cannot open the dashboard: they get the other door page instead. */}
      <p>
        {event.canManage ? <Link to={`/events/${event.slug}`}>← {event.name}</Link> : event.name} ·{" "}
        <Link to={`/events/${event.slug}/live`}>Live view</Link>
      </p>
      <h1>Door check-in</h1>
      <p className="muted">
        {shownCounts.checkedIn} of {shownCounts.roster} on the roster checked in.
        {roster.people
          ? ` Roster on this device: ${roster.people.length} ${roster.people.length === 1 ? "person" : "people"}.`
          : ""}
      </p>
      {doors ? (
        <p className="toast toast-info">
          {doors.early
            ? `Doors open ${doors.opens}. Early check-in is on: people checked in before then are not in prize drawings.`
            : `Door check-in opens ${doors.opens}. Until then scans are refused.`}
        </p>
      ) : null}
      <div role="status" aria-live="polite" aria-atomic="true" className="kiosk-status">
        {panel ? (
          <div className={`kiosk-panel kiosk-panel-${panel.status}`}>
            <p className="kiosk-panel-title">{panel.title}</p>
            {panel.detail ? <p>{panel.detail}</p> : null}
          </div>
        ) : null}
        {waiting.length > 0 ? (
          <p className="kiosk-waiting">
            {waiting.length} {waiting.length === 1 ? "scan" : "scans"} waiting to sync
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
            error={tokenError ?? (problem?.field === "token" ? serverPanel?.title : undefined)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            hint="A handheld scanner types the code here; or use the camera, or type the 8-character code printed on the badge (XXXX-XXXX)."
          />
          <div className="form-actions">
            <Button disabled={pending({ intent: "token" })}>Check in</Button>
          </div>
        </Form>
        <CameraScanner onScan={onCameraScan} />
      </section>

      <WaitingList waiting={waiting} />

      <section className="card" aria-labelledby="search-title">
        <h2 id="search-title">Find by name or school</h2>
        <Form method="get" className="kiosk-search" onSubmit={onSearch}>
          <Field label="Name or school" name="q" type="search" defaultValue={q} />
          <div className="form-actions">
            <Button variant="secondary">Search</Button>
          </div>
        </Form>
        {problem?.field === "person" && serverPanel ? <FormErrors errors={[serverPanel.title]} /> : null}
        {search && !search.people ? (
          <p>The roster is not on this device yet: name search needs the server once, when the kiosk opens.</p>
        ) : null}
        {query.trim().length >= 2 && found.length === 0 && (!search || search.people) ? (
          <p>Nobody on the roster matches “{query}”.</p>
        ) : null}
        {found.length > 0 ? <PersonResults people={found} onCheckIn={onPersonCheckIn} /> : null}
      </section>

      <WalkInForm form={walkInForm} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
