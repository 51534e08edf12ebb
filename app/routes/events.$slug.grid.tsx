import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import { getGrid } from "~/.server/schedule/grid";
import { move, place, remove, swap, undoLastMove } from "~/.server/schedule/placements";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { ConflictList } from "~/components/grid/conflict-list";
import { GridBoard } from "~/components/grid/grid-board";
import { MovePanel } from "~/components/grid/move-panel";
import { RoomGroupNav } from "~/components/grid/room-group-nav";
import { GridActionSchema, type GridAction } from "~/schemas/schedule";
import { requireUser } from "~/utils/auth.server";
import { parseSubmission } from "~/utils/forms";
import { guard, guardRule } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Grid · ${data.event.name} · Dropin` : "Grid · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const search = new URL(request.url).searchParams;
  const filters = {
    audience: search.get("audience") ?? "",
    format: search.get("format") ?? "",
    q: search.get("q") ?? "",
    show: search.get("show") ?? "",
    // The room group on screen (a big day shows a few rooms at a time); kept like a filter.
    rooms: search.get("rooms") ?? "",
  };
  const moving = search.get("move");
  const placing = search.get("place");
  const grid = await guard(getGrid(user.id, event.id, filters, { rooms: filters.rooms, moving, placing }));
  return { event: { slug: event.slug, name: event.name }, filters, moving, placing, ...grid };
}

async function run(actorId: string, eventId: string, input: GridAction) {
  switch (input.intent) {
    case "place":
      await place(actorId, eventId, input);
      return "Session placed.";
    case "move":
      await move(actorId, input.placementId, { ...input, expectedVersion: input.version });
      return "Session moved.";
    case "swap":
      await swap(actorId, input.placementId, input.otherPlacementId, input.version);
      return "Sessions swapped.";
    case "remove":
      await remove(actorId, input.placementId, input.version);
      return "Session taken off the grid; it is back in the tray.";
    case "undo":
      await undoLastMove(actorId, eventId);
      return "Last change undone.";
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  // Drag-and-drop posts through a fetcher and wants an answer, not a page; the forms want the page back.
  const viaFetcher = formData.get("_via") === "dnd";
  const back = `/events/${event.slug}/grid${String(formData.get("_back") ?? "")}`;
  const submission = parseSubmission(GridActionSchema, formData);
  if (!submission.ok) {
    const message =
      Object.values(submission.fieldErrors).flat()[0] ?? submission.formErrors[0] ?? "Choose where it goes.";
    if (viaFetcher) return data({ ok: false, message }, { status: 400 });
    return redirectWithToast(back, { kind: "error", message });
  }
  // A refused move (a taken cell, a stale version, a session gone meanwhile) is a
  // message on the grid; only "not allowed" is the error page.
  const done = await guardRule(run(user.id, event.id, submission.data), (error) => error.status !== 403);
  if (!done.ok) {
    if (viaFetcher) return data({ ok: false, message: done.error.message }, { status: done.error.status });
    return redirectWithToast(back, { kind: "error", message: done.error.message });
  }
  if (viaFetcher) return { ok: true, message: done.value };
  return redirectWithToast(back, { kind: "success", message: done.value });
}

export default function Grid() {
  const grid = useLoaderData<typeof loader>();
  const { event, rooms, blocks } = grid;
  const pending = usePending();
  const filterQuery = new URLSearchParams(Object.entries(grid.filters).filter(([, v]) => v)).toString();
  const back = filterQuery ? `?${filterQuery}` : "";
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link> · <Link to={`/events/${event.slug}/rooms`}>Rooms</Link>{" "}
        · <Link to={`/events/${event.slug}/blocks`}>Time blocks</Link>
      </p>
      <div className="page-head">
        <h1>Grid</h1>
        <Form method="post">
          <input type="hidden" name="_back" value={back} />
          <Button
            variant="secondary"
            name="intent"
            value="undo"
            disabled={!grid.canUndo || pending({ intent: "undo" })}
          >
            Undo last move
          </Button>
        </Form>
      </div>
      {rooms.length === 0 || blocks.length === 0 ? (
        <p className="card">
          The grid needs rooms and time blocks first: <Link to={`/events/${event.slug}/rooms`}>add rooms</Link> and{" "}
          <Link to={`/events/${event.slug}/blocks`}>add time blocks</Link>.
        </p>
      ) : null}
      <MovePanel grid={grid} back={back} />
      <ConflictList grid={grid} back={back} />
      <RoomGroupNav grid={grid} back={back} />
      <GridBoard grid={grid} back={back} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
