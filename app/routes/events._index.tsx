import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listEventsFor } from "~/.server/events/events";
import { EVENT_STATUS_LABELS, ROLE_LABELS, type EventStatus, type Role } from "~/schemas/events";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "PD days · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const events = await listEventsFor(user.id);
  return { events, canCreate: user.isDistrictCoordinator, name: user.name };
}

export default function Events() {
  const { events, canCreate, name } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>PD days</h1>
        {canCreate ? (
          <Link className="button button-primary" to="/events/new">
            New PD day
          </Link>
        ) : null}
      </div>
      <p className="muted">
        Signed in as {name}. <Link to="/me/pd">My PD record</Link>
        {canCreate ? (
          <>
            {" "}
            · <Link to="/district/pd-export">Yearly PD credit export</Link>
          </>
        ) : null}
      </p>
      {events.length === 0 ? (
        <div className="card">
          <p>
            {canCreate
              ? "No PD days yet. Create the first one to start collecting proposals."
              : "You are not part of any PD day yet. Your coordinator will send you an invitation."}
          </p>
        </div>
      ) : (
        <ul className="list-plain card" aria-label="Your PD days">
          {events.map((event) => (
            <li key={event.id}>
              <h2 style={{ marginBottom: "0.25rem" }}>
                {event.canManage ? (
                  <Link to={`/events/${event.slug}`}>{event.name}</Link>
                ) : event.status === "draft" ? (
                  event.name
                ) : (
                  <Link to={`/e/${event.slug}`}>{event.name}</Link>
                )}
              </h2>
              <p className="muted" style={{ margin: 0 }}>
                {formatEventDate(event.date)} · {event.startTime}–{event.endTime}
                {event.venue ? ` · ${event.venue}` : ""}
              </p>
              <p style={{ margin: "0.25rem 0 0" }}>
                <span className={`tag ${event.status === "archived" ? "tag-archived" : ""}`}>
                  {EVENT_STATUS_LABELS[event.status as EventStatus] ?? event.status}
                </span>{" "}
                {event.roles.includes("reviewer") && !event.canManage ? (
                  <>
                    <Link to={`/events/${event.slug}/proposals`}>Review proposals</Link>{" "}
                  </>
                ) : null}
                {event.roles.includes("door") && !event.canManage ? (
                  <>
                    <Link to={`/events/${event.slug}/kiosk`}>Door check-in</Link>{" "}
                    <Link to={`/events/${event.slug}/live`}>Live view</Link>{" "}
                  </>
                ) : null}
                {event.roles.includes("vendor") ? (
                  <>
                    <Link to="/vendor">Vendor portal</Link>{" "}
                  </>
                ) : null}
                {event.roles.map((role) => (
                  <span key={role} className="tag">
                    {ROLE_LABELS[role as Role] ?? role}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
