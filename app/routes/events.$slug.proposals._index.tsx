import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import { findEventBySlug } from "~/.server/events/permissions";
import { decide, releaseStaged, sendDraftReminders, unstage } from "~/.server/proposals/decisions";
import { listBoard } from "~/.server/proposals/review";
import { STATE_LABELS, type ProposalState } from "~/.server/proposals/states";
import { BulkDecisionForm } from "~/components/bulk-decision-form";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field, SelectField } from "~/components/forms";
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  FORMAT_LABELS,
  FORMATS,
  TECH_NEED_LABELS,
  TECH_NEEDS,
  type Audience,
  type Format,
} from "~/schemas/proposals";
import {
  BOARD_SORT_LABELS,
  BOARD_SORTS,
  BOARD_STATES,
  BulkDecisionSchema,
  DECISION_FOR_INTENT,
  parseBoardFilters,
} from "~/schemas/review";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Proposals · ${data.event.name} · Dropin` : "Proposals · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(findEventBySlug(params.slug!));
  const filters = parseBoardFilters(new URL(request.url).searchParams);
  const board = await guard(listBoard(user.id, event.id, filters));
  return {
    event: { slug: event.slug, name: event.name },
    filters,
    ...board,
    proposals: board.proposals.map((p) => ({ ...p, stateLabel: STATE_LABELS[p.state as ProposalState] ?? p.state })),
    stateOptions: BOARD_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] })),
    stagedLabels: { accepted: "accept", waitlisted: "waitlist", declined: "decline" } as Record<string, string>,
  };
}

/** Back to the board as the coordinator left it: same filters, same sort. */
function boardUrl(request: Request, slug: string) {
  const search = new URL(request.url).searchParams;
  search.delete("index");
  const query = search.toString();
  return `/events/${slug}/proposals${query ? `?${query}` : ""}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Refused before the form is read: only this PD day's coordinators decide.
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const back = boardUrl(request, event.slug);
  const intent = formData.get("intent");

  if (intent === "release") {
    const result = await guard(releaseStaged(user.id, event.id));
    const skipped = result.skipped.length > 0 ? ` Skipped (its presenter withdrew): ${result.skipped.join(", ")}.` : "";
    return redirectWithToast(back, {
      kind: "success",
      message: `Released ${plural(result.released, "decision")}; ${plural(result.messages, "message")} sent.${skipped}`,
    });
  }
  if (intent === "remind") {
    const sent = await guard(sendDraftReminders(user.id, event.id));
    return redirectWithToast(back, { kind: "success", message: `Sent ${plural(sent, "reminder")} to finish a draft.` });
  }

  const submission = parseSubmission(BulkDecisionSchema, formData);
  if (!submission.ok) return invalid(submission);
  const { intent: bulkIntent, ids, stage } = submission.data;
  if (bulkIntent === "unstage") {
    const cleared = await guardForm(formDataToObject(formData), unstage(user.id, ids));
    if (!cleared.ok) return invalid(cleared.result);
    return redirectWithToast(back, {
      kind: "info",
      message: `Cleared the staged decision on ${plural(cleared.value, "proposal")}.`,
    });
  }
  const decision = DECISION_FOR_INTENT[bulkIntent];
  const decided = await guardForm(formDataToObject(formData), decide(user.id, ids, decision, { stage }));
  if (!decided.ok) return invalid(decided.result);
  const { messages } = decided.value;
  return redirectWithToast(back, {
    kind: "success",
    message: stage
      ? `Staged: ${bulkIntent} ${plural(ids.length, "proposal")}. Nothing is sent until you release.`
      : `${plural(ids.length, "proposal")} ${decision}; ${plural(messages, "message")} sent.`,
  });
}

export default function ProposalBoard() {
  const data = useLoaderData<typeof loader>();
  const { event, filters, proposals, canDecide } = data;
  const lastResult = useActionData<typeof action>();
  const failure = isFormFailure(lastResult) ? lastResult : null;
  const location = useLocation();
  const pending = usePending();
  const filtered = Object.entries(filters).some(([key, value]) => key !== "sort" && value);

  return (
    <>
      <p>
        <Link to={canDecide ? `/events/${event.slug}` : "/events"}>← {canDecide ? event.name : "PD days"}</Link>
      </p>
      <div className="page-head">
        <h1>Proposals</h1>
        <p className="muted" style={{ margin: 0 }}>
          {plural(data.total, "proposal")} to review
          {data.draftCount > 0 ? ` · ${plural(data.draftCount, "draft")} not submitted yet` : ""}
        </p>
      </div>

      {canDecide && (data.stagedCount > 0 || data.draftCount > 0) ? (
        <div className="card board-release">
          {data.stagedCount > 0 ? (
            <Form method="post" className="inline-form">
              <p>
                {plural(data.stagedCount, "decision is", "decisions are")} staged. Presenters hear nothing until you
                release them, all at once.
              </p>
              <Button name="intent" value="release" disabled={pending({ intent: "release" })}>
                Release {plural(data.stagedCount, "staged decision")}
              </Button>
            </Form>
          ) : null}
          {data.draftCount > 0 ? (
            <Form method="post" className="inline-form">
              <Button variant="secondary" name="intent" value="remind" disabled={pending({ intent: "remind" })}>
                Remind {plural(data.draftCount, "draft author")} to submit
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section className="card" aria-labelledby="filters-title">
        <h2 id="filters-title">Filter and sort</h2>
        {/* A GET form: filters live in the URL, so a filtered board can be bookmarked or shared. */}
        <Form method="get" key={location.search} role="search" aria-labelledby="filters-title">
          <div className="form-row board-filters">
            <SelectField
              label="State"
              name="state"
              defaultValue={filters.state ?? ""}
              options={[{ value: "", label: "Any state" }, ...data.stateOptions]}
            />
            <SelectField
              label="Audience"
              name="audience"
              defaultValue={filters.audience ?? ""}
              options={[
                { value: "", label: "Any audience" },
                ...AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] })),
              ]}
            />
            {data.subjectTags.length > 0 ? (
              <SelectField
                label="Subject"
                name="tag"
                defaultValue={filters.tag ?? ""}
                options={[
                  { value: "", label: "Any subject" },
                  ...data.subjectTags.map((t) => ({ value: t, label: t })),
                ]}
              />
            ) : null}
            <SelectField
              label="Format"
              name="format"
              defaultValue={filters.format ?? ""}
              options={[
                { value: "", label: "Any format" },
                ...FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] })),
              ]}
            />
            <SelectField
              label="Needs"
              name="tech"
              defaultValue={filters.tech ?? ""}
              options={[
                { value: "", label: "Any needs" },
                ...TECH_NEEDS.map((t) => ({ value: t, label: TECH_NEED_LABELS[t] })),
              ]}
            />
            <Field label="Presenter" name="presenter" hint="Name or email" defaultValue={filters.presenter ?? ""} />
            <Field
              label="Search"
              type="search"
              name="q"
              hint="Titles and descriptions"
              defaultValue={filters.q ?? ""}
            />
            <SelectField
              label="Sort"
              name="sort"
              defaultValue={filters.sort}
              options={BOARD_SORTS.map((s) => ({ value: s, label: BOARD_SORT_LABELS[s] }))}
            />
          </div>
          <div className="form-actions">
            <Button variant="secondary">Apply filters</Button>
            {filtered ? <Link to={`/events/${event.slug}/proposals?sort=${filters.sort}`}>Clear filters</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title">
          {filtered ? `${plural(proposals.length, "match", "matches")}` : `All proposals (${proposals.length})`}
        </h2>
        {proposals.length === 0 ? (
          <p className="card">
            {filtered ? "No proposal matches these filters." : "No proposals have been submitted yet."}
          </p>
        ) : (
          // Keyed by navigation: after a decision redirects back, the ticks clear; after a refusal they stay.
          <BulkDecisionForm
            key={location.key}
            lastResult={failure}
            canDecide={canDecide}
            stagedCount={data.stagedCount}
          >
            {(select) => (
              <ul className="board-list" aria-label="Proposals">
                {proposals.map((p) => (
                  <li key={p.id} className="card board-item">
                    {select(p)}
                    <div className="board-item-body">
                      <h3>
                        <Link to={`/events/${event.slug}/proposals/${p.id}`}>{p.title}</Link>
                      </h3>
                      <p className="board-meta">
                        <span className={`tag tag-state-${p.state}`}>{p.stateLabel}</span>
                        {p.stagedDecision ? (
                          <span className="tag tag-staged">
                            Staged: {data.stagedLabels[p.stagedDecision] ?? p.stagedDecision}
                          </span>
                        ) : null}
                      </p>
                      <p className="board-meta">
                        {p.presenterName}
                        {p.coPresenters.length > 0 ? ` with ${p.coPresenters.map((c) => c.name).join(", ")}` : ""}
                      </p>
                      <p className="board-meta muted">
                        {p.audience.map((a) => AUDIENCE_LABELS[a as Audience] ?? a).join(", ") || "No audience given"} ·{" "}
                        {FORMAT_LABELS[p.format as Format] ?? p.format}
                        {p.tags.length > 0 ? ` · ${p.tags.join(", ")}` : ""}
                      </p>
                      <p className="board-meta">
                        {p.averageScore === null
                          ? "Not scored yet"
                          : `Average score ${p.averageScore} (${plural(p.reviewCount, "review")})`}
                        {p.myScore !== null ? ` · Your score ${p.myScore}` : ""}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </BulkDecisionForm>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
