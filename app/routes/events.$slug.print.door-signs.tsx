import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { appLink } from "~/.server/outbox/outbox";
import { getPrintableSchedule } from "~/.server/schedule/public-schedule";
import { ErrorMessage } from "~/components/error-message";
import { NewTodayTag, timeRange } from "~/components/schedule";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";
import { count } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Door signs · ${data.event.name} · Dropin` : "Door signs · Dropin" },
];

// One printed page per room, taped to its door; the QR code opens the room's
// live page, so a late change is one scan away even after printing.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const version = await guard(getPrintableSchedule(user.id, params.slug!));
  const { event, rooms, blocks, sessions } = version.snapshot;
  const signs = await Promise.all(
    rooms.map(async (room) => {
      const url = appLink(`/e/${event.slug}/rooms/${room.id}`);
      // Rendered on the server as inline SVG: sharp at any print size, no image request.
      const qrSvg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      const roomSessions = blocks.flatMap((b) =>
        sessions.filter((s) => s.roomId === room.id && s.blockId === b.id).map((s) => ({ ...s, block: b })),
      );
      return { room, url, qrSvg, sessions: roomSessions };
    }),
  );
  return { event: { slug: event.slug, name: event.name }, signs };
}

export default function DoorSigns() {
  const { event, signs } = useLoaderData<typeof loader>();
  return (
    <div className="print-page">
      <p className="no-print">
        <Link to={`/events/${event.slug}/publish`}>← Publish</Link> · {count(signs.length, "door sign")}, one page each.
        Use your browser’s Print command.
      </p>
      <h1 className="visually-hidden">Door signs for {event.name}</h1>
      {signs.map(({ room, url, qrSvg, sessions }) => (
        <section key={room.id} className="door-sign" aria-labelledby={`sign-${room.id}`}>
          <h2 id={`sign-${room.id}`} className="door-sign-room">
            {room.name}
          </h2>
          <p className="muted">{event.name}</p>
          {sessions.length === 0 ? <p>No sessions in this room.</p> : null}
          <ul className="list-plain door-sign-sessions">
            {sessions.map((s) => (
              <li key={s.placementId}>
                <span className="door-sign-time">
                  {s.block.label} · {timeRange(s.startTime, s.endTime)}
                </span>
                <br />
                <strong>{s.title}</strong> {s.dayOf ? <NewTodayTag /> : null}
                <br />
                {s.presenters.map((p) => p.name).join(", ")}
              </li>
            ))}
          </ul>
          <div className="door-sign-qr">
            <div
              className="qr"
              role="img"
              aria-label={`QR code for this room's schedule: ${url}`}
              // The SVG comes from the qrcode library, built from our own URL.
              dangerouslySetInnerHTML={{ __html: qrSvg }}
            />
            <p className="door-sign-url">{url}</p>
          </div>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
