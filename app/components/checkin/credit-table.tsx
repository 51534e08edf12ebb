// One person's PD credit, session by session: the attendee's page and the certificate.
import { timeRange } from "~/components/schedule";
import { formatTimestamp } from "~/utils/dates";

export type CreditRow = {
  placementId: string;
  title: string;
  presenters: string[];
  blockLabel: string;
  startTime: string;
  endTime: string;
  kind: string;
  minutes: number;
  hours: number;
  counts: boolean;
  note: string;
  categories?: string[];
  /** What the check-ins said before a correction, and each correction (oldest first). */
  recordedMinutes?: number | null;
  history?: { minutes: number; reason: string; by: string; at: string | Date }[];
};

const KIND_WORDS: Record<string, string> = { attended: "Attended", presented: "Presented", adjusted: "Corrected" };

export function formatHours(hours: number) {
  return `${hours.toFixed(2)} ${hours === 1 ? "hour" : "hours"}`;
}

export function CreditTable({ lines, total, caption }: { lines: CreditRow[]; total: number; caption: string }) {
  return (
    // Focusable: on a narrow phone the table scrolls sideways, and keyboard users must reach it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="credit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">When</th>
            <th scope="col">Minutes</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.placementId}>
              <td>
                <strong>{l.title}</strong>
                <br />
                <span className="muted">
                  {KIND_WORDS[l.kind] ?? l.kind} · {l.presenters.join(", ")}
                </span>
                {l.note ? (
                  <>
                    <br />
                    <span className="muted">{l.note}</span>
                  </>
                ) : null}
                {l.categories?.length ? (
                  <>
                    <br />
                    <span className="muted">Credit categories: {l.categories.join(", ")}</span>
                  </>
                ) : null}
                <CorrectionHistory line={l} />
              </td>
              <td>
                {l.blockLabel} · {timeRange(l.startTime, l.endTime)}
              </td>
              <td>{l.minutes}</td>
              <td>{l.hours.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="credit-total">{total.toFixed(2)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Every correction of a line, with the value it replaced: the old values stay visible. */
export function CorrectionHistory({ line }: { line: Pick<CreditRow, "history" | "recordedMinutes"> }) {
  if (!line.history?.length) return null;
  const history = line.history;
  return (
    <ul className="correction-history">
      {history.map((h, i) => {
        const was = i === 0 ? (line.recordedMinutes ?? null) : history[i - 1]!.minutes;
        return (
          <li key={i}>
            {was === null ? "Set to" : `Changed from ${was} to`} {h.minutes} minutes by {h.by}, {formatTimestamp(h.at)}:{" "}
            {h.reason}
          </li>
        );
      })}
    </ul>
  );
}
