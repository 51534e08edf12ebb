// "Copy from another PD day", offered on the rooms and blocks pages.
import { Form } from "@remix-run/react";
import { Button } from "~/components/button";
import { FormErrors, SelectField } from "~/components/forms";
import { allMessages, type FormFailure } from "~/utils/forms";

export function CopyFromEvent({
  what,
  sources,
  failure,
}: {
  what: "rooms" | "time blocks";
  sources: ReadonlyArray<{ value: string; label: string }>;
  failure: FormFailure | null;
}) {
  const titleId = `copy-${what.replace(" ", "-")}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Copy {what} from another PD day</h2>
      {sources.length === 0 ? (
        <p className="muted">None of the other PD days you coordinate has {what} to copy.</p>
      ) : (
        <Form method="post">
          <FormErrors errors={failure ? allMessages(failure) : []} />
          <SelectField label="PD day" name="sourceEventId" options={sources} />
          <p className="field-hint">
            {what === "rooms"
              ? "Rooms with a name already used here are skipped."
              : "Blocks that would overlap one already here are skipped."}
          </p>
          <div className="form-actions">
            <Button variant="secondary" name="intent" value="copy">
              Copy {what}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
