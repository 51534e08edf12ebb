import { Form } from "@remix-run/react";
import { COMMON_TIME_ZONES, EventSchema } from "~/schemas/events";
import type { FormFailure, FormValues } from "~/utils/forms";
import { useValidatedForm } from "~/utils/use-validated-form";
import { Button } from "./button";
import { ErrorSummary, Field, FormErrors, SelectField, TextareaField } from "./forms";

/** Create and edit a PD day: one form, one schema, on both pages. */
export function EventForm({
  defaultValues,
  lastResult,
  submitLabel,
}: {
  defaultValues: FormValues;
  lastResult: FormFailure | null;
  submitLabel: string;
}) {
  const {
    field,
    form,
    values,
    onSubmit,
    formErrors,
    pending: busy,
  } = useValidatedForm(EventSchema, { defaultValues, lastResult });
  const zone = typeof defaultValues.timeZone === "string" ? defaultValues.timeZone : "";
  const zones =
    COMMON_TIME_ZONES.includes(zone as (typeof COMMON_TIME_ZONES)[number]) || !zone
      ? COMMON_TIME_ZONES
      : [zone, ...COMMON_TIME_ZONES];
  const errorCount = lastResult ? Object.keys(lastResult.fieldErrors).length : 0;
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <ErrorSummary count={errorCount} />
      <FormErrors errors={formErrors} />
      <Field label="Name" required hint="What teachers will see, e.g. “Spring Learning Exchange”." {...field("name")} />
      <Field
        label="Web address (optional)"
        hint="The part after /e/ in links. Leave blank to make one from the name."
        autoCapitalize="none"
        {...field("slug")}
      />
      <div className="form-row">
        <Field label="Date" type="date" required {...field("date")} />
        <Field label="Starts at" type="time" required {...field("startTime")} />
        <Field label="Ends at" type="time" required {...field("endTime")} />
      </div>
      <SelectField
        label="Time zone"
        options={zones.map((z) => ({ value: z, label: z.replace("_", " ") }))}
        {...field("timeZone")}
      />
      <Field label="Venue (optional)" hint="School and address." {...field("venue")} />
      <TextareaField label="Description (optional)" hint="Shown on the public page." {...field("description")} />
      <fieldset>
        <legend>Proposals</legend>
        <div className="form-row">
          <Field label="Proposals open on (optional)" type="date" {...field("proposalsOpenOn")} />
          <Field label="Proposals close on (optional)" type="date" {...field("proposalsCloseOn")} />
        </div>
        <Field
          label="District email domain (optional)"
          hint="Optional. If set, only addresses at this domain can sign up for this PD day (e.g. springfield.k12.us)."
          autoCapitalize="none"
          {...field("allowedEmailDomain")}
        />
        <TextareaField
          label="Subject tags (optional)"
          hint="One per line, e.g. “Literacy” or “Math”. Presenters pick from these; reviewers filter by them. Up to 30 tags of 40 characters each."
          rows={5}
          {...field("subjectTags")}
        />
      </fieldset>
      <fieldset>
        <legend>Door check-in</legend>
        <Field
          label="Doors open at (optional)"
          type="datetime-local"
          hint="When the kiosk starts checking people in. Leave blank for the day of the event, one hour before the first block."
          {...field("doorsOpenAt")}
        />
        <div className="checkbox-row">
          <label className="checkbox">
            <input type="checkbox" {...form.register("earlyCheckIn")} defaultChecked={values.earlyCheckIn === "on"} />
            Early check-in: the kiosk also checks people in before the doors open (they are not in prize drawings)
          </label>
        </div>
      </fieldset>
      <div className="form-actions">
        <Button disabled={busy}>{busy ? "Saving…" : submitLabel}</Button>
      </div>
    </Form>
  );
}
