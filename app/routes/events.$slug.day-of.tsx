import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { appLink } from "~/.server/outbox/outbox";
import { getDayOfBoard, placeAndPublish } from "~/.server/schedule/day-of";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors } from "~/components/forms";
import { audienceText, timeRange } from "~/components/schedule";
import { PlaceDayOfSchema } from "~/schemas/day-of";
import { requireUser } from "~/utils/auth.server";
import { allMessages, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Day-of sessions · ${data.event.name} · Dropin` : "Day-of sessions · Dropin" },
];

// The coordinator's phone on the day: tap an offer, then tap a free room to place
// it and publish that one change. Plain links and forms, so it works without JS.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const board = await guard(getDayOfBoard(user.id, params.slug!));
  const offerId = new URL(request.url).searchParams.get("offer");
  const selected = board.offers.find((o) => o.id === offerId) ?? null;
  return {
    event: { slug: board.event.slug, name: board.event.name },
    // The whole address: the coordinator reads it out or pastes it to the teachers.
    proposeNowUrl: appLink(`/e/${board.event.slug}/propose-now`),
    offers: board.offers,
    cells: board.cells,
    selected,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const board = await guard(getDayOfBoard(user.id, params.slug!));
  const formData = await request.formData();
  const submission = parseSubmission(PlaceDayOfSchema, formData);
  if (!submission.ok) return invalid(submission);
  const done = await guardForm(formDataToObject(formData), placeAndPublish(user.id, board.event.id, submission.data));
  if (!done.ok) return invalid(done.result);
  const session = done.value.version.snapshot.sessions.find((s) => s.proposalId === submission.data.proposalId);
  return redirectWithToast(`/events/${board.event.slug}/day-of`, {
    kind: "success",
    message: `Published: “${session?.title ?? "the session"}” in ${session?.roomName ?? "its room"} (version ${done.value.version.number}).`,
  });
}

export default function DayOfBoard() {
  const { event, proposeNowUrl, offers, cells, selected } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const pending = usePending();
  const waiting = offers.filter((o) => o.placedAt.length === 0);
  const placed = offers.filter((o) => o.placedAt.length > 0);
  return (
    <div className="narrow day-of">
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>Day-of sessions</h1>
      {/* Every field of these forms is hidden (the cell chosen), so its messages show here. */}
      <FormErrors errors={isFormFailure(lastResult) ? allMessages(lastResult) : []} />
      {selected ? (
        <section className="card" aria-labelledby="place-title">
          <h2 id="place-title">Where should “{selected.title}” go?</h2>
          <p className="muted">
            {selected.presenter} · {audienceText(selected.audience.split(",").filter(Boolean))}
          </p>
          {cells.length === 0 ? <p>No free rooms are left today.</p> : null}
          <ul className="list-plain cell-list">
            {cells.map((cell) => (
              <li key={`${cell.roomId}-${cell.blockId}`}>
                <Form method="post" className="cell-choice">
                  <input type="hidden" name="proposalId" value={selected.id} />
                  <input type="hidden" name="roomId" value={cell.roomId} />
                  <input type="hidden" name="timeBlockId" value={cell.blockId} />
                  <span>
                    <strong>{cell.roomName}</strong>
                    <br />
                    {cell.blockLabel}, {timeRange(cell.startTime, cell.endTime)}
                  </span>
                  <Button disabled={pending({ roomId: cell.roomId, timeBlockId: cell.blockId })}>
                    Place here and publish
                    <span className="visually-hidden">
                      : {cell.roomName}, {cell.blockLabel}
                    </span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/events/${event.slug}/day-of`}>Choose a different offer</Link>
          </p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="offers-title">
        <h2 id="offers-title">Waiting for a room ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <p>
            No offers waiting. Teachers offer sessions at{" "}
            <a className="break-anywhere" href={proposeNowUrl}>
              {proposeNowUrl}
            </a>
            .
          </p>
        ) : null}
        <ul className="list-plain">
          {waiting.map((o) => (
            <li key={o.id}>
              <Link
                to={`?offer=${o.id}`}
                className="offer-link"
                aria-current={selected?.id === o.id ? "true" : undefined}
              >
                {o.title}
              </Link>
              <br />
              <span className="muted">
                {o.presenter} · {o.summary}
              </span>
            </li>
          ))}
        </ul>
      </section>

      {placed.length > 0 ? (
        <section className="card" aria-labelledby="placed-title">
          <h2 id="placed-title">Placed today</h2>
          <ul className="list-plain">
            {placed.map((o) => (
              <li key={o.id}>
                <strong>{o.title}</strong> — {o.placedAt.join("; ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
