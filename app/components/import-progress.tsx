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
        <p className="roster-count">
          <strong>
            {count(progress.created + progress.updated)} imported, {count(errors.length)} {errors.length === 1 ? "error" : "errors"}
          </strong>{" "}
          <span className="muted">
            ({count(progress.created)} new, {count(progress.updated)} updated)
          </span>
        </p>
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
