// Hours per school year or per credit category: the PD record, the transcript, the
// certificate and the verification page show totals the same way.
import { formatHours } from "./credit-table";

export function HoursList({
  caption,
  rows,
  heading,
}: {
  caption: string;
  heading: string;
  rows: { label: string; hours: number }[];
}) {
  if (rows.length === 0) return null;
  return (
    // Focusable: on a narrow phone the table scrolls sideways, and keyboard users must reach it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="hours-list">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{formatHours(r.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Provider: Springfield USD (no. PA-1234)", or nothing when the PD day has none. */
export function providerLine(day: { providerName: string; providerNumber: string }) {
  if (!day.providerName && !day.providerNumber) return "";
  return `Provider: ${day.providerName || "—"}${day.providerNumber ? ` (provider no. ${day.providerNumber})` : ""}`;
}
