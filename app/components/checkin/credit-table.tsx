// One person's PD credit, session by session: the attendee's page and the certificate.
import { timeRange } from "~/components/schedule";

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
};

const KIND_WORDS: Record<string, string> = { attended: "Attended", presented: "Presented", adjusted: "Corrected" };

export function formatHours(hours: number) {
  return `${hours.toFixed(2)} ${hours === 1 ? "hour" : "hours"}`;
}

export function CreditTable({ lines, total, caption }: { lines: CreditRow[]; total: number; caption: string }) {
  return (
    <div className="table-wrap">
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
