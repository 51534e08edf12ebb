import { formatTimestamp } from "~/utils/dates";

export type Change = { id: string; who: string; what: string; at: string | Date };

/** Who changed what and when, newest first, in the PD day's time zone. */
export function ChangeList({ changes, timeZone, empty }: { changes: Change[]; timeZone: string; empty: string }) {
  if (changes.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="list-plain">
      {changes.map((change) => (
        <li key={change.id}>
          <strong>{change.who}</strong> {change.what}{" "}
          <span className="muted">· {formatTimestamp(change.at, timeZone)}</span>
        </li>
      ))}
    </ul>
  );
}
