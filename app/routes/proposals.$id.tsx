import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { callState } from "~/.server/proposals/call-for-proposals";
import { inviteCoPresenter, removeCoPresenter } from "~/.server/proposals/co-presenters";
import { getProposalForPresenter, getProposalHistory } from "~/.server/proposals/proposal-access";
import {
  confirmProposal,
  saveDraft,
  submitProposal,
  updateProposal,
  withdrawProposal,
} from "~/.server/proposals/proposals";
import { addResource, removeResource } from "~/.server/proposals/resources";
import { canMove, isEditableState, STATE_LABELS, type ProposalState } from "~/.server/proposals/states";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors } from "~/components/forms";
import { ProposalForm } from "~/components/proposal-form";
import { CoPresentersPanel, HistoryPanel, ProposalReadOnly, ResourcesPanel } from "~/components/proposal-panels";
import {
  CoPresenterInviteSchema,
  ProposalDraftSchema,
  ProposalSchema,
  proposalFormValues,
  ResourceSchema,
  splitList,
} from "~/schemas/proposals";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { failureOf, formDataToObject, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.proposal.title || "Untitled draft"} · Dropin` : "Proposal · Dropin" },
];

const OTHER_ACTIONS: Record<string, string> = {
  "proposal.created": "Draft started",
  "proposal.co_presenter_invited": "Co-presenter invited",
  "proposal.co_presenter_joined": "Co-presenter confirmed",
  "proposal.co_presenter_removed": "Co-presenter removed",
  "proposal.resource_added": "Link added",
  "proposal.resource_removed": "Link removed",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [view, history] = await Promise.all([
    guard(getProposalForPresenter(user.id, params.id!)),
    guard(getProposalHistory(user.id, params.id!)),
  ]);
  const { proposal, event, sessionBlocks } = view;
  const state = proposal.state as ProposalState;
  const call = callState(event);
  const blockLabel = new Map(sessionBlocks.map((b) => [b.id, b.label]));
  return {
    ...view,
    stateLabel: STATE_LABELS[state] ?? state,
    callOpen: call === "open",
    callState: call,
    editable: isEditableState(state) && (state === "draft" || call === "open"),
    // Shown only when a page opened before this changed posts an edit anyway.
    lockedReason: !isEditableState(state)
      ? "A decision has been made on this proposal, so it can no longer be edited."
      : `The call for proposals for ${event.name} is closed, so this can no longer be changed.`,
    canConfirm: canMove(state, "confirmed", "presenter"),
    canWithdraw: view.isLead && canMove(state, "withdrawn", "presenter"),
    canInvite: state !== "withdrawn" && state !== "declined",
    hasResources: state === "accepted" || state === "confirmed",
    formValues: proposalFormValues(proposal),
    readOnly: {
      ...proposal,
      audience: splitList(proposal.audience),
      tags: splitList(proposal.tags),
      techNeeds: splitList(proposal.techNeeds),
      unavailableBlocks: splitList(proposal.unavailableBlockIds).map((id) => blockLabel.get(id) ?? "a removed block"),
    },
    history: history.map((h) => ({
      id: h.id,
      who: h.who,
      at: h.at,
      text: h.to
        ? h.to === "submitted" && h.from !== "draft"
          ? "Reopened for changes"
          : STATE_LABELS[h.to]
        : (OTHER_ACTIONS[h.action] ?? "Updated"),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id!;
  // Not their proposal: 403/404 before the form is read, as the page itself does.
  await guard(getProposalForPresenter(user.id, id));
  const here = `/proposals/${id}`;
  const formData = await request.formData();
  const raw = formDataToObject(formData);
  const intent = String(formData.get("intent") ?? "");
  const done = (message: string) => redirectWithToast(here, { kind: "success", message });

  switch (intent) {
    case "autosave": {
      // Answered to a fetcher: the page stays as it is, only "Saved 10:42" changes.
      const draft = ProposalDraftSchema.safeParse(raw);
      if (!draft.success)
        return data({ autosave: true, ok: false, message: "some text is too long." } as const, { status: 400 });
      const saved = await guardForm(raw, saveDraft(user.id, id, draft.data));
      if (!saved.ok) {
        return data({ autosave: true, ok: false, message: saved.result.formErrors[0] ?? "try again." } as const, {
          status: 409,
        });
      }
      return { autosave: true, ok: true, savedAt: saved.value.updatedAt.toISOString() } as const;
    }
    case "save": {
      const draft = parseSubmission(ProposalDraftSchema, formData);
      if (!draft.ok) return invalid(draft);
      const saved = await guardForm(raw, saveDraft(user.id, id, draft.data));
      if (!saved.ok) return invalid(saved.result);
      return done("Draft saved.");
    }
    case "submit":
    case "update": {
      const submission = parseSubmission(ProposalSchema, formData);
      if (!submission.ok) return invalid(submission);
      const work =
        intent === "submit"
          ? submitProposal(user.id, id, submission.data)
          : updateProposal(user.id, id, submission.data);
      const result = await guardForm(raw, work);
      if (!result.ok) return invalid(result.result);
      return done(intent === "submit" ? "Proposal submitted. We emailed you a receipt." : "Changes saved.");
    }
    case "withdraw":
    case "confirm": {
      const work = intent === "withdraw" ? withdrawProposal(user.id, id) : confirmProposal(user.id, id);
      const result = await guardForm(raw, work);
      if (!result.ok) return invalid(result.result);
      return done(intent === "withdraw" ? "Your proposal is withdrawn." : "Thank you: your session is confirmed.");
    }
    case "invite": {
      const submission = parseSubmission(CoPresenterInviteSchema, formData);
      if (!submission.ok) return invalid(submission);
      const result = await guardForm(raw, inviteCoPresenter(user.id, id, submission.data));
      if (!result.ok) return invalid(result.result);
      return done(`Invitation sent to ${submission.data.email}.`);
    }
    case "remove-co-presenter": {
      const removed = await guard(removeCoPresenter(user.id, id, String(formData.get("coPresenterId") ?? "")));
      return done(`${removed.email} is no longer a co-presenter.`);
    }
    case "add-resource": {
      const submission = parseSubmission(ResourceSchema, formData);
      if (!submission.ok) return invalid(submission);
      const result = await guardForm(raw, addResource(user.id, id, submission.data));
      if (!result.ok) return invalid(result.result);
      return done(`Link “${submission.data.label}” added.`);
    }
    case "remove-resource": {
      const removed = await guard(removeResource(user.id, id, String(formData.get("resourceId") ?? "")));
      return done(`Link “${removed.label}” removed.`);
    }
    default:
      throw data({ message: "That button did not say what to do. Reload the page and try again." }, { status: 400 });
  }
}

/** Autosave answers a fetcher; posted as a page (a crafted post), its message still shows. */
function autosaveFailure(result: unknown): string[] {
  if (typeof result !== "object" || result === null || !("autosave" in result) || !("message" in result)) return [];
  return [`Your draft was not saved: ${String(result.message)}`];
}

export default function ProposalPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { proposal, event } = page;
  const decisionFailure = failureOf(result, "withdraw", "confirm");
  const deciding = usePending()({ intent: ["withdraw", "confirm"] });
  const editFailure = failureOf(result, "save", "submit", "update");
  return (
    <>
      <p>
        <Link to="/proposals">← My proposals</Link>
      </p>
      <div className="page-head">
        <h1>{proposal.title || "Untitled draft"}</h1>
        <span className={`tag tag-state-${proposal.state}`}>{page.stateLabel}</span>
      </div>
      <p className="muted">
        {event.name} · {formatEventDate(event.date)} · lead presenter {page.presenter.name}
      </p>

      {page.canConfirm ? (
        <section className="card card-highlight" aria-labelledby="confirm-title">
          <h2 id="confirm-title">Your session is accepted</h2>
          <p>Please confirm that you will present it, or withdraw it if you can’t.</p>
          <FormErrors errors={decisionFailure?.formErrors ?? []} />
          <Form method="post" className="form-actions">
            <Button name="intent" value="confirm" disabled={deciding}>
              Confirm I’ll present
            </Button>
            {page.canWithdraw ? (
              <Button name="intent" value="withdraw" variant="danger" disabled={deciding}>
                Withdraw
              </Button>
            ) : null}
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="proposal-title">
        <h2 id="proposal-title">Your proposal</h2>
        <FormErrors errors={autosaveFailure(result)} />
        {page.editable ? (
          <>
            {proposal.state === "draft" ? (
              <p className="muted">
                {page.callOpen
                  ? "Your draft saves as you type. Submit it when it is ready; you can still edit it until the call closes."
                  : page.callState === "not_yet"
                    ? "The call for proposals has not opened yet. Your draft is kept until it does."
                    : "The call for proposals is closed, so this draft can no longer be submitted."}
              </p>
            ) : (
              <p className="muted">
                You can edit your proposal until the call closes on{" "}
                {event.proposalsCloseOn ?? "the day the PD team decides"}.
              </p>
            )}
            <ProposalForm
              state={proposal.state as "draft" | "submitted"}
              defaults={page.formValues}
              lastResult={editFailure}
              subjectTags={page.subjectTags}
              sessionBlocks={page.sessionBlocks}
              timeZone={event.timeZone}
              canSubmit={page.callOpen}
            />
          </>
        ) : editFailure ? (
          // An edit posted from a page opened before the decision (or before the call
          // closed): it is refused, but what was typed and what was wrong come back.
          <ProposalForm
            state="submitted"
            defaults={page.formValues}
            lastResult={editFailure}
            subjectTags={page.subjectTags}
            sessionBlocks={page.sessionBlocks}
            timeZone={event.timeZone}
            canSubmit={false}
            locked={page.lockedReason}
          />
        ) : (
          <ProposalReadOnly proposal={page.readOnly} />
        )}
      </section>

      {page.hasResources ? (
        <ResourcesPanel resources={page.resources} lastResult={failureOf(result, "add-resource")} />
      ) : null}

      <CoPresentersPanel
        coPresenters={page.coPresenters.map((c) => ({ ...c, userName: c.user?.name ?? null }))}
        isLead={page.isLead}
        canInvite={page.canInvite}
        lastResult={failureOf(result, "invite")}
      />

      <HistoryPanel entries={page.history} timeZone={event.timeZone} />

      {page.canWithdraw && !page.canConfirm ? (
        <section className="card" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">Withdraw</h2>
          <p className="muted">Changed your mind? Withdrawing cannot be undone.</p>
          <FormErrors errors={decisionFailure?.formErrors ?? []} />
          <Form method="post">
            <Button name="intent" value="withdraw" variant="danger" disabled={deciding}>
              Withdraw this proposal
            </Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
