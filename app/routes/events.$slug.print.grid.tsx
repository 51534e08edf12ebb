import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPrintableSchedule } from "~/.server/schedule/public-schedule";
import { ErrorMessage } from "~/components/error-message";
import { NewTodayTag, timeRange } from "~/components/schedule";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Grid poster · ${data.event.name} · Dropin` : "Grid poster · Dropin" },
];

// The published grid as a wall poster: rooms across, blocks down (see the print
// section of app.css for landscape pages that fit A4 and Letter alike).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const version = await guard(getPrintableSchedule(user.id, params.slug!));
  const { event, rooms, blocks, sessions } = version.snapshot;
  return { event, rooms, blocks, sessions, number: version.number };
}

export default function GridPoster() {
  const { event, rooms, blocks, sessions, number } = useLoaderData<typeof loader>();
  return (
    <div className="print-page print-grid">
      <p className="no-print">
        <Link to={`/events/${event.slug}/publish`}>← Publish</Link> · Use your browser’s Print command; landscape fits
        best.
      </p>
      <h1>{event.name}</h1>
      <p>
        {formatEventDate(event.date)} · {event.venue} · schedule version {number}
      </p>
      <div className="table-wrap">
        <table className="poster-table">
          <caption className="visually-hidden">Sessions by block and room</caption>
          <thead>
            <tr>
              <th scope="col">Block</th>
              {rooms.map((r) => (
                <th scope="col" key={r.id}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {blocks.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  {b.label}
                  <br />
                  <span className="block-time">{timeRange(b.startTime, b.endTime)}</span>
                </th>
                {b.kind !== "sessions" && !sessions.some((s) => s.blockId === b.id) ? (
                  <td colSpan={Math.max(1, rooms.length)} className="poster-break">
                    {b.label}
                  </td>
                ) : (
                  rooms.map((r) => {
                    const here = sessions.filter((s) => s.blockId === b.id && s.roomId === r.id);
                    return (
                      <td key={r.id}>
                        {here.map((s) => (
                          <p key={s.placementId} className="poster-session">
                            <strong>{s.title}</strong> {s.dayOf ? <NewTodayTag /> : null}
                            <br />
                            {s.presenters.map((p) => p.name).join(", ")}
                            {s.lengthBlocks > 1 ? <> · two blocks</> : null}
                          </p>
                        ))}
                      </td>
                    );
                  })
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
