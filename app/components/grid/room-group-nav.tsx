// On a day with many rooms the grid shows one room group at a time (a building's
// floor, or a page of rooms): these links switch groups, each with its warning
// count, so a clash in a room off screen is one click away. Plain links: no JS needed.
import { Link } from "@remix-run/react";
import { count } from "~/utils/plural";
import type { GridData } from "./types";

/** The grid's address for another room group, keeping the tray filters. */
export function roomGroupLink(back: string, key: string) {
  const query = new URLSearchParams(back.replace(/^\?/, ""));
  query.set("rooms", key);
  return `?${query}`;
}

export function RoomGroupNav({ grid, back }: { grid: GridData; back: string }) {
  if (grid.roomGroups.length < 2) return null;
  return (
    <nav className="room-groups" aria-label="Room groups">
      <p className="muted">
        {count(grid.roomChoices.length, "room")} in {grid.roomGroups.length} groups; the grid shows one group at a time.
        “Move to…” reaches every room.
      </p>
      <ul>
        {grid.roomGroups.map((group) => (
          <li key={group.key}>
            <Link
              to={roomGroupLink(back, group.key)}
              aria-current={group.key === grid.roomGroup ? "page" : undefined}
              preventScrollReset
            >
              {group.label}
              <span className="session-meta">
                {count(group.rooms, "room")}
                {group.warnings > 0 ? ` · ⚠ ${count(group.warnings, "warning")}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
