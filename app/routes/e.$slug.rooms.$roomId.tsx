import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { myRoomPart } from "~/.server/attendees/personal-parts";
import { checkIntoRoom } from "~/.server/checkin/rooms";
import { getPublishedRoom } from "~/.server/schedule/public-schedule";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors } from "~/components/forms";
import { AskOwnPartEarly, NoScriptOwnPage, OwnPartPending, useOwnPart, withNoJs } from "~/components/own-part";
import { BlockSchedule } from "~/components/schedule";
import { getUser, requireUser } from "~/utils/auth.server";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.room.name} · ${data.event.name} · Dropin` : "Room · Dropin" },
];

// Where the QR code on a door sign leads: what happens in this room today, and
// for people on the PD day's list, checking in to it for the block running now.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event, version, room, sessions } = await guard(getPublishedRoom(params.slug!, params.roomId!));
  const blocks = version.snapshot.blocks.filter(
    (b) => b.kind === "sessions" || sessions.some((s) => s.blockId === b.id),
  );
  // Set when the production server stores this render for every viewer of one kind
  // (server/public-page-cache.ts): nothing of the person goes in; the page asks for their part.
  const shared = context.sharedViewer;
  const user = shared ? null : await getUser(request);
  return {
    event: { slug: event.slug, name: event.name },
    room,
    blocks,
    sessions,
    // Check-in state, "full — try these" (it changes by the minute) and their own sessions here.
    mine: shared ? null : await myRoomPart(user?.id ?? null, params.slug!, room.id),
    mineLater: Boolean(shared),
    // The check-in card is the same for everyone who may pick here: in the stored render, so
    // the room's sessions below it do not jump down when the person's part arrives.
    checkInAwaited: Boolean(shared?.canPick),
    noScriptHref: shared ? withNoJs(new URL(request.url)) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { event, room } = await guard(getPublishedRoom(params.slug!, params.roomId!));
  // Outside a running block the reason (and what to do) is shown on this page, not the error page.
  const done = await guardForm({}, checkIntoRoom(user.id, event.id, room.id));
  if (!done.ok) return invalid(done.result);
  const { block, session, moved } = done.value;
  const what = session ? `“${session.title}”` : room.name;
  return redirectWithToast(`/e/${event.slug}/rooms/${room.id}`, {
    kind: "success",
    message: `Checked in to ${what} for ${block.label}.${moved ? " Your previous room is checked out." : ""}`,
  });
}

export default function RoomPage() {
  const { event, room, blocks, sessions, mine, mineLater, checkInAwaited, noScriptHref } =
    useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  // Pick buttons post to /e/<slug>/picks: a post to this route is the check-in's.
  const checkingIn = usePending()();
  const own = useOwnPart(event.slug, `room/${room.id}`, mine, mineLater);
  const { canCheckIn, hereSince, alternatives, presenting } = own.part ?? {
    canCheckIn: checkInAwaited && !own.failed,
    hereSince: null,
    alternatives: null,
    presenting: [],
  };
  const where = [room.building, room.floor && `floor ${room.floor}`].filter(Boolean).join(", ");
  return (
    <>
      <p>
        <Link to={`/e/${event.slug}`}>← {event.name}</Link>
      </p>
      <AskOwnPartEarly slug={event.slug} path={`room/${room.id}`} later={mineLater} />
      <NoScriptOwnPage href={noScriptHref} />
      <h1>{room.name}</h1>
      {where ? <p className="muted">{where}</p> : null}
      {own.part || canCheckIn ? null : <OwnPartPending failed={own.failed} />}
      {alternatives ? (
        <div className="card room-full" role="note">
          <p>
            <strong>This room is full right now.</strong>
            {alternatives.length > 0
              ? " Try one of these in the same block:"
              : " Every other room in this block is full too."}
          </p>
          {alternatives.length > 0 ? (
            <ul>
              {alternatives.map((a) => (
                <li key={a.placementId}>
                  <Link to={`/e/${event.slug}/rooms/${a.roomId}`}>{a.title}</Link> · {a.roomName} ({a.seatsLeft}{" "}
                  {a.seatsLeft === 1 ? "seat" : "seats"} left)
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {presenting.length > 0 ? (
        <section className="card room-presenting" aria-labelledby="room-presenting-title">
          <h2 id="room-presenting-title">You present here</h2>
          <ul className="list-plain">
            {presenting.map((s) => (
              <li key={s.placementId}>
                <span>{s.title}</span>
                <Link
                  className="button button-secondary"
                  to={`/e/${event.slug}/sessions/${s.placementId}/attendance`}
                  aria-label={`Take attendance for ${s.title}`}
                >
                  Take attendance
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canCheckIn ? (
        <section className="card room-checkin" aria-labelledby="room-checkin-title">
          <h2 id="room-checkin-title">Attending here?</h2>
          {hereSince ? <p>You are checked in here since {hereSince}.</p> : null}
          <FormErrors errors={problem?.formErrors ?? []} />
          <Form method="post">
            <Button disabled={checkingIn}>Check in to this room</Button>
          </Form>
          <p className="muted">
            Your PD credit counts from when you check in until you check in somewhere else or the block ends.
          </p>
        </section>
      ) : null}
      <BlockSchedule blocks={blocks} sessions={sessions} showRoom={false} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
