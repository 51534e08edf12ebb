// The teacher's proposal form. Inputs are uncontrolled, so nothing typed is ever
// reset by a re-render, a failed submit or an autosave. With JavaScript, drafts
// save themselves a moment after each change; without it, "Save draft" does.
import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  DETAILS_MAX,
  EXPERIENCE_LABELS,
  EXPERIENCE_LEVELS,
  FORMAT_LABELS,
  FORMATS,
  LENGTH_LABELS,
  NOTES_MAX,
  ProposalSchema,
  SUMMARY_MAX,
  TECH_NEED_LABELS,
  TECH_NEEDS,
  TITLE_MAX,
} from "~/schemas/proposals";
import { formDataToObject, issuesToErrors, type FieldErrors, type FormFailure, type FormValues } from "~/utils/forms";
import { Button } from "./button";
import { ChoiceGroup } from "./choice-group";
import { ErrorSummary, Field, FormErrors, SelectField, TextareaField } from "./forms";
import { useAutosave } from "./use-autosave";
import { usePending } from "~/utils/use-pending";

function asList(value: string | string[] | undefined) {
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}

function asText(value: string | string[] | undefined) {
  return typeof value === "string" ? value : "";
}

export function ProposalForm({
  state,
  defaults,
  lastResult,
  subjectTags,
  sessionBlocks,
  timeZone,
  canSubmit,
  locked,
}: {
  state: "draft" | "submitted";
  defaults: FormValues;
  lastResult: FormFailure | null;
  subjectTags: string[];
  sessionBlocks: ReadonlyArray<{ id: string; label: string; startTime: string; endTime: string }>;
  timeZone: string;
  /** The call is open: a draft may be submitted. */
  canSubmit: boolean;
  /**
   * Why this proposal can no longer be edited, when a stale page posted to it: the
   * form comes back with what was typed and its errors, to copy, with no buttons.
   */
  locked?: string;
}) {
  const values: FormValues = { ...defaults, ...lastResult?.values };
  const [errors, setErrors] = useState<FieldErrors>(lastResult?.fieldErrors ?? {});
  // A new answer from the server replaces the messages (React's "adjust state on prop change").
  const [answered, setAnswered] = useState(lastResult);
  if (answered !== lastResult) {
    setAnswered(lastResult);
    setErrors(lastResult?.fieldErrors ?? {});
  }
  const { formRef, schedule, cancel, status } = useAutosave(state === "draft" && !locked, timeZone);
  const busy = usePending()({ intent: ["submit", "save", "update"] });
  const error = (name: string) => errors[name]?.[0];

  // Submitting checks everything in the browser first, with the server's schema;
  // saving a draft checks nothing.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    cancel();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value !== "submit" && submitter?.value !== "update") return;
    const parsed = ProposalSchema.safeParse(formDataToObject(new FormData(event.currentTarget)));
    if (parsed.success) return;
    event.preventDefault();
    const fieldErrors = issuesToErrors(parsed.error.issues).fieldErrors;
    setErrors(fieldErrors);
    // Take the keyboard to the first thing to fix, as a server round trip would not.
    const first = Object.keys(fieldErrors)[0];
    if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  // Fixing a field clears its message; the rest stay until the next submit.
  function onChange(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (errors[name]) setErrors(({ [name]: _cleared, ...rest }) => rest);
    schedule();
  }

  const errorCount = Object.keys(errors).filter((k) => errors[k]?.length).length;
  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} onChange={onChange} className="proposal-form">
      <ErrorSummary count={errorCount} />
      {/* Locked: the server's refusal says the same as `locked`, so one alert, not two. */}
      <FormErrors
        errors={
          locked
            ? [`${locked} Nothing was saved: what you typed is below so you can copy it.`]
            : (lastResult?.formErrors ?? [])
        }
      />
      <Field
        label="Title"
        name="title"
        maxLength={TITLE_MAX}
        defaultValue={asText(values.title)}
        error={error("title")}
        hint="Plain and specific, e.g. “Number talks for fluency”."
      />
      <TextareaField
        label="Short description"
        name="summary"
        rows={3}
        maxLength={SUMMARY_MAX}
        defaultValue={asText(values.summary)}
        error={error("summary")}
        hint={`Shown on the schedule, so colleagues can choose. Up to ${SUMMARY_MAX} characters.`}
      />
      <TextareaField
        label="Details for reviewers"
        name="details"
        rows={6}
        maxLength={DETAILS_MAX}
        defaultValue={asText(values.details)}
        error={error("details")}
        hint="What participants will do and take away. Only the PD team reads this."
      />
      <ChoiceGroup
        legend="Who is it for?"
        name="audience"
        hint="Choose every grade band that fits."
        options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
        checked={asList(values.audience)}
        error={error("audience")}
      />
      {subjectTags.length > 0 ? (
        <ChoiceGroup
          legend="Subjects (optional)"
          name="tags"
          options={subjectTags.map((t) => ({ value: t, label: t }))}
          checked={asList(values.tags)}
          error={error("tags")}
        />
      ) : null}
      <div className="form-row">
        <SelectField
          label="Format"
          name="format"
          options={FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          defaultValue={asText(values.format) || "hands_on"}
          error={error("format")}
        />
        <SelectField
          label="Experience level"
          name="experienceLevel"
          options={EXPERIENCE_LEVELS.map((l) => ({ value: l, label: EXPERIENCE_LABELS[l] }))}
          defaultValue={asText(values.experienceLevel) || "any"}
          error={error("experienceLevel")}
        />
      </div>
      <ChoiceGroup
        legend="Length"
        name="lengthBlocks"
        type="radio"
        options={(["1", "2"] as const).map((n) => ({ value: n, label: LENGTH_LABELS[n] }))}
        checked={[asText(values.lengthBlocks) || "1"]}
        error={error("lengthBlocks")}
      />
      <Field
        label="Most participants you can take (optional)"
        name="maxParticipants"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        defaultValue={asText(values.maxParticipants)}
        error={error("maxParticipants")}
        hint="Leave blank if the room size is fine."
      />
      <ChoiceGroup
        legend="What you need (optional)"
        name="techNeeds"
        options={TECH_NEEDS.map((t) => ({ value: t, label: TECH_NEED_LABELS[t] }))}
        checked={asList(values.techNeeds)}
        error={error("techNeeds")}
      />
      {sessionBlocks.length > 0 ? (
        <ChoiceGroup
          legend="When you can't present (optional)"
          name="unavailableBlockIds"
          hint="Tick a block if you also teach or attend a session in it."
          options={sessionBlocks.map((b) => ({
            value: b.id,
            label: `I also teach or attend in ${b.label} (${b.startTime}–${b.endTime})`,
          }))}
          checked={asList(values.unavailableBlockIds)}
          error={error("unavailableBlockIds")}
        />
      ) : null}
      <div className="field choice-single">
        <label className="choice">
          <input type="checkbox" name="willingToRepeat" defaultChecked={asText(values.willingToRepeat) === "on"} />
          <span>I’m willing to run this session twice</span>
        </label>
      </div>
      <TextareaField
        label="Notes to the coordinator (optional)"
        name="notesToCoordinator"
        rows={3}
        maxLength={NOTES_MAX}
        defaultValue={asText(values.notesToCoordinator)}
        error={error("notesToCoordinator")}
      />
      {locked ? null : (
        <div className="form-actions">
          {state === "draft" ? (
            <>
              {canSubmit ? (
                <Button name="intent" value="submit" disabled={busy}>
                  Submit proposal
                </Button>
              ) : null}
              <Button name="intent" value="save" variant="secondary" disabled={busy}>
                Save draft
              </Button>
            </>
          ) : (
            <Button name="intent" value="update" disabled={busy}>
              Save changes
            </Button>
          )}
          <p className="autosave-status muted" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      )}
    </Form>
  );
}
