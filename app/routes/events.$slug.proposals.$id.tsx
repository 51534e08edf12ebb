import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findEventBySlug } from "~/.server/events/permissions";
import { decide, reopen, unstage } from "~/.server/proposals/decisions";
import { getProposalForReview, saveReview } from "~/.server/proposals/review";
import { STATE_LABELS, type ProposalState } from "~/.server/proposals/states";
import { Button } from "~/components/button";
import { ChangeList } from "~/components/change-list";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors, TextareaField } from "~/components/forms";
import { Facts, proposalFacts } from "~/components/proposal-panels";
import { DECISION_FOR_INTENT, DECISION_INTENTS, ReviewSchema, SingleDecisionSchema } from "~/schemas/review";
import { requireUser } from "~/utils/auth.server";
import { formatTimestamp } from "~/utils/dates";
import { failure, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { count } from "~/utils/plural";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.proposal.title} · Review · Dropin` : "Proposal · Dropin" },
];

const stateLabel = (state: unknown) => STATE_LABELS[state as ProposalState] ?? String(state);

/** One line per audit entry, in words a coordinator reads at a glance. */
function describe(action: string, detail: Record<string, unknown>) {
  if (action === "proposal.decision_staged") return `staged “${stateLabel(detail.staged)}” (not sent yet)`;
  if (action === "proposal.reopened") return "reopened it for editing";
  if (typeof detail.from === "string" && typeof detail.to === "string") {
    return `moved it from “${stateLabel(detail.from)}” to “${stateLabel(detail.to)}”`;
  }
  return action.replace(/^proposal\./, "").replace(/[._]/g, " ");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  const review = await guard(getProposalForReview(user.id, event.id, params.id!));
  const { proposal } = review;
  return {
    ...review,
    event: { slug: event.slug, name: event.name, timeZone: event.timeZone },
    stateLabel: stateLabel(proposal.state),
    stagedLabel: proposal.stagedDecision ? stateLabel(proposal.stagedDecision) : null,
    canReopen: ["accepted", "waitlisted", "declined"].includes(proposal.state),
    history: review.history.map((h) => ({
      id: h.id,
      who: h.actor?.name ?? "Dropin",
      what: describe(h.action, h.detail),
      at: h.createdAt,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  const id = params.id!;
  const here = `/events/${event.slug}/proposals/${id}`;
  // Confirms the proposal belongs to this event before anything is changed.
  await guard(getProposalForReview(user.id, event.id, id));
  const formData = await request.formData();
  const raw = formDataToObject(formData);

  switch (raw.intent) {
    case "review": {
      const submission = parseSubmission(ReviewSchema, formData);
      if (!submission.ok) return invalid(submission);
      await guard(saveReview(user.id, id, submission.data));
      return redirectWithToast(here, { kind: "success", message: "Your note and score are saved." });
    }
    case "reopen": {
      const done = await guardForm(raw, reopen(user.id, id));
      if (!done.ok) return invalid(done.result);
      return redirectWithToast(here, {
        kind: "success",
        message: "Reopened: it is “Submitted” again and its presenters can edit it.",
      });
    }
    case "unstage": {
      await guard(unstage(user.id, [id]));
      return redirectWithToast(here, { kind: "info", message: "The staged decision is cleared." });
    }
    case "accept":
    case "waitlist":
    case "decline": {
      const submission = parseSubmission(SingleDecisionSchema, formData);
      if (!submission.ok) return invalid(submission);
      const decision = DECISION_FOR_INTENT[submission.data.intent];
      const done = await guardForm(raw, decide(user.id, [id], decision, { stage: submission.data.stage }));
      if (!done.ok) return invalid(done.result);
      return redirectWithToast(here, {
        kind: "success",
        message: submission.data.stage
          ? `Staged “${stateLabel(decision)}”. Nothing is sent until you release staged decisions on the board.`
          : `Marked “${stateLabel(decision)}”; ${count(done.value.messages, "message")} sent.`,
      });
    }
    default:
      return invalid(failure(raw, { formErrors: ["Choose what to do."] }));
  }
}

export default function ReviewProposal() {
  const data = useLoaderData<typeof loader>();
  const { proposal, event, canDecide } = data;
  const lastResult = useActionData<typeof action>();
  const failed = isFormFailure(lastResult) ? lastResult : null;
  const reviewFailed = failed?.values.intent === "review" ? failed : null;
  const decisionErrors = failed && failed.values.intent !== "review" ? failed.formErrors : [];
  const pending = usePending();
  const deciding = pending({ intent: DECISION_INTENTS });
  const {
    form,
    field,
    onSubmit,
    values,
    pending: reviewing,
    intentField,
  } = useValidatedForm(ReviewSchema, {
    intent: "review",
    defaultValues: {
      score: data.myReview?.score ? String(data.myReview.score) : "",
      note: data.myReview?.note ?? "",
    },
    lastResult: reviewFailed,
  });
  const scoreError =
    reviewFailed?.fieldErrors.score?.[0] ?? (form.formState.errors.score?.message as string | undefined);

  return (
    <>
      <p>
        <Link to={`/events/${event.slug}/proposals`}>← All proposals</Link>
      </p>
      <div className="page-head">
        <h1>{proposal.title}</h1>
        <p style={{ margin: 0 }}>
          <span className={`tag tag-state-${proposal.state}`}>{data.stateLabel}</span>{" "}
          {data.stagedLabel ? <span className="tag tag-staged">Staged: {data.stagedLabel}</span> : null}
        </p>
      </div>

      <section className="card" aria-labelledby="proposal-title">
        <h2 id="proposal-title">The proposal</h2>
        <Facts
          rows={[
            [
              "Presenter",
              `${data.presenter.name} (${data.presenter.email}${data.presenter.school ? `, ${data.presenter.school}` : ""})`,
            ],
            [
              "Co-presenters",
              data.coPresenters
                .map((c) => `${c.name || c.email}${c.confirmed ? "" : " (invited, not confirmed)"}`)
                .join(", ") || "—",
            ],
            ...proposalFacts(proposal),
            ["Submitted", proposal.submittedAt ? formatTimestamp(proposal.submittedAt, event.timeZone) : "—"],
          ]}
        />
        {data.resources.length > 0 ? (
          <>
            <h3>Resources</h3>
            <ul>
              {data.resources.map((r) => (
                <li key={r.id}>
                  <a href={r.url} rel="noreferrer noopener" target="_blank">
                    {r.label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {canDecide ? (
        <section className="card" aria-labelledby="decision-title">
          <h2 id="decision-title">Decision</h2>
          <FormErrors errors={decisionErrors} />
          <Form method="post">
            <div className="bulk-buttons">
              <Button name="intent" value="accept" disabled={deciding}>
                Accept
              </Button>
              <Button name="intent" value="waitlist" variant="secondary" disabled={deciding}>
                Waitlist
              </Button>
              <Button name="intent" value="decline" variant="secondary" disabled={deciding}>
                Decline
              </Button>
            </div>
            <div className="check">
              <input type="checkbox" id="decision-stage" name="stage" />
              <label htmlFor="decision-stage">Stage instead of sending now (release it later from the board)</label>
            </div>
          </Form>
          {data.stagedLabel || data.canReopen ? (
            <Form method="post" className="form-actions">
              {data.stagedLabel ? (
                <Button
                  name="intent"
                  value="unstage"
                  variant="secondary"
                  disabled={pending({ intent: ["unstage", "reopen"] })}
                >
                  Clear staged decision
                </Button>
              ) : null}
              {data.canReopen ? (
                <Button
                  name="intent"
                  value="reopen"
                  variant="secondary"
                  disabled={pending({ intent: ["unstage", "reopen"] })}
                >
                  Reopen for editing
                </Button>
              ) : null}
            </Form>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Review team notes</h2>
        <p className="muted">Only coordinators and reviewers see these; presenters never do.</p>
        <p>
          {data.averageScore === null
            ? "Not scored yet."
            : `Average score ${data.averageScore} from ${count(data.reviews.filter((r) => r.score !== null).length, "score")}.`}
        </p>
        {data.reviews.length > 0 ? (
          <ul className="list-plain">
            {data.reviews.map((r) => (
              <li key={r.id}>
                <strong>{r.mine ? `${r.reviewer.name} (you)` : r.reviewer.name}</strong>
                {r.score !== null ? ` · score ${r.score}` : " · no score"}{" "}
                <span className="muted">· {formatTimestamp(r.updatedAt, event.timeZone)}</span>
                {r.note ? <p className="review-note">{r.note}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}

        <h3 id="my-review-title">Your note and score</h3>
        <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="my-review-title">
          <FormErrors errors={reviewFailed?.formErrors ?? []} />
          <fieldset className="score-choices" aria-describedby={scoreError ? "score-error" : undefined}>
            <legend>Score (optional)</legend>
            {["1", "2", "3", "4", "5"].map((n) => (
              <span className="check" key={n}>
                <input
                  type="radio"
                  id={`score-${n}`}
                  value={n}
                  defaultChecked={values.score === n}
                  {...form.register("score")}
                />
                <label htmlFor={`score-${n}`}>{n}</label>
              </span>
            ))}
            <span className="check">
              <input type="radio" id="score-none" value="" defaultChecked={!values.score} {...form.register("score")} />
              <label htmlFor="score-none">No score</label>
            </span>
            <p className="field-hint">1 = not for this day, 5 = must have.</p>
            {scoreError ? (
              <p id="score-error" className="field-error">
                {scoreError}
              </p>
            ) : null}
          </fieldset>
          <TextareaField label="Note" hint="Private to the review team." rows={4} {...field("note")} />
          <div className="form-actions">
            {intentField}
            <Button disabled={reviewing}>Save my review</Button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ChangeList changes={data.history} timeZone={event.timeZone} empty="No changes recorded yet." />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
