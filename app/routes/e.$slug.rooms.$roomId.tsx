import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublishedRoom } from "~/.server/schedule/public-schedule";
import { ErrorMessage } from "~/components/error-message";
import { BlockSchedule } from "~/components/schedule";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.room.name} · ${data.event.name} · Dropin` : "Room · Dropin" },
];

// Where the QR code on a door sign leads: what happens in this room today.
export async function loader({ params }: LoaderFunctionArgs) {
  const { event, version, room, sessions } = await guard(getPublishedRoom(params.slug!, params.roomId!));
  const blocks = version.snapshot.blocks.filter((b) => b.kind === "sessions" || sessions.some((s) => s.blockId === b.id));
  return { event: { slug: event.slug, name: event.name }, room, blocks, sessions };
}

export default function RoomPage() {
  const { event, room, blocks, sessions } = useLoaderData<typeof loader>();
  const where = [room.building, room.floor && `floor ${room.floor}`].filter(Boolean).join(", ");
  return (
    <>
      <p>
        <Link to={`/e/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>{room.name}</h1>
      {where ? <p className="muted">{where}</p> : null}
      <BlockSchedule blocks={blocks} sessions={sessions} showRoom={false} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
