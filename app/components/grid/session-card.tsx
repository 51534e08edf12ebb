// One session on the grid or in the tray: title, presenters, warnings as text badges,
// a drag handle once JavaScript is running, and the keyboard/no-JS links and buttons.
import { useDraggable } from "@dnd-kit/core";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { count } from "~/utils/plural";
import { CONFLICT_LABELS, type GridConflict, type GridSession } from "./types";

export function Badges({ conflicts }: { conflicts: readonly GridConflict[] }) {
  const kinds = [...new Set(conflicts.map((c) => c.kind))];
  if (kinds.length === 0) return null;
  return (
    <ul className="badges" aria-label="Warnings">
      {kinds.map((kind) => (
        <li key={kind} className="badge-warn">
          <span aria-hidden="true">⚠ </span>
          {CONFLICT_LABELS[kind as keyof typeof CONFLICT_LABELS] ?? kind}
        </li>
      ))}
    </ul>
  );
}

export function SessionCard({
  dragId,
  session,
  conflicts,
  hydrated,
  pending,
  note,
  children,
}: {
  dragId: string;
  // Attendee picks over all repeats; present once the schedule is published and picked.
  session: GridSession & { picks?: number };
  conflicts: readonly GridConflict[];
  hydrated: boolean;
  pending?: boolean;
  note?: string;
  children?: ReactNode;
}) {
  // One draggable per card: the card is the node, the handle (rendered only after
  // hydration, so the server HTML has no dead controls) is what starts the drag.
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: dragId });
  const presenters = [session.presenterName, ...session.coPresenterNames].join(", ");
  return (
    <li
      ref={setNodeRef}
      className={`session-card${isDragging ? " is-dragging" : ""}${pending ? " is-pending" : ""}`}
      data-session={session.title}
    >
      <div className="session-card-head">
        {hydrated ? (
          <button
            type="button"
            className="drag-handle"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Drag “${session.title}”`}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        ) : null}
        <div>
          <strong className="session-title">{session.title}</strong>
          <span className="session-meta">
            {presenters}
            {session.lengthBlocks > 1 ? " · two blocks" : ""}
            {note ? ` · ${note}` : ""}
            {session.picks ? ` · ${count(session.picks, "pick")}` : ""}
            {pending ? " · saving…" : ""}
          </span>
        </div>
      </div>
      <Badges conflicts={conflicts} />
      {children}
    </li>
  );
}

/** "Move to…" and "Remove" for a placed session: a link to the move form and a plain POST. */
export function PlacedActions({
  placementId,
  version,
  title,
  back,
}: {
  placementId: string;
  version: number;
  title: string;
  back: string;
}) {
  const query = new URLSearchParams(back.replace(/^\?/, ""));
  query.set("move", placementId);
  return (
    <div className="card-actions">
      <Link to={`?${query}`} preventScrollReset>
        Move to… <span className="visually-hidden">“{title}”</span>
      </Link>
      <Form method="post" className="inline-form">
        <input type="hidden" name="placementId" value={placementId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="_back" value={back} />
        <button type="submit" name="intent" value="remove" className="button button-link">
          Remove <span className="visually-hidden">“{title}”</span>
        </button>
      </Form>
    </div>
  );
}
