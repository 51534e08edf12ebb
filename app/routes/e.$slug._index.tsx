import crypto from "node:crypto";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { overlapQuestion, viewerPicks } from "~/.server/attendees/picks";
import { getAttendeeSchedule } from "~/.server/attendees/schedule";
import { listSponsors } from "~/.server/vendors/vendors";
import { AttendeeNav, OverlapQuestion, PickButton, attendeeLinks, useOwnPicks } from "~/components/attendee";
import { overlapIndex } from "~/utils/overlap";
import { ErrorMessage } from "~/components/error-message";
import { withNoJs } from "~/components/own-part";
import { Sponsors } from "~/components/sponsors";
import {
  AUDIENCE_WORDS,
  BlockSchedule,
  FORMAT_WORDS,
  formatClock,
  timeRange,
  type ScheduleSession,
} from "~/components/schedule";
import { ScheduleFilterSchema } from "~/schemas/attendees";
import { getUser } from "~/utils/auth.server";
import { formatEventDate, formatTimestamp } from "~/utils/dates";
import { guard } from "~/utils/http.server";
import { count } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.name} · Dropin` : "PD day · Dropin" },
];
export const links: LinksFunction = attendeeLinks;

// The public face of a PD day: the latest PUBLISHED schedule only, never the draft grid.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = ScheduleFilterSchema.parse(Object.fromEntries(url.searchParams));
  // Set when the production server stores this render for every viewer of one kind
  // (server/public-page-cache.ts): nothing of the person goes in, their picks come later.
  const shared = context.sharedViewer;
  const [{ event, version, sessions, blockView, subjects, nowNext }, user] = await Promise.all([
    guard(getAttendeeSchedule(params.slug!, filters, new Date(), url.searchParams.get("block"))),
    shared ? null : getUser(request),
  ]);
  const [{ canPick, picks }, sponsors] = await Promise.all([
    shared ? { canPick: shared.canPick, picks: {} as Record<string, string> } : viewerPicks(user?.id ?? null, event.id),
    listSponsors(event.id),
  ]);
  const overlap = canPick && user ? await overlapQuestion(user.id, event.id, url.searchParams.get("overlap")) : null;
  return {
    event: {
      slug: event.slug,
      name: event.name,
      date: event.date,
      startTime: event.startTime,
      endTime: event.endTime,
      timeZone: event.timeZone,
      venue: event.venue,
      description: event.description,
      status: event.status,
      // Formatted here, not in the browser: keeps the date helpers out of the phone's JavaScript.
      dateText: formatEventDate(event.date),
    },
    schedule: version
      ? {
          number: version.number,
          publishedText: formatTimestamp(version.publishedAt, event.timeZone),
          blocks: blockView ? version.snapshot.blocks.filter((b) => b.id === blockView.shown) : version.snapshot.blocks,
          // What the page shows of each session, no more: a phone decodes all of it before
          // the page comes alive (proposal and presenter ids were an eighth of a large block's data).
          sessions: sessions.map((s): ScheduleSession => ({
            placementId: s.placementId,
            title: s.title,
            summary: s.summary,
            audience: s.audience,
            presenters: s.presenters.map((p) => ({ name: p.name })),
            roomId: s.roomId,
            roomName: s.roomName,
            blockId: s.blockId,
            startTime: s.startTime,
            endTime: s.endTime,
            lengthBlocks: s.lengthBlocks,
            dayOf: s.dayOf,
            format: s.format,
            tags: s.tags,
          })),
          blockView,
          total: version.snapshot.sessions.length,
          places: Object.fromEntries(
            version.snapshot.rooms.map((r) => [r.id, { building: r.building, floor: r.floor }]),
          ),
        }
      : null,
    nowNext,
    filters,
    subjects,
    signedIn: Boolean(user || shared),
    sponsors,
    canPick,
    picks,
    // The stored render's buttons ask GET /e/<slug>/my-picks for the person's picks;
    // a browser without JavaScript is sent to its own render (?nojs=1) instead.
    picksLater: Boolean(shared?.canPick),
    noScriptHref: shared?.canPick ? withNoJs(url) : null,
    overlap,
    // Across the whole day, not only the filtered sessions: a hidden pick still overlaps.
    overlaps: canPick && version ? overlapIndex(version.snapshot.sessions) : {},
    // Client id for a pick submitted without JavaScript; a double submit adds nothing.
    formNonce: crypto.randomUUID(),
    returnTo: url.pathname + url.search,
  };
}

function NowNext({ slug }: { slug: string }) {
  const { nowNext } = useLoaderData<typeof loader>();
  if (!nowNext) return null;
  const part = (heading: string, entry: (typeof nowNext)["current"]) =>
    entry ? (
      <section className="now-next-part" aria-labelledby={`now-next-${heading}`}>
        <h2 id={`now-next-${heading}`}>
          {heading}: {entry.block.label}{" "}
          <span className="block-time">{timeRange(entry.block.startTime, entry.block.endTime)}</span>
        </h2>
        {entry.sessions.length ? (
          <ul className="list-plain">
            {entry.sessions.map((s) => (
              <li key={s.placementId}>
                <Link to={`/e/${slug}/sessions/${s.placementId}`}>{s.title}</Link> · {s.roomName}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    ) : null;
  return (
    <div className="card now-next">
      {part("Now", nowNext.current)}
      {part("Next", nowNext.next)}
    </div>
  );
}

/** A large day's blocks, one page each; the filters travel along. */
function BlockTabs() {
  const { schedule, returnTo } = useLoaderData<typeof loader>();
  const view = schedule?.blockView;
  if (!view) return null;
  const href = (id: string) => {
    const url = new URL(returnTo, "http://dropin.invalid");
    url.searchParams.delete("nojs");
    url.searchParams.set("block", id);
    return url.pathname + url.search;
  };
  return (
    <nav aria-label="Blocks" className="block-tabs">
      {view.tabs.map((tab) => (
        <Link
          key={tab.id}
          to={href(tab.id)}
          aria-current={tab.id === view.shown ? "page" : undefined}
          preventScrollReset
        >
          {tab.label} <span className="block-time">{formatClock(tab.startTime)}</span> ({tab.matching})
        </Link>
      ))}
    </nav>
  );
}

function Filters() {
  const { filters, subjects, event, schedule } = useLoaderData<typeof loader>();
  const select = (
    name: "audience" | "subject" | "format",
    label: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form method="get" className="schedule-filters" role="search" aria-label="Find sessions">
      {schedule?.blockView ? <input type="hidden" name="block" value={schedule.blockView.shown} /> : null}
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" type="search" name="q" defaultValue={filters.q ?? ""} />
      </div>
      {select(
        "audience",
        "Grade band",
        Object.entries(AUDIENCE_WORDS).map(([value, label]) => ({ value, label })),
      )}
      {subjects.length
        ? select(
            "subject",
            "Subject",
            subjects.map((t) => ({ value: t, label: t })),
          )
        : null}
      {select(
        "format",
        "Format",
        Object.entries(FORMAT_WORDS).map(([value, label]) => ({ value, label })),
      )}
      <div className="form-actions">
        <button type="submit" className="button button-secondary">
          Show sessions
        </button>
        {Object.values(filters).some(Boolean) ? <Link to={`/e/${event.slug}`}>Clear filters</Link> : null}
      </div>
    </Form>
  );
}

export default function PublicEvent() {
  const {
    event,
    schedule,
    signedIn,
    canPick,
    picks,
    picksLater,
    noScriptHref,
    overlap,
    overlaps,
    formNonce,
    returnTo,
    sponsors,
  } = useLoaderData<typeof loader>();
  useOwnPicks(event.slug, picksLater);
  const live = event.status !== "archived";
  // One identity while the loader data stays: BlockSchedule keeps its list as it is then.
  const pickButton = useCallback(
    (s: ScheduleSession) =>
      canPick ? (
        <PickButton
          slug={event.slug}
          placementId={s.placementId}
          title={s.title}
          pickClientId={picksLater ? undefined : (picks[s.placementId] ?? null)}
          formClientId={`${formNonce}-${s.placementId}`.slice(0, 64)}
          returnTo={returnTo}
          overlaps={(overlaps[s.placementId] ?? []).map((id) => ({
            placementId: id,
            picked: picksLater ? undefined : id in picks,
          }))}
        />
      ) : null,
    [canPick, event.slug, picksLater, picks, formNonce, returnTo, overlaps],
  );
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn={signedIn} current="schedule" />
      {noScriptHref ? (
        <noscript>
          <meta httpEquiv="refresh" content={`0; url=${noScriptHref}`} />
          <p className="card">
            <a href={noScriptHref}>Show my picks</a>
          </p>
        </noscript>
      ) : null}
      {overlap ? (
        <OverlapQuestion
          slug={event.slug}
          question={overlap}
          formClientId={`${formNonce}-overlap`}
          returnTo={returnTo}
        />
      ) : null}
      <article className="card" aria-labelledby="event-title">
        <h1 id="event-title">{event.name}</h1>
        <p>
          <strong>{event.dateText}</strong>, {timeRange(event.startTime, event.endTime)}
          {event.venue ? (
            <>
              <br />
              {event.venue}
            </>
          ) : null}
        </p>
        {event.description ? <p>{event.description}</p> : null}
        {event.status === "archived" ? <p className="muted">This PD day has ended.</p> : null}
        {event.status === "proposals_open" ? (
          <p>
            <Link to={`/e/${event.slug}/propose`}>Propose a session</Link>
          </p>
        ) : null}
        {signedIn && (event.status === "published" || event.status === "live") ? (
          <p>
            Teaching something on the day? <Link to={`/e/${event.slug}/propose-now`}>Offer a session now</Link>
          </p>
        ) : null}
        {!signedIn && live ? (
          <p>
            <Link to={`/e/${event.slug}/join`}>Join with your email</Link> to pick sessions, or{" "}
            <Link to={`/signup?event=${event.slug}`}>create an account</Link> or{" "}
            <Link to={`/login?redirectTo=/e/${event.slug}`}>sign in</Link>.
          </p>
        ) : null}
      </article>

      <NowNext slug={event.slug} />

      <section aria-label="Schedule" className="public-schedule">
        {schedule ? (
          <>
            <p className="muted">
              Schedule version {schedule.number}, published {schedule.publishedText}.{" "}
              <a href={`/e/${event.slug}/schedule.ics`}>Add to your calendar</a> ·{" "}
              <a href={`/e/${event.slug}/schedule.json`}>schedule.json</a>
            </p>
            <Filters />
            <BlockTabs />
            <p className="muted">
              {schedule.sessions.length === schedule.total
                ? count(schedule.total, "session")
                : `Showing ${schedule.sessions.length} of ${count(schedule.total, "session")}`}
            </p>
            <BlockSchedule
              blocks={schedule.blocks}
              sessions={schedule.sessions}
              slug={event.slug}
              places={schedule.places}
              actions={pickButton}
              emptyText={
                schedule.sessions.length === schedule.total
                  ? "No sessions in this block."
                  : "No matching sessions in this block."
              }
            />
          </>
        ) : (
          <p className="card">No schedule published yet. Check back closer to the day.</p>
        )}
      </section>
      <Sponsors sponsors={sponsors} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
