import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { getLiveView } from "~/.server/checkin/live";
import { getEventForDoor } from "~/.server/events/events";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Live · ${data.event.name} · Dropin` : "Live · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForDoor(user.id, params.slug!));
  const live = await guard(getLiveView(user.id, event.id));
  return { ...live, event: { slug: event.slug, name: event.name, canManage: event.canManage } };
}

function fillLevel(present: number, capacity: number) {
  if (capacity > 0 && present >= capacity) return "full";
  if (capacity > 0 && present >= capacity * 0.8) return "nearly";
  return "ok";
}

export default function Live() {
  const { event, checkedIn, roster, buckets, early, block, rooms, updatedAt } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") revalidator.revalidate();
    }, 15_000);
    return () => window.clearInterval(timer);
  }, [revalidator]);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <>
      {/* Door volunteers cannot open the dashboard: they get the other door page instead. */}
      <p>
        {event.canManage ? <Link to={`/events/${event.slug}`}>← {event.name}</Link> : event.name} ·{" "}
        <Link to={`/events/${event.slug}/kiosk`}>Door check-in</Link>
      </p>
      <h1>Live</h1>
      <p className="muted">
        Updated {updatedAt}; refreshes every 15 seconds. <Link to=".">Refresh now</Link>
      </p>
      <p className="live-total">
        <strong>{checkedIn}</strong> of {roster} checked in at the door.
      </p>
      {early ? (
        <p>
          <span className="live-early-tag">Early</span> {early.count} of them checked in before the doors opened (
          {early.doorsOpened}), with early check-in on: they are not in prize drawings.
        </p>
      ) : null}

      <section className="card" aria-labelledby="arrivals-title">
        <h2 id="arrivals-title">Arrivals per 15 minutes</h2>
        {buckets.length === 0 ? (
          <p>Nobody has checked in yet.</p>
        ) : (
          <table className="bar-table">
            <caption className="visually-hidden">Door check-ins per 15 minutes</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Arrivals</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.label} className={b.early ? "live-early" : undefined}>
                  <th scope="row">{b.label}</th>
                  <td>
                    <span
                      className={b.early ? "bar bar-early" : "bar"}
                      style={{ width: `${(b.count / max) * 100}%` }}
                      aria-hidden="true"
                    />
                    <span className="bar-value">{b.count}</span>
                    {/* Said in words, not only by the bar's pattern. */}
                    {b.early ? <span className="live-early-tag">Early · not in drawings</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="rooms-title">
        <h2 id="rooms-title">{block ? `Rooms now: ${block.label} (${block.startTime}–${block.endTime})` : "Rooms"}</h2>
        {!block ? <p>No session block is running right now.</p> : null}
        <ul className="list-plain live-rooms">
          {rooms.map((room) => {
            const level = fillLevel(room.present, room.capacity);
            return (
              <li key={room.id} className={`live-room live-room-${level}`}>
                <span>
                  <strong>{room.name}</strong>
                  {room.session ? <span className="muted"> · {room.session}</span> : null}
                </span>
                <span>
                  {room.present} / {room.capacity}
                  {level === "full" ? " · full" : level === "nearly" ? " · nearly full" : ""}
                </span>
                <meter
                  min={0}
                  max={Math.max(room.capacity, 1)}
                  value={room.present}
                  aria-label={`${room.name}: ${room.present} of ${room.capacity} seats`}
                />
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
