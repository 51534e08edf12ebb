// The attendee's phone: one-tap pick buttons that work without JavaScript (a plain
// POST) and, with it, change at once and queue in localStorage while offline; the
// "offline" indicator; and the service worker that keeps pages readable offline.
import { Form, Link } from "@remix-run/react";
import { useEffect, useSyncExternalStore } from "react";
import { timeRange } from "./schedule";

/** `signIn`: the sign-in it was made under (the dropin_signin cookie, session.server.ts). */
type PickOp = { slug: string; intent: "pick" | "unpick"; placementId: string; clientId: string; signIn?: string };

const QUEUE_KEY = "dropin-pick-queue";
const listeners = new Set<() => void>();
// Picks changed in this page load, by placement: the clientId, or null once undone.
const localPicks = new Map<string, string | null>();
// The person's picks as GET /e/<slug>/my-picks answered, for a page rendered without
// them (the stored schedule render every attendee shares).
const ownPicks = new Map<string, string>();
let syncing = false;

function notify() {
  for (const listener of listeners) listener();
}

function readQueue(): PickOp[] {
  try {
    return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? "[]") as PickOp[];
  } catch {
    return [];
  }
}

function writeQueue(queue: PickOp[]) {
  localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
  notify();
}

/**
 * This browser's current sign-in, as the page's script may know it. The queue is
 * kept in the browser, not for a person: on a shared phone or Chromebook the next
 * person to sign in would otherwise send the last one's offline picks (or undo
 * their own) as theirs.
 */
function currentSignIn() {
  return document.cookie.match(/(?:^|;\s*)dropin_signin=([^;]*)/)?.[1] ?? "";
}

/** crypto.randomUUID needs a secure context; a school's plain-http LAN address is not one. */
function newClientId() {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto && window.isSecureContext) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** Sends queued picks in order; stops at the first network failure and tries again when back online. */
async function flush() {
  if (syncing || !navigator.onLine) return;
  syncing = true;
  try {
    for (let queue = readQueue(); queue.length > 0; queue = readQueue()) {
      const op = queue[0]!;
      // Queued under a sign-in that has ended here: not this person's to send.
      if ((op.signIn ?? "") !== currentSignIn()) {
        writeQueue(readQueue().filter((o) => o.clientId !== op.clientId || o.intent !== op.intent));
        continue;
      }
      const body = new URLSearchParams({ intent: op.intent, placementId: op.placementId, clientId: op.clientId });
      let response: Response;
      try {
        response = await fetch(`/e/${op.slug}/picks`, { method: "POST", body, headers: { "X-Dropin-Sync": "1" } });
      } catch {
        return;
      }
      // A refusal (the session was cancelled meanwhile) will not get better by retrying.
      if (response.status >= 500) return;
      writeQueue(readQueue().filter((o) => o.clientId !== op.clientId || o.intent !== op.intent));
    }
  } finally {
    syncing = false;
    notify();
  }
}

// One set of network watchers for the whole page, however many pick buttons listen:
// a 300-session day's schedule shows 60 buttons, and 60 two-second timers each waking
// every button cost a phone more than the picks themselves.
let stopWatching: (() => void) | null = null;

function watchNetwork() {
  const online = () => {
    notify();
    void flush();
  };
  window.addEventListener("online", online);
  window.addEventListener("offline", notify);
  // Browsers do not always fire online/offline (flaky Wi-Fi, emulated networks):
  // look again every couple of seconds, and retry the queue when it seems back.
  const poll = window.setInterval(() => {
    notify();
    if (navigator.onLine && readQueue().length) void flush();
  }, 2000);
  return () => {
    window.clearInterval(poll);
    window.removeEventListener("online", online);
    window.removeEventListener("offline", notify);
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  stopWatching ??= watchNetwork();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopWatching?.();
      stopWatching = null;
    }
  };
}

function useSyncState() {
  return useSyncExternalStore(
    subscribe,
    () => `${navigator.onLine ? "on" : "off"}:${readQueue().length}`,
    () => "on:0",
  );
}

/**
 * On a page rendered without the person's picks: ask for them once it is loaded.
 * Through the service worker, so the last answer is there offline too.
 */
export function useOwnPicks(slug: string, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    fetch(`/e/${slug}/my-picks`, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<{ picks?: Record<string, string> }>) : null))
      .then((body) => {
        if (!current || !body?.picks) return;
        ownPicks.clear();
        for (const [placementId, clientId] of Object.entries(body.picks)) ownPicks.set(placementId, clientId);
        notify();
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [slug, enabled]);
}

/** A pick as the page was rendered, or (undefined) as GET my-picks said. */
function renderedPick(placementId: string, rendered: string | null | undefined) {
  return rendered === undefined ? (ownPicks.get(placementId) ?? null) : rendered;
}

export function PickButton({
  slug,
  placementId,
  title,
  pickClientId,
  formClientId,
  returnTo,
  overlaps = [],
}: {
  slug: string;
  placementId: string;
  title: string;
  /** Sessions sharing minutes with this one, and whether each was picked when the page was rendered (undefined: ask my-picks). */
  overlaps?: { placementId: string; picked: boolean | undefined }[];
  /** The existing pick's client id, if picked when the page was rendered; undefined when the render did not know (useOwnPicks). */
  pickClientId: string | null | undefined;
  /** For a no-JavaScript submit: made by the server for this page load. */
  formClientId: string;
  returnTo: string;
}) {
  // This button's own pick only: when my-picks answers or another button changes,
  // the buttons whose pick did not change do not render again.
  const current = useSyncExternalStore(
    subscribe,
    () => (localPicks.has(placementId) ? localPicks.get(placementId)! : renderedPick(placementId, pickClientId)),
    () => pickClientId ?? null,
  );
  const picked = current !== null;
  return (
    // A plain form, not Remix's: its hooks, times 60 buttons, were most of the schedule's
    // hydration. The JavaScript pick is the queue below; the overlap question is the
    // server's, reached by the browser's own submit (as without JavaScript).
    <form
      method="post"
      action={`/e/${slug}/picks`}
      className="pick-form"
      onSubmit={(e) => {
        // Picking over an overlapping pick goes to the server as a plain submit, which
        // answers with the "keep both, or replace?" question (the queue cannot ask).
        const clash = overlaps.some((o) =>
          localPicks.has(o.placementId)
            ? localPicks.get(o.placementId) !== null
            : (o.picked ?? ownPicks.has(o.placementId)),
        );
        if (!picked && clash && navigator.onLine) return;
        e.preventDefault();
        const clientId = picked ? current! : newClientId();
        localPicks.set(placementId, picked ? null : clientId);
        const op = {
          slug,
          intent: picked ? "unpick" : "pick",
          placementId,
          clientId,
          signIn: currentSignIn(),
        } as const;
        writeQueue([...readQueue(), op]);
        void flush();
      }}
    >
      <input type="hidden" name="placementId" value={placementId} />
      <input type="hidden" name="clientId" value={current ?? formClientId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        name="intent"
        value={picked ? "unpick" : "pick"}
        className={`button pick-button${picked ? " is-picked" : ""}`}
        aria-pressed={picked}
      >
        {/* One text node each (not "“", title, "”"): 60 buttons' worth of hydration. */}
        {picked ? "Picked " : "Pick "}
        <span className="visually-hidden">{`“${title}”`}</span>
      </button>
    </form>
  );
}

type TimedSession = { placementId: string; title: string; startTime: string; endTime: string };

/**
 * Asked after a pick that overlaps one already picked was held back: keep both, or
 * replace the overlapping pick(s). Plain forms: it works without JavaScript.
 */
export function OverlapQuestion({
  slug,
  question,
  formClientId,
  returnTo,
}: {
  slug: string;
  question: { session: TimedSession; overlapping: TimedSession[] };
  formClientId: string;
  returnTo: string;
}) {
  const { session, overlapping } = question;
  const others = overlapping.map((o) => `“${o.title}” (${timeRange(o.startTime, o.endTime)})`).join(" and ");
  const back = new URL(returnTo, "http://dropin.invalid");
  back.searchParams.delete("overlap");
  const cancel = back.pathname + back.search;
  return (
    <section id="overlap-question" className="card overlap-question" aria-labelledby="overlap-title" tabIndex={-1}>
      <h2 id="overlap-title">“{session.title}” overlaps a session you picked</h2>
      <p>
        “{session.title}” ({timeRange(session.startTime, session.endTime)}) runs at the same time as {others}. You can
        be in only one room at a time.
      </p>
      <Form method="post" action={`/e/${slug}/picks`} className="form-actions">
        <input type="hidden" name="intent" value="pick" />
        <input type="hidden" name="placementId" value={session.placementId} />
        <input type="hidden" name="clientId" value={formClientId} />
        <input type="hidden" name="returnTo" value={cancel} />
        <button type="submit" name="overlap" value="replace" className="button">
          Pick “{session.title}” instead
        </button>
        <button type="submit" name="overlap" value="keep" className="button button-secondary">
          Keep both
        </button>
        <Link to={cancel}>Don’t pick it</Link>
      </Form>
    </section>
  );
}

/**
 * role=status while picks wait for the network. Rendered only then: an always-present
 * empty status region would sit beside the page's toast as a second "status".
 */
export function SyncStatus() {
  const state = useSyncState();
  const [offline, queued] = [state.startsWith("off"), Number(state.split(":")[1])];
  if (!offline && !queued) return null;
  return (
    <p role="status" className="sync-status">
      {offline ? "Offline — your picks will sync when you are back online." : "Syncing your picks…"}
    </p>
  );
}

/**
 * Registered on attendee pages (/e/…) and, with its own scope, by the door kiosk
 * (kiosk-parts.tsx); other staff pages are never served from a cache. Each attendee
 * page then asks it to keep this page, the schedule and my day.
 */
export function useAttendeeServiceWorker(warm: string[]) {
  const key = warm.join(" ");
  useEffect(
    () =>
      // Once the page has loaded and the phone is idle: the worker's start and the pages
      // it fetches to keep would otherwise compete with the page's own scripts and the
      // person's part on a slow connection, and a queued pick can wait a moment.
      afterLoadWhenIdle(() => {
        void flush();
        if (!("serviceWorker" in navigator)) return;
        navigator.serviceWorker
          .register("/sw.js", { scope: "/e/" })
          .then(() => navigator.serviceWorker.ready)
          .then((registration) =>
            // With the sign-in it is for: the worker drops pages kept under another (public/sw.js).
            registration.active?.postMessage({ type: "warm", urls: key.split(" "), signIn: currentSignIn() }),
          )
          .catch(() => {});
      }),
    [key],
  );
}

/** Runs `work` after the load event, when the main thread is idle (within a second); returns a cancel. */
function afterLoadWhenIdle(work: () => void) {
  let cancel = () => {};
  const idle = () => {
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(work, { timeout: 1000 });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(work, 200);
      cancel = () => clearTimeout(handle);
    }
  };
  if (document.readyState === "complete") idle();
  else {
    window.addEventListener("load", idle, { once: true });
    cancel = () => window.removeEventListener("load", idle);
  }
  return () => cancel();
}

/** The strip on every attendee page: sections of the day, and the sync indicator. */
const MEMBER_LINKS = [
  ["my-day", "My day"],
  ["my-badge", "My badge"],
  ["credit", "PD credit"],
  ["prizes", "Prizes"],
  ["circles", "Circles"],
] as const;

export function AttendeeNav({
  slug,
  signedIn,
  current,
}: {
  slug: string;
  signedIn: boolean;
  current: "schedule" | "my-day" | "my-badge" | "credit" | "prizes" | "circles" | "other";
}) {
  const here = typeof window === "undefined" ? "" : window.location.pathname + window.location.search;
  useAttendeeServiceWorker([here, `/e/${slug}`, ...(signedIn ? [`/e/${slug}/my-day`] : [])].filter(Boolean));
  // Marks when the pick buttons switch from plain POSTs to the offline-capable queue.
  const ready = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  return (
    <>
      <nav aria-label="This PD day" className="attendee-nav" data-ready={ready ? "" : undefined}>
        <Link to={`/e/${slug}`} aria-current={current === "schedule" ? "page" : undefined}>
          Schedule
        </Link>
        {signedIn ? (
          MEMBER_LINKS.map(([page, label]) => (
            <Link key={page} to={`/e/${slug}/${page}`} aria-current={current === page ? "page" : undefined}>
              {label}
            </Link>
          ))
        ) : (
          <Link to={`/e/${slug}/join`}>Join to pick sessions</Link>
        )}
      </nav>
      <SyncStatus />
    </>
  );
}

export const attendeeLinks = () => [{ rel: "manifest", href: "/manifest.webmanifest" }];
