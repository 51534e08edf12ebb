// The roster import's second step: the pending file (kept on the server), its
// columns matched to a person's details, and its first rows. A refused import comes
// back here with the file and the coordinator's choices kept, JavaScript or not.
import { Form } from "@remix-run/react";
import { Button } from "~/components/button";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { ROSTER_FIELD_LABELS, ROSTER_FIELDS, RosterImportSchema, type RosterField } from "~/schemas/checkin";
import type { FormFailure } from "~/utils/forms";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

export type RosterUploadView = {
  id: string;
  fileName: string;
  headers: string[];
  mapping: Record<RosterField, string>;
  total: number;
  rows: Array<Record<string, string>>;
};

const REQUIRED = new Set<RosterField>(["name", "email"]);

type MatchingProps = { upload: RosterUploadView; action: string; failure: FormFailure | null };

export function RosterMatching({ upload, action, failure }: MatchingProps) {
  const pending = usePending();
  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Match the columns</h2>
      <Form method="post" encType="multipart/form-data" action={action} className="roster-file">
        <p>
          Using <strong>{upload.fileName}</strong> ({rowCount(upload.total)} found), or choose another file:
        </p>
        <Field label="Another CSV file" type="file" name="file" accept=".csv,text/csv" required />
        <Button name="intent" value="preview" variant="secondary" disabled={pending({ intent: "preview" }, action)}>
          Use this file instead
        </Button>
      </Form>
      <p>
        Check which column holds each detail, then import. Names split over two columns (first and last) are joined.
      </p>
      {/* Its own form per file: another file starts from that file's matching. */}
      <ImportForm key={upload.id} upload={upload} action={action} failure={failure} />
    </section>
  );
}

function rowCount(total: number) {
  return `${total.toLocaleString("en-US")} ${total === 1 ? "row" : "rows"}`;
}

function ImportForm({ upload, action, failure }: MatchingProps) {
  const {
    field: fieldFor,
    onSubmit,
    formErrors,
    pending: importing,
    intentField,
  } = useValidatedForm(RosterImportSchema, {
    intent: "import",
    defaultValues: { uploadId: upload.id, ...upload.mapping },
    lastResult: failure,
  });
  const rows = rowCount(upload.total);
  return (
    <Form method="post" action={action} noValidate onSubmit={onSubmit}>
      <FormErrors errors={formErrors} />
      <input type="hidden" name="uploadId" value={upload.id} />
      <div className="form-row">
        {ROSTER_FIELDS.map((field) => (
          <SelectField
            key={`${upload.id}-${field}`}
            label={REQUIRED.has(field) ? ROSTER_FIELD_LABELS[field] : `${ROSTER_FIELD_LABELS[field]} (optional)`}
            {...fieldFor(field)}
            options={[
              { value: "", label: "— not in this file —" },
              ...upload.headers.map((h) => ({ value: h, label: h })),
            ]}
          />
        ))}
      </div>
      <h3>First rows</h3>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="First rows of the file">
        <table>
          <caption className="visually-hidden">The first {upload.rows.length} rows of the file</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {upload.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {upload.rows.map((row, index) => (
              <tr key={index}>
                <td>{index + 2}</td>
                {upload.headers.map((h) => (
                  <td key={h}>{row[h] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        {intentField}
        <Button disabled={importing}>{importing ? `Importing ${rows}…` : `Import ${rows}`}</Button>
      </div>
    </Form>
  );
}
