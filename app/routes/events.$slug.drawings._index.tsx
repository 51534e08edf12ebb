import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listDrawings } from "~/.server/drawings/drawing-views";
import { createDrawing, prizesToChoose, runDrawing, verifyDrawing } from "~/.server/drawings/drawings";
import { markClaimed, markNoShow } from "~/.server/drawings/winners";
import type { DrawingRules } from "~/.server/drawings/eligibility";
import { getEventForCoordinator } from "~/.server/events/events";
import { Button } from "~/components/button";
import { ChoiceGroup } from "~/components/choice-group";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { DrawingSchema, GRADE_BANDS } from "~/schemas/donations";
import { requireUser } from "~/utils/auth.server";
import { allMessages, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { count } from "~/utils/plural";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Prize drawings · ${data.event.name} · Dropin` : "Prize drawings · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const [drawings, prizes] = await Promise.all([
    guard(listDrawings(user.id, event.id)),
    guard(prizesToChoose(user.id, event.id)),
  ]);
  const verified = await Promise.all(drawings.map((d) => (d.status === "drawn" ? verifyDrawing(d.id) : null)));
  const prizeNames = Object.fromEntries(prizes.map((p) => [p.id, p.itemName]));
  return {
    event,
    prizes,
    drawings: drawings.map((d, i) => ({
      ...d,
      verification: verified[i],
      // What an open drawing will give away (those still undrawn).
      prizeNames: (d.rules.prizeIds ?? []).flatMap((id) => (prizeNames[id] ? [prizeNames[id]] : [])),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const raw = formDataToObject(formData);
  const intent = raw.intent;
  const back = `/events/${event.slug}/drawings`;
  if (intent === "create") {
    const submission = parseSubmission(DrawingSchema, formData);
    if (!submission.ok) return invalid(submission);
    const created = await guardForm(raw, createDrawing(user.id, event.id, submission.data));
    if (!created.ok) return invalid(created.result);
    return redirectWithToast(back, { kind: "success", message: `${submission.data.name} is ready to draw.` });
  }
  if (intent === "run") {
    const done = await guardForm(raw, runDrawing(user.id, String(raw.drawingId)));
    if (!done.ok) return invalid(done.result);
    return redirectWithToast(back, { kind: "success", message: `Drawn: ${count(done.value.length, "winner")}.` });
  }
  if (intent === "no-show") {
    const done = await guardForm(raw, markNoShow(user.id, String(raw.winnerId)));
    if (!done.ok) return invalid(done.result);
    return redirectWithToast(back, {
      kind: "success",
      message: done.value ? "Marked no-show and redrew the prize." : "Marked no-show; nobody is left in the pool.",
    });
  }
  if (intent === "claimed") {
    const done = await guardForm(raw, markClaimed(user.id, String(raw.winnerId)));
    if (!done.ok) return invalid(done.result);
    return redirectWithToast(back, { kind: "success", message: "Marked claimed." });
  }
  throw data({ message: "Unknown action." }, { status: 400 });
}

function describeRules(rules: DrawingRules) {
  const parts = ["checked in at the door"];
  if (rules.minSessions > 0) parts.push(`attended at least ${count(rules.minSessions, "session")}`);
  if (rules.requireFeedback) parts.push("gave feedback");
  if (rules.school) parts.push(`works at ${rules.school}`);
  if (rules.gradeBand) parts.push(`teaches ${rules.gradeBand}`);
  if (rules.excludePresenters) parts.push("not a presenter");
  parts.push(rules.allowMultiplePrizes ? "may win more than one prize" : "one prize per person");
  return parts.join(", ");
}

const WINNER_STATUS = { drawn: "Drawn", no_show: "No-show", claimed: "Claimed" } as Record<string, string>;

export default function Drawings() {
  const { event, drawings, prizes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = isFormFailure(actionData) ? actionData : null;
  const create = useValidatedForm(DrawingSchema, {
    intent: "create",
    lastResult: failure?.values.intent === "create" ? failure : null,
  });
  const pending = usePending();
  const checked = (name: string) => create.values[name] === "on";
  // None is chosen for the coordinator: each drawing gives away exactly what they tick.
  const chosenPrizes = [create.values.prizeIds ?? []].flat();
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}/vendors`}>← Vendors and donations</Link>
      </p>
      <h1>Prize drawings</h1>
      {failure && failure.values.intent !== "create" ? <FormErrors errors={failure.formErrors} /> : null}

      {drawings.map((d) => (
        <section key={d.id} className="card" aria-labelledby={`drawing-${d.id}`}>
          <h2 id={`drawing-${d.id}`}>{d.name}</h2>
          <p>Who can win: {describeRules(d.rules)}.</p>
          {d.status === "open" && d.prizeNames.length ? <p>Prizes: {d.prizeNames.join(", ")}.</p> : null}
          <p className="muted verify-line">Seed commitment (SHA-256): {d.seedHash}</p>
          {d.status === "open" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="run" />
              <input type="hidden" name="drawingId" value={d.id} />
              <Button disabled={pending({ intent: "run", drawingId: d.id })} aria-label={`Draw winners for ${d.name}`}>
                Draw winners
              </Button>
            </Form>
          ) : (
            <>
              <p>
                Pool: {count(d.poolSize, "eligible person", "eligible people")}.{" "}
                <Link to={`/events/${event.slug}/drawings/${d.id}/show`}>Projector view</Link>
              </p>
              <details>
                <summary>Verification</summary>
                <p className="verify-line">Seed: {d.seed}</p>
                <p>Method: {d.method}</p>
                <p role="status">
                  {d.verification?.ok
                    ? "Verified: re-running the draw from the seed and the frozen pool gives the same winners."
                    : `Verification failed: ${d.verification?.problems.join(" ")}`}
                </p>
              </details>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Winners of {d.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Winner</th>
                      <th scope="col">Prize</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.winners.map((w) => (
                      <tr key={w.id}>
                        <td>{w.position}</td>
                        <td>
                          {w.user.name}
                          {w.user.school ? <span className="muted"> · {w.user.school}</span> : null}
                        </td>
                        <td>
                          {w.donation.itemName} <span className="muted">({w.donation.vendor.company})</span>
                        </td>
                        <td>
                          {w.status === "drawn" ? (
                            <Form method="post" className="winner-actions">
                              <input type="hidden" name="winnerId" value={w.id} />
                              <Button
                                name="intent"
                                value="claimed"
                                variant="secondary"
                                disabled={pending({ winnerId: w.id })}
                                aria-label={`Claimed: ${w.user.name}`}
                              >
                                Claimed
                              </Button>
                              <Button
                                name="intent"
                                value="no-show"
                                variant="secondary"
                                disabled={pending({ winnerId: w.id })}
                                aria-label={`No-show: ${w.user.name}`}
                              >
                                No-show
                              </Button>
                            </Form>
                          ) : (
                            WINNER_STATUS[w.status]
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ))}

      <section className="card" aria-labelledby="new-drawing-title">
        <h2 id="new-drawing-title">New drawing</h2>
        <p className="muted">
          Choose the prizes this drawing gives away: every unit of a chosen prize not yet won is drawn, and prizes you
          do not choose stay for a later drawing. Only people checked in at the door qualify; coordinators and vendors
          never do. The random seed is fixed now and its fingerprint shown, before anyone knows the pool.
        </p>
        {/* With no prize to choose the form could only be refused, and its one message
            ("Choose at least one prize") had no checkbox to sit beside: the button did nothing visible. */}
        {prizes.length === 0 ? (
          <>
            {/* A drawing posted from a page that still had prizes: its refusal shows here. */}
            {failure?.values.intent === "create" ? <FormErrors errors={allMessages(failure)} /> : null}
            <p className="notice">
              No delivered prizes are left to draw. Mark prizes delivered on the{" "}
              <Link to={`/events/${event.slug}/vendors`}>vendors page</Link> first.
            </p>
          </>
        ) : (
          <Form method="post" noValidate onSubmit={create.onSubmit}>
            {create.intentField}
            <FormErrors errors={create.formErrors} />
            <Field label="Name" {...create.field("name")} />
            <ChoiceGroup
              legend="Prizes to draw"
              name="prizeIds"
              options={prizes.map((p) => ({ value: p.id, label: `${p.itemName} (${count(p.left, "unit")} left)` }))}
              checked={chosenPrizes}
              error={create.errorFor("prizeIds")}
              inputProps={create.form.register("prizeIds")}
            />
            <Field label="Minimum sessions attended (optional)" inputMode="numeric" {...create.field("minSessions")} />
            <div className="checkbox-row">
              <label className="checkbox">
                <input
                  type="checkbox"
                  {...create.form.register("requireFeedback")}
                  defaultChecked={checked("requireFeedback")}
                />
                Gave feedback on a session
              </label>
              <label className="checkbox">
                <input
                  type="checkbox"
                  {...create.form.register("excludePresenters")}
                  defaultChecked={checked("excludePresenters")}
                />
                Leave out presenters
              </label>
              <label className="checkbox">
                <input
                  type="checkbox"
                  {...create.form.register("allowMultiplePrizes")}
                  defaultChecked={checked("allowMultiplePrizes")}
                />
                Allow more than one prize per person
              </label>
            </div>
            <Field label="Only staff of this school (optional)" {...create.field("school")} />
            <SelectField
              label="Only this grade band (optional)"
              hint="Read from the school's name: Elementary is K-5, Middle 6-8, High 9-12."
              options={[{ value: "", label: "Any grade" }, ...GRADE_BANDS.map((b) => ({ value: b, label: b }))]}
              {...create.field("gradeBand")}
            />
            <div className="form-actions">
              <Button disabled={create.pending}>Create drawing</Button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
