// The published schedule as attendees, door signs and posters show it. Plain
// server-rendered lists: readable at 320px, fast without JavaScript, printable.
import { useNavigate } from "@remix-run/react";
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

export type ScheduleBlock = { id: string; label: string; startTime: string; endTime: string; kind: string };
export type ScheduleSession = {
  placementId: string;
  title: string;
  summary: string;
  audience: string[];
  presenters: Array<{ name: string }>;
  roomId: string;
  roomName: string;
  blockId: string;
  startTime: string;
  endTime: string;
  lengthBlocks: number;
  dayOf: boolean;
  format?: string;
  tags?: string[];
};

export type ScheduleRoomPlace = { building: string; floor: string };

export const FORMAT_WORDS: Record<string, string> = {
  hands_on: "Hands-on",
  demo: "Demo",
  discussion: "Discussion",
  playground: "Playground / open lab",
};

export function formatText(format: string) {
  return FORMAT_WORDS[format] ?? format;
}

/** "Main building, floor 2": where to walk to. */
export function placeText(room: ScheduleRoomPlace | undefined) {
  if (!room) return "";
  return [room.building, room.floor && `floor ${room.floor}`].filter(Boolean).join(", ");
}

// Kept here rather than imported from ~/schemas: that would pull zod into the
// attendee pages' JavaScript.
export const AUDIENCE_WORDS: Record<string, string> = {
  "K-2": "Grades K–2",
  "3-5": "Grades 3–5",
  "6-8": "Grades 6–8",
  "9-12": "Grades 9–12",
  all: "All staff",
};

/** "8:50 AM": how a teacher reads a schedule on the wall. */
export function formatClock(time: string) {
  const [hh = 0, mm = 0] = time.split(":").map(Number);
  const hour = hh % 12 === 0 ? 12 : hh % 12;
  return `${hour}:${String(mm).padStart(2, "0")} ${hh < 12 ? "AM" : "PM"}`;
}

export function timeRange(startTime: string, endTime: string) {
  return `${formatClock(startTime)}–${formatClock(endTime)}`;
}

export function audienceText(audience: string[]) {
  return audience.map((a) => AUDIENCE_WORDS[a] ?? a).join(", ");
}

export function NewTodayTag() {
  return <span className="tag tag-new">New today</span>;
}

// True in the browser until the page's first render (hydration) has committed.
let hydrating = typeof document !== "undefined";

/**
 * What the server rendered, left as it is when the page comes alive: React does not
 * walk an element whose content is `dangerouslySetInnerHTML`, so the server's HTML
 * inside stays and costs no hydration. A 300-session day's block is 60 sessions of
 * titles, links and summaries that never change in the browser; hydrating them was
 * most of a slow phone's longest tasks. The HTML is read back from the page, so the
 * content survives should React ever render the page afresh instead of hydrating.
 * `data`: what the content shows; once it is not what was hydrated (new loader data
 * after a navigation), the content is rendered by React again. `render`: a function, so
 * kept content costs not even its elements.
 */
function ServerHtml({ id, data, render }: { id: string; data: unknown; render: () => ReactNode }) {
  const [kept] = useState(() => {
    const html = hydrating ? document.getElementById(id)?.innerHTML : undefined;
    return html === undefined ? null : { data, html };
  });
  useEffect(() => {
    hydrating = false;
  }, []);
  if (kept && kept.data === data)
    return <div id={id} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: kept.html }} />;
  // Its own key: the server's content is replaced, never merged into.
  return (
    <div key="rendered" id={id}>
      {render()}
    </div>
  );
}

function SessionAbout({
  session,
  slug,
  showRoom,
  place,
}: {
  session: ScheduleSession;
  slug?: string;
  showRoom: boolean;
  place?: string;
}) {
  const details = [session.format ? formatText(session.format) : "", ...(session.tags ?? [])].filter(Boolean);
  return (
    <>
      <h3 className="session-title">
        {slug ? <a href={`/e/${slug}/sessions/${session.placementId}`}>{session.title}</a> : session.title}{" "}
        {session.dayOf ? <NewTodayTag /> : null}
      </h3>
      <p className="session-meta">
        {showRoom ? (
          <>
            {slug ? <a href={`/e/${slug}/rooms/${session.roomId}`}>{session.roomName}</a> : session.roomName}
            {place ? ` (${place})` : null}
            {" · "}
          </>
        ) : null}
        {session.presenters.map((p) => p.name).join(", ")}
        {session.lengthBlocks > 1 ? <> · until {formatClock(session.endTime)}</> : null}
      </p>
      {session.audience.length ? <p className="session-meta">For: {audienceText(session.audience)}</p> : null}
      {details.length ? <p className="session-meta">{details.join(" · ")}</p> : null}
      {session.summary ? <p className="session-summary">{session.summary}</p> : null}
    </>
  );
}

function SessionItem({
  session,
  slug,
  showRoom,
  place,
  actions,
}: {
  session: ScheduleSession;
  slug?: string;
  showRoom: boolean;
  place?: string;
  actions?: ReactNode;
}) {
  return (
    <li className="session" id={`session-${session.placementId}`}>
      <ServerHtml
        id={`session-${session.placementId}-about`}
        data={session}
        render={() => <SessionAbout session={session} slug={slug} showRoom={showRoom} place={place} />}
      />
      {actions}
    </li>
  );
}

/**
 * The session and room links of a long list are plain anchors, and one listener on the
 * list opens them in the app (as Remix's Link would): a Link per anchor, times 120 on
 * a 300-session day's block, was a phone's longest task after the page loaded.
 * Modified clicks (new tab, download) stay the browser's.
 */
export function useInAppLinks<T extends HTMLElement = HTMLDivElement>() {
  const list = useRef<T>(null);
  const navigate = useNavigate();
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const follow = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const link = (event.target as Element).closest("a");
      if (!link || link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(link.pathname + link.search + link.hash);
    };
    element.addEventListener("click", follow);
    return () => element.removeEventListener("click", follow);
  }, [navigate]);
  return list;
}

/** Sessions under their start block, breaks and lunch shown as plain rows. */
export function BlockSchedule({
  blocks,
  sessions,
  slug,
  showRoom = true,
  headingLevel = 2,
  places,
  actions,
  emptyText = "No sessions in this block.",
}: {
  blocks: ScheduleBlock[];
  sessions: ScheduleSession[];
  slug?: string;
  showRoom?: boolean;
  headingLevel?: 2 | 3;
  /** Room id → building and floor, shown beside the room name. */
  places?: Record<string, ScheduleRoomPlace>;
  /** Per-session controls, e.g. the attendee's pick button. */
  actions?: (session: ScheduleSession) => ReactNode;
  emptyText?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const list = useInAppLinks();
  // Made again only when what it shows changes. The router renders the whole page again
  // when it learns the routes the page links to (Remix's route discovery, just after the
  // page comes alive) and when a navigation starts; redoing a 60-session block then was
  // a slow phone's longest task after load. `actions` must keep its identity (useCallback).
  const content = useMemo(
    () =>
      blocks.map((block) => {
        const here = sessions.filter((s) => s.blockId === block.id);
        if (block.kind !== "sessions" && here.length === 0) {
          return (
            <p key={block.id} className="block-break">
              <strong>{block.label}</strong> · {timeRange(block.startTime, block.endTime)}
            </p>
          );
        }
        return (
          <Fragment key={block.id}>
            <section className="block" aria-labelledby={`block-${block.id}`}>
              <Heading id={`block-${block.id}`} className="block-heading">
                {block.label} <span className="block-time">{timeRange(block.startTime, block.endTime)}</span>
              </Heading>
              {here.length ? (
                <ul className="list-plain session-list">
                  {here.map((s) => (
                    <SessionItem
                      key={s.placementId}
                      session={s}
                      slug={slug}
                      showRoom={showRoom}
                      place={placeText(places?.[s.roomId])}
                      actions={actions?.(s)}
                    />
                  ))}
                </ul>
              ) : (
                <p className="muted">{emptyText}</p>
              )}
            </section>
          </Fragment>
        );
      }),
    [blocks, sessions, slug, showRoom, Heading, places, actions, emptyText],
  );
  return (
    <div className="block-schedule" ref={list}>
      {content}
    </div>
  );
}
