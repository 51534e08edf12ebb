// The coordinator's follow-up circles: open them (size, the district's roles, the
// reminder), form a preview from the opt-ins, swap people, publish. Every button
// that changes the preview carries the version it was read at.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  circleBoard,
  formCirclePreview,
  publishCircles,
  saveCircleSettings,
  swapCircleMembers,
} from "~/.server/circles/rounds";
import { getEventForCoordinator } from "~/.server/events/events";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { CircleBoardSchema, CircleSettingsSchema, DEFAULT_ROLES, SwapSchema } from "~/schemas/circles";
import { requireUser } from "~/utils/auth.server";
import { allMessages, failureOf, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { count } from "~/utils/plural";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Circles · ${data?.event.name ?? "PD day"} · Dropin` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(circleBoard(user.id, params.slug!));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const here = `/events/${event.slug}/circles`;
  const formData = await request.formData();
  const submission = parseSubmission(CircleBoardSchema, formData);
  if (!submission.ok) return invalid(submission);
  const input = submission.data;
  const raw = formDataToObject(formData);
  switch (input.intent) {
    case "settings": {
      const saved = await guardForm(raw, saveCircleSettings(user.id, event.slug, input));
      if (!saved.ok) return invalid(saved.result);
      return redirectWithToast(here, {
        kind: "success",
        message: "Circles are open: attendees and presenters can opt in from their Circles page.",
      });
    }
    case "form": {
      const formed = await guardForm(raw, formCirclePreview(user.id, event.slug, input.version));
      if (!formed.ok) return invalid(formed.result);
      return redirectWithToast(here, {
        kind: "success",
        message: `Formed ${count(formed.value, "circle")}. Check them, swap people if needed, then publish.`,
      });
    }
    case "swap": {
      const swapped = await guardForm(raw, swapCircleMembers(user.id, event.slug, input));
      if (!swapped.ok) return invalid(swapped.result);
      return redirectWithToast(here, { kind: "success", message: "Swapped." });
    }
    case "publish": {
      const sent = await guardForm(raw, publishCircles(user.id, event.slug, input.version));
      if (!sent.ok) return invalid(sent.result);
      return redirectWithToast(here, {
        kind: "success",
        message: `Circles published; “Meet your circle” went to ${count(sent.value, "person", "people")}.`,
      });
    }
  }
}

function SettingsForm() {
  const { round } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { field, onSubmit, formErrors, pending, intentField } = useValidatedForm(CircleSettingsSchema, {
    intent: "settings",
    defaultValues: {
      groupSize: String(round?.groupSize ?? 5),
      reminderWeeks: String(round?.reminderWeeks ?? 4),
      roles: round?.roles ?? DEFAULT_ROLES.join("\n"),
    },
    lastResult: failureOf(result, "settings"),
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      {intentField}
      <FormErrors errors={formErrors} />
      <SelectField
        label="People per circle"
        {...field("groupSize")}
        options={["4", "5", "6"].map((n) => ({ value: n, label: n }))}
      />
      <Field
        label="Reminder after (weeks)"
        type="number"
        min={1}
        max={12}
        {...field("reminderWeeks")}
        hint="“What did you try? Post it to your circle” goes this many weeks after publishing."
      />
      <TextareaField
        label="Roles people choose from"
        rows={6}
        {...field("roles")}
        hint="The district's list, one a line."
      />
      <Button disabled={pending}>{round ? "Save settings" : "Open circles"}</Button>
    </Form>
  );
}

function SwapForm({ version, people }: { version: number; people: Array<{ value: string; label: string }> }) {
  const result = useActionData<typeof action>();
  const { field, errorFor, onSubmit, formErrors, pending, intentField } = useValidatedForm(SwapSchema, {
    intent: "swap",
    defaultValues: {
      version: String(version),
      first: people[0]?.value ?? "",
      second: people[0]?.value ?? "",
    },
    lastResult: failureOf(result, "swap"),
  });
  const versionError = errorFor("version");
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      {intentField}
      {/* The version as the page has it now, also after a refused swap. */}
      <input type="hidden" name="version" value={version} />
      {/* The version has no field of its own: its message (reload) shows above the form. */}
      <FormErrors errors={versionError ? [...formErrors, versionError] : formErrors} />
      <SelectField label="Move" options={people} {...field("first")} />
      <SelectField label="With" options={people} {...field("second")} />
      <Button variant="secondary" disabled={pending}>
        Swap
      </Button>
    </Form>
  );
}

export default function CircleBoard() {
  const { event, round, optIns, circles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = usePending();
  const people = circles.flatMap((c) =>
    c.members.filter((m) => !m.left).map((m) => ({ value: m.userId, label: `${m.name} (circle ${c.number})` })),
  );
  const published = round?.status === "published";
  // A swap's refusal shows beside its fields only while the swap form is on the page; a swap posted
  // to a board without circles (or already published) shows its message at the top instead.
  const swapShown = Boolean(round && !published && circles.length);
  const ownForms = swapShown ? (["settings", "swap"] as const) : (["settings"] as const);
  const boardFailure = isFormFailure(result) && !failureOf(result, ...ownForms) ? result : null;
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Follow-up circles</h1>
      <p>
        Small groups of 4–6 who keep learning together after the day. People opt in on their Circles page (/e/
        {event.slug}/circles).
      </p>
      {boardFailure ? <FormErrors errors={allMessages(boardFailure)} /> : null}
      {/* Published circles keep their settings; a refused change still shows why, beside its field. */}
      {!published || failureOf(result, "settings") ? (
        <section className="card" aria-labelledby="settings-title">
          <h2 id="settings-title">{round ? "Settings" : "Open circles"}</h2>
          <SettingsForm />
        </section>
      ) : null}
      {round ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{published ? "Published circles" : "Preview"}</h2>
          <p>
            {count(optIns, "person", "people")} opted in.
            {published && round.reminderDueAt
              ? ` Reminder ${round.reminderSentAt ? "sent" : "due"} ${new Date(round.reminderSentAt ?? round.reminderDueAt).toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric" })}.`
              : ""}
          </p>
          {!published ? (
            <Form method="post">
              <input type="hidden" name="intent" value="form" />
              <input type="hidden" name="version" value={round.version} />
              <Button variant="secondary" disabled={pending({ intent: "form" })}>
                {circles.length ? "Form again from the opt-ins" : "Form circles"}
              </Button>
            </Form>
          ) : null}
          <div className="circle-grid">
            {circles.map((c) => (
              <div key={c.id}>
                <h3>
                  Circle {c.number}{" "}
                  {published ? <span className="session-meta">· {count(c.posts, "post")}</span> : null}
                </h3>
                <ul className="list-plain post-list">
                  {c.members.map((m) => (
                    <li key={m.userId} className={m.left ? "muted" : undefined}>
                      {m.name}
                      {m.left ? " (left)" : ""}
                      <br />
                      <span className="session-meta">
                        {[m.role, m.school, m.subject, m.gradeBand, m.otherSchools ? "" : "own school"]
                          .filter(Boolean)
                          .join(" · ")}
                      </span>
                    </li>
                  ))}
                </ul>
                {published ? <Link to={`/e/${event.slug}/circles/${c.id}`}>Open circle {c.number}</Link> : null}
              </div>
            ))}
          </div>
          {swapShown ? (
            <>
              <h3>Swap two people</h3>
              <SwapForm version={round.version} people={people} />
              <h3>Publish</h3>
              <p>Members see their circle and get “Meet your circle” by email. Circles cannot be changed afterwards.</p>
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="version" value={round.version} />
                <Button disabled={pending({ intent: "publish" })}>Publish circles</Button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
