// The grid itself: rooms as columns, blocks as rows, plus the tray, inside one
// dnd-kit context. Drag-and-drop is a shortcut over the "Move to…" forms: drops post
// the same fields through a fetcher and show the card at its target at once.
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { cellCoordinates } from "./keyboard";
import { PlacedActions, SessionCard, Badges } from "./session-card";
import { Tray } from "./tray";
import { coveredBlocks, type GridConflict, type GridData, type GridPlacement } from "./types";

type Drop = { intent: string; placementId?: string; proposalId?: string; roomId?: string; timeBlockId?: string };

/** The grid as it will be once the pending drop is saved. */
function withPending(grid: GridData, pending: FormData | undefined): GridPlacement[] {
  if (!pending) return grid.placements;
  const get = (name: string) => String(pending.get(name) ?? "");
  const intent = get("intent");
  const lengthOf = (proposalId: string) => grid.sessions.find((s) => s.id === proposalId)?.lengthBlocks ?? 1;
  if (intent === "remove") return grid.placements.filter((p) => p.id !== get("placementId"));
  if (intent === "move") {
    return grid.placements.map((p) =>
      p.id === get("placementId")
        ? {
            ...p,
            roomId: get("roomId"),
            timeBlockId: get("timeBlockId"),
            blockIds: coveredBlocks(grid.blocks, get("timeBlockId"), lengthOf(p.proposalId)),
            pending: true,
          }
        : p,
    );
  }
  if (intent === "place") {
    const proposalId = get("proposalId");
    const timeBlockId = get("timeBlockId");
    return [
      ...grid.placements,
      {
        id: `pending-${proposalId}`,
        proposalId,
        roomId: get("roomId"),
        timeBlockId,
        version: 0,
        blockIds: coveredBlocks(grid.blocks, timeBlockId, lengthOf(proposalId)),
        pending: true,
      },
    ];
  }
  return grid.placements;
}

function Cell({
  id,
  roomName,
  blockLabel,
  children,
}: {
  id: string;
  roomName: string;
  blockLabel: string;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <td
      ref={setNodeRef}
      className={`grid-cell${isOver ? " is-over" : ""}`}
      data-drop-id={id}
      data-room={roomName}
      data-block={blockLabel}
    >
      {children}
    </td>
  );
}

const noSubscription = () => () => {};

export function GridBoard({ grid, back }: { grid: GridData; back: string }) {
  // False in the server HTML and the hydrating render, true after: drag handles appear only once they can work.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const fetcher = useFetcher<{ ok: boolean; message: string }>();
  const lastPointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const track = (event: PointerEvent) => {
      lastPointer.current = { x: event.clientX, y: event.clientY };
    };
    // Capture phase, so the position is current before dnd-kit's own listener asks for collisions.
    window.addEventListener("pointermove", track, true);
    window.addEventListener("pointerdown", track, true);
    return () => {
      window.removeEventListener("pointermove", track, true);
      window.removeEventListener("pointerdown", track, true);
    };
  }, []);
  const [active, setActive] = useState<UniqueIdentifier | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: cellCoordinates }),
  );

  const placements = withPending(grid, fetcher.state === "idle" ? undefined : fetcher.formData);
  const sessionById = useMemo(() => new Map(grid.sessions.map((s) => [s.id, s])), [grid.sessions]);
  const roomById = new Map(grid.rooms.map((r) => [r.id, r]));
  const blockById = new Map(grid.blocks.map((b) => [b.id, b]));
  const conflictsFor = new Map<string, GridConflict[]>();
  for (const conflict of grid.conflicts) {
    for (const id of conflict.placementIds) conflictsFor.set(id, [...(conflictsFor.get(id) ?? []), conflict]);
  }
  const pendingPlace =
    fetcher.state !== "idle" && fetcher.formData?.get("intent") === "place"
      ? String(fetcher.formData.get("proposalId"))
      : null;
  const trayItems = grid.filters.show === "all" ? grid.tray : grid.tray.filter((s) => s.id !== pendingPlace);

  function titleOf(dragId: UniqueIdentifier) {
    const [kind, id] = String(dragId).split(":");
    const proposalId = kind === "proposal" ? id : grid.placements.find((p) => p.id === id)?.proposalId;
    return `“${sessionById.get(proposalId ?? "")?.title ?? "session"}”`;
  }
  function placeName(dropId: UniqueIdentifier | undefined) {
    if (!dropId) return "no room";
    if (dropId === "tray") return "the unplaced tray";
    const [, roomId, blockId] = String(dropId).split(":");
    return `${roomById.get(roomId ?? "")?.name}, ${blockById.get(blockId ?? "")?.label}`;
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the arrow keys to choose a room and block.`,
    onDragOver: ({ active, over }) => `${titleOf(active.id)} is over ${placeName(over?.id)}.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(active.id)} dropped in ${placeName(over.id)}.`
        : `${titleOf(active.id)} was put back where it was.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled; it stays where it was.`,
  };

  function submit(drop: Drop, version?: number) {
    const form = new FormData();
    form.set("_via", "dnd");
    for (const [key, value] of Object.entries(drop)) if (value) form.set(key, value);
    if (version !== undefined) form.set("version", String(version));
    fetcher.submit(form, { method: "post" });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActive(null);
    if (!over) return;
    const [kind, id] = String(active.id).split(":") as [string, string];
    if (over.id === "tray") {
      if (kind === "placement")
        submit({ intent: "remove", placementId: id }, grid.placements.find((p) => p.id === id)?.version);
      return;
    }
    const [, roomId, timeBlockId] = String(over.id).split(":") as [string, string, string];
    if (kind === "proposal") return submit({ intent: "place", proposalId: id, roomId, timeBlockId });
    const placement = grid.placements.find((p) => p.id === id);
    if (!placement || (placement.roomId === roomId && placement.timeBlockId === timeBlockId)) return;
    submit({ intent: "move", placementId: id, roomId, timeBlockId }, placement.version);
  }

  // The pointer decides where a mouse drop lands, read from the live DOM under it: the
  // rects dnd-kit measured at drag start go stale once auto-scroll moves the page. A
  // keyboard drag has no pointer, so the cell nearest the moved card (see cellCoordinates) wins.
  const collisionDetection: CollisionDetection = (args) => {
    if (!args.pointerCoordinates) return closestCenter(args);
    const pointer = lastPointer.current;
    if (!pointer) return pointerWithin(args);
    const target = document
      .elementsFromPoint(pointer.x, pointer.y)
      .map((element) => element.closest<HTMLElement>("[data-drop-id]"))
      .find(Boolean);
    return target ? [{ id: target.dataset.dropId! }] : [];
  };

  const activeTitle = active ? titleOf(active) : "";
  const groupLabel =
    grid.roomGroups.length > 1 ? grid.roomGroups.find((g) => g.key === grid.roomGroup)?.label : undefined;
  return (
    <DndContext
      id="dropin-grid"
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={({ active }: DragStartEvent) => setActive(active.id)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "To move this session, press Space or Enter to pick it up, use the arrow keys to move between rooms and blocks, " +
            "then press Space or Enter to drop it, or Escape to cancel. The Move to… link does the same with a form.",
        },
      }}
    >
      <p className="grid-status" role="status">
        {fetcher.state === "idle" && fetcher.data ? fetcher.data.message : ""}
      </p>
      {hydrated ? (
        // Shown, not only announced: sighted keyboard users need the keys too (dnd-kit's
        // own instructions are screen-reader-only text).
        <p className="grid-keys">
          <strong>By keyboard:</strong> Tab to a session’s <span aria-hidden="true">⠿</span> drag handle, press Space or
          Enter to pick it up, use the arrow keys to move it one room or block at a time, then Space or Enter to drop it
          (Escape cancels). “Move to…” does the same with a form.
        </p>
      ) : null}
      <div className="grid-layout">
        <Tray grid={grid} back={back} items={trayItems} hydrated={hydrated} />
        {grid.rooms.length > 0 && grid.blocks.length > 0 ? (
          // The table scrolls inside this region, never the page: it is focusable so keyboard users can scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          <div className="grid-scroll" role="region" aria-labelledby="grid-caption" tabIndex={0}>
            <table className="grid-table">
              <caption id="grid-caption">
                Working grid{groupLabel ? ` (${groupLabel})` : ""}: rooms across, time blocks down
              </caption>
              <thead>
                <tr>
                  <td />
                  {grid.rooms.map((room) => (
                    <th key={room.id} scope="col">
                      {room.name}
                      <span className="session-meta">seats {room.capacity}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.blocks.map((block) => (
                  <tr key={block.id} className={block.kind === "sessions" ? undefined : "grid-row-other"}>
                    <th scope="row">
                      {block.label}
                      <span className="session-meta">
                        {block.startTime}–{block.endTime}
                        {block.kind === "sessions" ? "" : ` · ${block.kind}`}
                      </span>
                    </th>
                    {grid.rooms.map((room) => {
                      const here = placements.filter((p) => p.roomId === room.id && p.blockIds.includes(block.id));
                      return (
                        <Cell
                          key={room.id}
                          id={`cell:${room.id}:${block.id}`}
                          roomName={room.name}
                          blockLabel={block.label}
                        >
                          {here.length > 0 ? (
                            <ul className="card-list">
                              {here.map((p) => {
                                const session = sessionById.get(p.proposalId);
                                if (!session) return null;
                                if (p.timeBlockId !== block.id) {
                                  return (
                                    <li key={p.id} className="session-card is-continued">
                                      <strong className="session-title">{session.title}</strong>
                                      <span className="session-meta">
                                        continued from {blockById.get(p.timeBlockId)?.label}
                                      </span>
                                      <Badges conflicts={conflictsFor.get(p.id) ?? []} />
                                    </li>
                                  );
                                }
                                return (
                                  <SessionCard
                                    key={p.id}
                                    dragId={`placement:${p.id}`}
                                    session={session}
                                    conflicts={conflictsFor.get(p.id) ?? []}
                                    hydrated={hydrated && !p.pending}
                                    pending={p.pending}
                                  >
                                    {p.pending ? null : (
                                      <PlacedActions
                                        placementId={p.id}
                                        version={p.version}
                                        title={session.title}
                                        back={back}
                                      />
                                    )}
                                  </SessionCard>
                                );
                              })}
                            </ul>
                          ) : (
                            <span className="visually-hidden">Empty</span>
                          )}
                        </Cell>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
      <DragOverlay>{active ? <div className="session-card drag-overlay">{activeTitle}</div> : null}</DragOverlay>
    </DndContext>
  );
}
