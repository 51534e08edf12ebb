// The "Move to…" / "Place in…" forms: plain POSTs that work without JavaScript and
// by keyboard. One panel for the chosen session (?move= or ?place=) rather than a
// form in every card keeps a 60-room grid light.
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "~/components/button";
import { SelectField } from "~/components/forms";
import { usePending } from "~/utils/use-pending";
import type { GridData } from "./types";

export function MovePanel({ grid, back }: { grid: GridData; back: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pending = usePending();
  const placement = grid.moving ? grid.placements.find((p) => p.id === grid.moving) : undefined;
  const proposalId = placement?.proposalId ?? grid.placing;
  const session = proposalId ? grid.sessions.find((s) => s.id === proposalId) : undefined;
  // Following "Move to…" lands keyboard and screen-reader users on the form they asked for.
  useEffect(() => {
    if (session) headingRef.current?.focus();
  }, [session, placement?.id]);
  if (!session) return null;

  const rooms = grid.roomChoices.map((r) => ({ value: r.id, label: `${r.name} (seats ${r.capacity})` }));
  const blocks = grid.blocks.map((b) => ({ value: b.id, label: `${b.label} (${b.startTime}–${b.endTime})` }));
  const roomName = new Map(grid.roomChoices.map((r) => [r.id, r.name]));
  const blockLabel = new Map(grid.blocks.map((b) => [b.id, b.label]));
  // Every other placed session, in any room group (the loader sends it only while this form is open).
  const others = grid.swapChoices;

  return (
    <section className="card move-panel" aria-labelledby="move-panel-title">
      <h2 id="move-panel-title" ref={headingRef} tabIndex={-1}>
        {placement ? "Move" : "Place"} “{session.title}”
      </h2>
      {placement ? (
        <p className="muted">
          Now in {roomName.get(placement.roomId)}, {blockLabel.get(placement.timeBlockId)}.
          {session.lengthBlocks > 1 ? " It takes two blocks: choose the block it starts in." : ""}
        </p>
      ) : session.lengthBlocks > 1 ? (
        <p className="muted">It takes two blocks: choose the block it starts in.</p>
      ) : null}
      <Form method="post" className="move-form">
        <input type="hidden" name="_back" value={back} />
        {placement ? (
          <>
            <input type="hidden" name="placementId" value={placement.id} />
            <input type="hidden" name="version" value={placement.version} />
          </>
        ) : (
          <input type="hidden" name="proposalId" value={session.id} />
        )}
        <div className="form-row">
          <SelectField label="Room" name="roomId" options={rooms} defaultValue={placement?.roomId} />
          <SelectField label="Time block" name="timeBlockId" options={blocks} defaultValue={placement?.timeBlockId} />
        </div>
        <div className="form-actions">
          <Button name="intent" value={placement ? "move" : "place"} disabled={pending({ intent: ["move", "place"] })}>
            {placement ? "Move here" : "Place here"}
          </Button>
          <Link to={back || "."}>Cancel</Link>
        </div>
      </Form>
      {placement && others.length > 0 ? (
        <Form method="post" className="move-form">
          <input type="hidden" name="_back" value={back} />
          <input type="hidden" name="placementId" value={placement.id} />
          <input type="hidden" name="version" value={placement.version} />
          <SelectField label="Or swap places with" name="otherPlacementId" options={others} />
          <div className="form-actions">
            <Button variant="secondary" name="intent" value="swap" disabled={pending({ intent: "swap" })}>
              Swap
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
