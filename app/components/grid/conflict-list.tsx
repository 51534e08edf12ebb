// Every warning on the grid, in day order, each with its reason in plain words.
import { CONFLICT_LABELS, type GridConflict } from "./types";

export function ConflictList({ conflicts }: { conflicts: readonly GridConflict[] }) {
  return (
    <section className="card conflict-list" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">
        {conflicts.length === 0 ? "No warnings" : `Warnings (${conflicts.length})`}
      </h2>
      {conflicts.length === 0 ? (
        <p className="muted">No clashes found. Warnings never stop you from moving sessions.</p>
      ) : (
        <ul>
          {conflicts.map((conflict, index) => (
            <li key={`${conflict.kind}-${index}`}>
              <strong>{CONFLICT_LABELS[conflict.kind as keyof typeof CONFLICT_LABELS] ?? conflict.kind}:</strong> {conflict.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
