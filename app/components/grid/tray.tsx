// Accepted and confirmed sessions waiting for a room and block, with simple filters
// (a GET form, so they work without JavaScript). Dropping a placed session here
// takes it off the grid.
import { useDroppable } from "@dnd-kit/core";
import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/button";
import { Field, SelectField } from "~/components/forms";
import { SessionCard } from "./session-card";
import { AUDIENCES, FORMATS, type GridConflict, type GridData, type GridSession } from "./types";

export function Tray({
  grid,
  back,
  items = grid.tray,
  hydrated = false,
}: {
  grid: GridData;
  back: string;
  items?: readonly GridSession[];
  hydrated?: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: "tray" });
  const unplaced = new Map<string, GridConflict[]>();
  for (const c of grid.conflicts) if (c.kind === "unplaced_confirmed" && c.proposalId) unplaced.set(c.proposalId, [c]);
  const placeLink = (id: string) => {
    const query = new URLSearchParams(back.replace(/^\?/, ""));
    query.set("place", id);
    return `?${query}`;
  };
  return (
    <section
      ref={setNodeRef}
      className={`card tray${isOver ? " is-over" : ""}`}
      aria-labelledby="tray-title"
      data-drop-id="tray"
    >
      <h2 id="tray-title">Unplaced sessions ({items.length})</h2>
      <Form method="get" className="tray-filters">
        {grid.filters.rooms ? <input type="hidden" name="rooms" value={grid.filters.rooms} /> : null}
        <div className="form-row">
          <SelectField
            label="Audience"
            name="audience"
            defaultValue={grid.filters.audience}
            options={[
              { value: "", label: "Any grade band" },
              ...AUDIENCES.map((a) => ({ value: a, label: a === "all" ? "All grades" : a })),
            ]}
          />
          <SelectField
            label="Format"
            name="format"
            defaultValue={grid.filters.format}
            options={[
              { value: "", label: "Any format" },
              ...Object.entries(FORMATS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <Field label="Search (optional)" type="search" name="q" defaultValue={grid.filters.q} />
          <SelectField
            label="Show"
            name="show"
            defaultValue={grid.filters.show}
            options={[
              { value: "", label: "Not yet placed" },
              { value: "all", label: "All, to place repeats" },
            ]}
          />
        </div>
        <div className="form-actions">
          <Button variant="secondary">Filter</Button>
        </div>
      </Form>
      {items.length === 0 ? (
        <p className="muted">Nothing here: every accepted session matching the filters is on the grid.</p>
      ) : (
        <ul className="card-list">
          {items.map((session) => (
            <SessionCard
              key={session.id}
              dragId={`proposal:${session.id}`}
              session={session}
              conflicts={unplaced.get(session.id) ?? []}
              hydrated={hydrated}
              note={
                session.placed > 0
                  ? `placed ${session.placed}×`
                  : session.state === "confirmed"
                    ? "confirmed"
                    : "accepted"
              }
            >
              <div className="card-actions">
                <Link to={placeLink(session.id)} preventScrollReset>
                  Place in… <span className="visually-hidden">“{session.title}”</span>
                </Link>
              </div>
            </SessionCard>
          ))}
        </ul>
      )}
    </section>
  );
}
