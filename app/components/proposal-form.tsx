// The teacher's proposal form. Inputs are uncontrolled, so nothing typed is ever
// reset by a re-render, a failed submit or an autosave. With JavaScript, drafts
// save themselves a moment after each change; without it, "Save draft" does.
import { Form } from "@remix-run/react";
import { useMemo } from "react";
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
import type { FormFailure, FormValues } from "~/utils/forms";
import { useValidatedForm } from "~/utils/use-validated-form";
import { Button } from "./button";
import { ChoiceGroup } from "./choice-group";
import { ErrorSummary, Field, FormErrors, SelectField, TextareaField } from "./forms";
import { useAutosave } from "./use-autosave";

function asList(value: string | string[] | undefined) {
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}

// A group with one box ticked posts one string; react-hook-form would tick every
// box of a group for a string, so the groups' values always go to it as lists.
const LIST_FIELDS = ["audience", "tags", "techNeeds", "unavailableBlockIds"] as const;

function withLists(result: FormFailure | null): FormFailure | null {
  if (!result) return null;
  const values = { ...result.values };
  for (const name of LIST_FIELDS) values[name] = asList(values[name]);
  return { ...result, values };
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
  const { formRef, schedule, cancel, status } = useAutosave(state === "draft" && !locked, timeZone);
  // Submitting checks everything in the browser first, with the server's schema
  // (and takes the keyboard to the first thing to fix); saving a draft checks nothing.
  // A message shows from the first submit on, and goes as its field is fixed.
  const failed = useMemo(() => withLists(lastResult), [lastResult]);
  const { form, field, errorFor, errorCount, onSubmit, values, pending } = useValidatedForm(ProposalSchema, {
    defaultValues: defaults,
    lastResult: failed,
    posts: { intent: ["submit", "save", "update"] },
    checks: (submitter) => submitter?.value === "submit" || submitter?.value === "update",
    mode: "onSubmit",
  });
  return (
    <Form
      method="post"
      noValidate
      ref={formRef}
      onSubmit={(event) => {
        cancel();
        onSubmit(event);
      }}
      onChange={schedule}
      className="proposal-form"
    >
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
        {...field("title")}
        maxLength={TITLE_MAX}
        hint="Plain and specific, e.g. “Number talks for fluency”."
      />
      <TextareaField
        label="Short description"
        {...field("summary")}
        rows={3}
        maxLength={SUMMARY_MAX}
        hint={`Shown on the schedule, so colleagues can choose. Up to ${SUMMARY_MAX} characters.`}
      />
      <TextareaField
        label="Details for reviewers"
        {...field("details")}
        rows={6}
        maxLength={DETAILS_MAX}
        hint="What participants will do and take away. Only the PD team reads this."
      />
      <ChoiceGroup
        legend="Who is it for?"
        name="audience"
        inputProps={form.register("audience")}
        hint="Choose every grade band that fits."
        options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
        checked={asList(values.audience)}
        error={errorFor("audience")}
      />
      {subjectTags.length > 0 ? (
        <ChoiceGroup
          legend="Subjects (optional)"
          name="tags"
          inputProps={form.register("tags")}
          options={subjectTags.map((t) => ({ value: t, label: t }))}
          checked={asList(values.tags)}
          error={errorFor("tags")}
        />
      ) : null}
      <div className="form-row">
        <SelectField
          label="Format"
          {...form.register("format")}
          options={FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          defaultValue={asText(values.format) || "hands_on"}
          error={errorFor("format")}
        />
        <SelectField
          label="Experience level"
          {...form.register("experienceLevel")}
          options={EXPERIENCE_LEVELS.map((l) => ({ value: l, label: EXPERIENCE_LABELS[l] }))}
          defaultValue={asText(values.experienceLevel) || "any"}
          error={errorFor("experienceLevel")}
        />
      </div>
      <ChoiceGroup
        legend="Length"
        name="lengthBlocks"
        inputProps={form.register("lengthBlocks")}
        type="radio"
        options={(["1", "2"] as const).map((n) => ({ value: n, label: LENGTH_LABELS[n] }))}
        checked={[asText(values.lengthBlocks) || "1"]}
        error={errorFor("lengthBlocks")}
      />
      <Field
        label="Most participants you can take (optional)"
        {...field("maxParticipants")}
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        hint="Leave blank if the room size is fine."
      />
      <ChoiceGroup
        legend="What you need (optional)"
        name="techNeeds"
        inputProps={form.register("techNeeds")}
        options={TECH_NEEDS.map((t) => ({ value: t, label: TECH_NEED_LABELS[t] }))}
        checked={asList(values.techNeeds)}
        error={errorFor("techNeeds")}
      />
      {sessionBlocks.length > 0 ? (
        <ChoiceGroup
          legend="When you can't present (optional)"
          name="unavailableBlockIds"
          inputProps={form.register("unavailableBlockIds")}
          hint="Tick a block if you also teach or attend a session in it."
          options={sessionBlocks.map((b) => ({
            value: b.id,
            label: `I also teach or attend in ${b.label} (${b.startTime}–${b.endTime})`,
          }))}
          checked={asList(values.unavailableBlockIds)}
          error={errorFor("unavailableBlockIds")}
        />
      ) : null}
      <div className="field choice-single">
        <label className="choice">
          <input
            type="checkbox"
            {...form.register("willingToRepeat")}
            defaultChecked={asText(values.willingToRepeat) === "on"}
          />
          <span>I’m willing to run this session twice</span>
        </label>
      </div>
      <TextareaField
        label="Notes to the coordinator (optional)"
        {...field("notesToCoordinator")}
        rows={3}
        maxLength={NOTES_MAX}
      />
      {locked ? null : (
        <div className="form-actions">
          {state === "draft" ? (
            <>
              {canSubmit ? (
                <Button name="intent" value="submit" disabled={pending}>
                  Submit proposal
                </Button>
              ) : null}
              <Button name="intent" value="save" variant="secondary" disabled={pending}>
                Save draft
              </Button>
            </>
          ) : (
            <Button name="intent" value="update" disabled={pending}>
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
