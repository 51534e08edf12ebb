import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { afterTheDayCounts } from "~/.server/circles/dashboard";
import { getEventDashboard, getEventForCoordinator, setEventStatus } from "~/.server/events/events";
import { AfterTheDay } from "~/components/after-the-day";
import { ChangeList } from "~/components/change-list";
import { ErrorMessage } from "~/components/error-message";
import { EVENT_STATUSES, EVENT_STATUS_LABELS, EventStatusSchema, type EventStatus } from "~/schemas/events";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate, formatTimestamp } from "~/utils/dates";
import { parseSubmission } from "~/utils/forms";
import { guard, guardForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { count, plural } from "~/utils/plural";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.name} · Dropin` : "PD day · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const dashboard = await guard(getEventDashboard(user.id, params.slug!));
  return { ...dashboard, afterTheDay: await guard(afterTheDayCounts(user.id, dashboard.event.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const submission = parseSubmission(EventStatusSchema, await request.formData());
  if (!submission.ok) {
    return redirectWithToast(`/events/${event.slug}`, { kind: "error", message: "Choose a stage from the list." });
  }
  const changed = await guardForm({}, setEventStatus(user.id, event.id, submission.data.status));
  if (!changed.ok) {
    return redirectWithToast(`/events/${event.slug}`, { kind: "error", message: changed.result.formErrors[0] ?? "" });
  }
  return redirectWithToast(`/events/${event.slug}`, {
    kind: "success",
    message: `${event.name} is now: ${EVENT_STATUS_LABELS[submission.data.status]}.`,
  });
}

// Labels for moving forward; a step back is always labelled "Back to …" (below), so
// no button reads like progress when it undoes it.
const STATUS_ACTION_LABELS: Record<EventStatus, string> = {
  draft: "Back to draft",
  proposals_open: "Open proposals",
  scheduling: "Close proposals and build the schedule",
  published: "Publish the schedule",
  live: "Start the day",
  archived: "Archive this PD day",
};

function rank({ next, back }: { next: EventStatus; back: boolean }) {
  return next === "archived" ? 2 : back ? 1 : 0;
}

function describeChange(action: string, detail: string) {
  const parsed = JSON.parse(detail) as Record<string, unknown>;
  switch (action) {
    case "event.created":
      return "created the PD day";
    case "event.updated":
      return `changed ${Object.keys(parsed).join(", ")}`;
    case "event.status_changed":
      return `moved it to “${EVENT_STATUS_LABELS[parsed.to as EventStatus] ?? String(parsed.to)}”`;
    case "invitation.sent":
      return `invited ${String(parsed.email)} as ${String(parsed.role)}`;
    case "invitation.accepted":
      return `accepted an invitation as ${String(parsed.role)}`;
    default:
      return action.replace(/[._]/g, " ");
  }
}

export default function EventDashboard() {
  const {
    event,
    people,
    proposals,
    rooms,
    blocks,
    vendors,
    outboxCount,
    recentChanges,
    nextStatuses,
    latestVersion,
    afterTheDay,
  } = useLoaderData<typeof loader>();
  const pending = usePending();
  const proposalTotal = Object.values(proposals).reduce((sum, n) => sum + n, 0);
  const status = event.status as EventStatus;
  const stageIndex = EVENT_STATUSES.indexOf(status);
  // Forward first (the primary step), then a step back, then archive.
  const moves = nextStatuses
    .map((next) => ({
      next,
      back: next !== "archived" && EVENT_STATUSES.indexOf(next) < stageIndex,
    }))
    .sort((a, b) => rank(a) - rank(b));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{event.name}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {formatEventDate(event.date)} · {event.startTime}–{event.endTime} ({event.timeZone})
            {event.venue ? ` · ${event.venue}` : ""}
          </p>
        </div>
        <span className={`tag ${status === "archived" ? "tag-archived" : ""}`}>
          {EVENT_STATUS_LABELS[status] ?? status}
        </span>
      </div>

      <nav aria-label="This PD day" className="card">
        <ul className="event-nav">
          <li>
            <Link to="settings">Settings</Link>
          </li>
          <li>
            <Link to="people">People and invitations</Link>
          </li>
          <li>
            <Link to="proposals">Proposals</Link>
          </li>
          <li>
            <Link to="mail-templates">Mail templates</Link>
          </li>
          <li>
            <Link to="rooms">Rooms</Link>
          </li>
          <li>
            <Link to="blocks">Time blocks</Link>
          </li>
          <li>
            <Link to="grid">Grid</Link>
          </li>
          <li>
            <Link to="publish">Publish</Link>
          </li>
          <li>
            <Link to="day-of">Day-of sessions</Link>
          </li>
          <li>
            <Link to="print/grid">Print grid poster</Link>
          </li>
          <li>
            <Link to="print/door-signs">Print door signs</Link>
          </li>
          <li>
            <a href={`/e/${event.slug}/grid.csv`}>Grid as CSV</a>
          </li>
          <li>
            <Link to="roster">Roster</Link>
          </li>
          <li>
            <Link to="badges">Badges</Link>
          </li>
          <li>
            <Link to="kiosk">Door check-in</Link>
          </li>
          <li>
            <Link to="live">Live view</Link>
          </li>
          <li>
            <Link to="credit">PD credit</Link>
          </li>
          <li>
            <Link to="vendors">Vendors and donations</Link>
          </li>
          <li>
            <Link to="drawings">Prize drawings</Link>
          </li>
          <li>
            <Link to="circles">Follow-up circles</Link>
          </li>
          <li>
            <Link to="/outbox">Outbox ({outboxCount})</Link>
          </li>
          {status !== "draft" ? (
            <li>
              <Link to={`/e/${event.slug}`}>Public page</Link>
            </li>
          ) : null}
        </ul>
      </nav>

      <section aria-labelledby="stage-title" className="card">
        <h2 id="stage-title">Stage</h2>
        <p>
          Now: <strong>{EVENT_STATUS_LABELS[status] ?? status}</strong>.
          {event.proposalsOpenOn || event.proposalsCloseOn
            ? ` Proposal window: ${event.proposalsOpenOn ?? "any time"} to ${event.proposalsCloseOn ?? "the day itself"}.`
            : null}
        </p>
        {latestVersion ? (
          <p>
            Attendees see schedule version {latestVersion.number}, published{" "}
            {formatTimestamp(latestVersion.publishedAt, event.timeZone)}.{" "}
            {stageIndex < EVENT_STATUSES.indexOf("published")
              ? "Publishing again moves this PD day on to “Schedule published”."
              : null}
          </p>
        ) : null}
        <div className="form-actions" style={{ marginTop: 0 }}>
          {moves.map(({ next, back }) =>
            next === "published" && !latestVersion ? (
              // Nothing published yet: the step forward is publishing itself.
              <Link key={next} className="button button-primary" to="publish">
                Publish the schedule…
              </Link>
            ) : (
              <Form method="post" key={next} className="inline-form">
                <input type="hidden" name="status" value={next} />
                <button
                  type="submit"
                  className={`button ${next === "archived" || back ? "button-secondary" : "button-primary"}`}
                  disabled={pending({ status: next })}
                >
                  {back ? `Back to “${EVENT_STATUS_LABELS[next]}”` : STATUS_ACTION_LABELS[next]}
                </button>
              </Form>
            ),
          )}
        </div>
      </section>

      <div className="grid">
        <section aria-labelledby="proposals-title" className="card">
          <h2 id="proposals-title">Proposals</h2>
          <span className="stat">{proposalTotal}</span>
          <p className="muted">
            {Object.entries(proposals)
              .map(([state, n]) => `${n} ${state}`)
              .join(" · ") || "None yet"}
          </p>
        </section>
        <section aria-labelledby="grid-title" className="card">
          <h2 id="grid-title">Schedule grid</h2>
          <span className="stat">{rooms}</span>
          <p className="muted">
            {plural(rooms, "room")} · {count(blocks, "time block")}
          </p>
        </section>
        <section aria-labelledby="people-title" className="card">
          <h2 id="people-title">People</h2>
          <span className="stat">{people.attendee ?? 0}</span>
          <p className="muted">
            {plural(people.attendee ?? 0, "attendee")} · {count(people.presenter ?? 0, "presenter")} ·{" "}
            {count(people.coordinator ?? 0, "coordinator")}
          </p>
        </section>
        <section aria-labelledby="vendors-title" className="card">
          <h2 id="vendors-title">Vendors and prizes</h2>
          <span className="stat">{vendors}</span>
          <p className="muted">{plural(vendors, "vendor")}</p>
        </section>
      </div>

      <AfterTheDay counts={afterTheDay} />

      <section aria-labelledby="changes-title" className="card">
        <h2 id="changes-title">Recent changes</h2>
        <ChangeList
          changes={recentChanges.map((entry) => ({
            id: entry.id,
            who: entry.actor?.name ?? "Dropin",
            what: describeChange(entry.action, entry.detail),
            at: entry.createdAt,
          }))}
          timeZone={event.timeZone}
          empty="Nothing yet."
        />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
