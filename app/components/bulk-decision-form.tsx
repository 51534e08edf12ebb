// The proposal board's bulk decision: one form around the whole list, so each
// proposal's checkbox sits on its card and the buttons post the ticked ones. Checked
// in the browser by the same schema as the action (useValidatedForm); the pressed
// button's intent is added by the post. The route keys it by navigation: after a
// decision redirects back the ticks clear, after a refusal they stay.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { BULK_INTENTS, BulkSelectionSchema } from "~/schemas/review";
import type { FormFailure } from "~/utils/forms";
import { useValidatedForm } from "~/utils/use-validated-form";
import { Button } from "./button";
import { FormErrors } from "./forms";

export function BulkDecisionForm({
  lastResult,
  canDecide,
  stagedCount,
  children,
}: {
  lastResult: FormFailure | null;
  canDecide: boolean;
  stagedCount: number;
  /** The list; `select` gives a proposal's checkbox (nothing for someone who cannot decide). */
  children: (select: (proposal: { id: string; title: string }) => ReactNode) => ReactNode;
}) {
  const { form, errorFor, onSubmit, values, pending, formErrors } = useValidatedForm(BulkSelectionSchema, {
    lastResult,
    posts: { intent: BULK_INTENTS },
  });
  const kept = values.ids;
  const keptIds = new Set(Array.isArray(kept) ? kept : kept ? [kept] : []);
  const idError = errorFor("ids");
  // A post without a button's intent (not one of this form's buttons) is answered on the intent.
  const errors = [...formErrors, ...(errorFor("intent") ? [errorFor("intent")!] : [])];

  const select = ({ id, title }: { id: string; title: string }) =>
    canDecide ? (
      <input
        type="checkbox"
        {...form.register("ids")}
        value={id}
        id={`select-${id}`}
        defaultChecked={keptIds.has(id)}
        aria-label={`Select “${title}”`}
        aria-invalid={idError ? true : undefined}
        aria-describedby={idError ? "bulk-ids-error" : undefined}
      />
    ) : null;

  return (
    <Form method="post" className="board-form" noValidate onSubmit={onSubmit}>
      {canDecide ? (
        <fieldset className="card bulk-bar">
          <legend>With the selected proposals</legend>
          <FormErrors errors={errors} />
          {idError ? (
            // Announced: the checkboxes it is about are down the list, not beside it.
            <p id="bulk-ids-error" className="field-error" role="alert">
              {idError}
            </p>
          ) : null}
          <div className="bulk-buttons">
            <Button name="intent" value="accept" disabled={pending}>
              Accept selected
            </Button>
            <Button name="intent" value="waitlist" variant="secondary" disabled={pending}>
              Waitlist selected
            </Button>
            <Button name="intent" value="decline" variant="secondary" disabled={pending}>
              Decline selected
            </Button>
            {stagedCount > 0 ? (
              <Button name="intent" value="unstage" variant="link" disabled={pending}>
                Clear staged decision
              </Button>
            ) : null}
          </div>
          <div className="check">
            <input type="checkbox" id="bulk-stage" {...form.register("stage")} defaultChecked={values.stage === "on"} />
            <label htmlFor="bulk-stage">Stage for release instead of sending now (no mail until you release)</label>
          </div>
        </fieldset>
      ) : null}
      {children(select)}
    </Form>
  );
}
