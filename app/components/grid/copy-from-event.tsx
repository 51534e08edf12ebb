// "Copy from another PD day", offered on the rooms and blocks pages.
import { Form } from "@remix-run/react";
import { Button } from "~/components/button";
import { FormErrors, SelectField } from "~/components/forms";
import { CopyFromEventSchema } from "~/schemas/schedule";
import type { FormFailure } from "~/utils/forms";
import { useValidatedForm } from "~/utils/use-validated-form";

type CopyProps = {
  what: "rooms" | "time blocks";
  sources: ReadonlyArray<{ value: string; label: string }>;
  failure: FormFailure | null;
};

export function CopyFromEvent({ what, sources, failure }: CopyProps) {
  const titleId = `copy-${what.replace(" ", "-")}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Copy {what} from another PD day</h2>
      {sources.length === 0 ? (
        <p className="muted">None of the other PD days you coordinate has {what} to copy.</p>
      ) : (
        <CopyForm what={what} sources={sources} failure={failure} />
      )}
    </section>
  );
}

function CopyForm({ what, sources, failure }: CopyProps) {
  const { field, onSubmit, formErrors, pending, intentField } = useValidatedForm(CopyFromEventSchema, {
    intent: "copy",
    defaultValues: { sourceEventId: sources[0]?.value ?? "" },
    lastResult: failure,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <FormErrors errors={formErrors} />
      <SelectField
        label="PD day"
        options={sources}
        {...field("sourceEventId")}
        hint={
          what === "rooms"
            ? "Rooms with a name already used here are skipped."
            : "Blocks that would overlap one already here are skipped."
        }
      />
      <div className="form-actions">
        {intentField}
        <Button variant="secondary" disabled={pending}>
          Copy {what}
        </Button>
      </div>
    </Form>
  );
}
