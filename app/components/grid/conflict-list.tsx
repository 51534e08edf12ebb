// The warnings, in day order, each with its reason in plain words. On a day shown a
// room group at a time the list holds the group's warnings and those about no room;
// the other groups' warnings are counted with a link, so none is out of sight.
import { Link } from "@remix-run/react";
import { count } from "~/utils/plural";
import { roomGroupLink } from "./room-group-nav";
import { CONFLICT_LABELS, type GridData } from "./types";

export function ConflictList({ grid, back }: { grid: GridData; back: string }) {
  const { conflicts, warningsForDay } = grid;
  const grouped = grid.roomGroups.length > 1;
  const current = grid.roomGroups.find((g) => g.key === grid.roomGroup);
  const elsewhere = grouped ? grid.roomGroups.filter((g) => g.key !== grid.roomGroup && g.warnings > 0) : [];
  return (
    <section className="card conflict-list" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">
        {warningsForDay === 0
          ? "No warnings"
          : grouped
            ? `Warnings (${warningsForDay} for the day)`
            : `Warnings (${warningsForDay})`}
      </h2>
      {warningsForDay === 0 ? (
        <p className="muted">No clashes found. Warnings never stop you from moving sessions.</p>
      ) : null}
      {elsewhere.length > 0 ? (
        <>
          <h3>In other rooms</h3>
          <ul className="conflict-elsewhere">
            {elsewhere.map((group) => (
              <li key={group.key}>
                <Link to={roomGroupLink(back, group.key)} preventScrollReset>
                  {group.label}: {count(group.warnings, "warning")}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {grouped && warningsForDay > 0 ? (
        <h3>{conflicts.length === 0 ? `None in ${current?.label}` : `In ${current?.label}`}</h3>
      ) : null}
      {conflicts.length > 0 ? (
        <ul>
          {conflicts.map((conflict, index) => (
            <li key={`${conflict.kind}-${index}`}>
              <strong>{CONFLICT_LABELS[conflict.kind as keyof typeof CONFLICT_LABELS] ?? conflict.kind}:</strong>{" "}
              {conflict.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
