import { Link, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

type Progress = {
  status: "running" | "done";
  total: number;
  done: number;
  created: number;
  updated: number;
  errors: ReadonlyArray<{ row: number; message: string }>;
};

const count = (n: number) => n.toLocaleString("en-US");

const people = (n: number) => `${count(n)} ${n === 1 ? "person" : "people"}`;

/**
 * What the import did to this PD day's roster, as a coordinator would say it: on a
 * brand-new day everyone is added, even people who already have a Dropin account
 * (it read "0 new, 297 updated" when it counted accounts).
 */
function inWords(added: number, already: number) {
  if (added + already === 0) return "Nobody was added to the roster.";
  if (already === 0) return `${people(added)} added to this PD day's roster.`;
  const updated = `${already === 1 ? "was" : "were"} already on it: their name, school and staff ID for this PD day were updated from the file`;
  if (added === 0) return `${already === 1 ? "The one person" : `All ${people(already)}`} in the file ${updated}.`;
  return `${people(added)} added to this PD day's roster; ${count(already)} ${updated}.`;
}

/**
 * A background roster import: rows done of total while it runs (re-read every
 * second with JavaScript; a refresh link without), then what came in and the
 * rows that did not.
 */
export function ImportProgress({ progress, refreshTo }: { progress: Progress; refreshTo: string }) {
  const { revalidate, state } = useRevalidator();
  const running = progress.status === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (state === "idle") revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidate, state]);
  const { errors } = progress;
  return (
    <div className="card roster-result">
      {running ? (
        <>
          <p className="roster-count">
            <strong>
              Importing: {count(progress.done)} of {count(progress.total)} rows done
            </strong>
          </p>
          <progress max={progress.total} value={progress.done} aria-label="Roster import progress" />
          <p className="muted">
            You can leave this page: the import carries on. <Link to={refreshTo}>Refresh progress</Link>
          </p>
        </>
      ) : (
        <>
          <p className="roster-count">
            <strong>
              {count(progress.created + progress.updated)} imported, {count(errors.length)}{" "}
              {errors.length === 1 ? "error" : "errors"}
            </strong>
          </p>
          <p>{inWords(progress.created, progress.updated)}</p>
        </>
      )}
      {errors.length > 0 ? (
        <>
          <h2>Rows not imported</h2>
          <ul className="roster-errors">
            {errors.map((e) => (
              <li key={e.row}>
                Row {e.row}: {e.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
