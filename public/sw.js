// Dropin's service worker, registered with scope /e/ by attendee pages, and with
// scope /events/<slug>/kiosk by the door kiosk (no other staff page).
// Keeps what an attendee has already seen (the published schedule, session pages,
// "my day", and the hashed build assets) readable when the hallway Wi-Fi drops, and
// the kiosk page itself, so a reload with the server down still opens the kiosk.
// Picks made offline are queued by the page itself (localStorage) and replayed
// when the browser is back online; the server dedupes them by client id.
/// <reference lib="webworker" />
/** @type {ServiceWorkerGlobalScope} */
// @ts-expect-error -- `self` is the worker's global scope here, not a Window.
const worker = self;
const CACHE = "dropin-attendee-v1";

worker.addEventListener("install", () => void worker.skipWaiting());

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("dropin-attendee-") && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => worker.clients.claim()),
  );
});

/** @param {URL} url */
function isAttendeeRead(url) {
  // Pages and their Remix data requests (*.data), but not exports or private feeds.
  return url.pathname.startsWith("/e/") && !/\.(ics|json|csv)$/.test(url.pathname) && !url.pathname.includes("/join");
}

/**
 * The door kiosk page (not its JSON API, roster or data requests). Stored under its
 * bare address: a reload of "?q=…" or a badge link "?token=…" with the server down
 * opens the same page, whose own script then works from the device's queue and roster.
 * @param {URL} url
 */
function isKioskShell(url) {
  return /^\/events\/[^/]+\/kiosk$/.test(url.pathname);
}

// Pages that exist only for a signed-in person. On a shared phone or kiosk no
// cached page may outlive that person's sign-out; network-first already means a
// cached copy is only ever shown offline.
const PERSONAL =
  /^\/(e\/[^/]+\/(my-day|my-picks|mine|my-badge|credit|prizes|certificate)(\.data|\/|$)|events\/[^/]+\/kiosk$)/;

/**
 * Drops every cached page and data response. Not only the personal ones: the
 * schedule and session pages show the signed-in person's picks too. Build assets
 * (the same for everyone) stay, so the next person still loads fast.
 */
async function clearPersonal() {
  const cache = await caches.open(CACHE);
  const requests = await cache.keys();
  await Promise.all(
    requests.filter((r) => !new URL(r.url).pathname.startsWith("/assets/")).map((r) => cache.delete(r)),
  );
}

// Whose pages the cache holds: the dropin_signin cookie's value when they were kept
// (a random mark, new at each sign-in, gone at sign-out and when the session
// expires; app/utils/session.server.ts). A sign-out the worker never saw (the
// session just ran out) followed by someone else's sign-in (a join link, the
// sign-in page: both outside what this worker handles) changes the mark, and the
// last person's pages must go before the next person can open them offline.
const MARK_KEY = "/__dropin-sign-in";
/** @type {string | null} the mark last checked, so an unchanged one costs no cache read */
let knownMark = null;
let markCheck = Promise.resolve();

/**
 * Drops the cached pages if they were kept under another sign-in (or none), then
 * notes `mark` as the one they are kept for. Checks run one after another.
 * @param {string} mark
 */
function keepFor(mark) {
  if (mark === knownMark) return markCheck;
  markCheck = markCheck
    .then(async () => {
      const cache = await caches.open(CACHE);
      const kept = await cache.match(MARK_KEY);
      if (!kept || (await kept.text()) !== mark) {
        await clearPersonal();
        await cache.put(MARK_KEY, new Response(mark));
      }
      knownMark = mark;
    })
    .catch(() => undefined);
  return markCheck;
}

/**
 * The mark as the browser holds it now, where a worker can read cookies (the Cookie
 * Store API: Chromium, so Chromebooks and Android phones); elsewhere the pages tell
 * the worker theirs as they load (the "warm" message).
 */
async function checkMarkNow() {
  if (!("cookieStore" in worker)) return;
  try {
    const cookie = await worker.cookieStore.get("dropin_signin");
    await keepFor(cookie ? cookie.value : "");
  } catch {
    // No cookie access here: the pages' messages still check.
  }
}

/**
 * @param {Request} request
 * @param {string} [key] where the copy is kept, if not under the request's own address
 */
async function networkFirst(request, key) {
  await checkMarkNow();
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // A proxy in front of a stopped server answers 502/503/504: as good as no network.
    if (response.status >= 500) {
      const cached = await cache.match(key ?? request, { ignoreVary: true });
      if (cached) return cached;
    }
    if (response.ok && response.type === "basic") await cache.put(key ?? request, response.clone());
    // Not signed in any more (signed out elsewhere, or the session ended): a redirect
    // or refusal here means the copies of the last person's pages are stale and private.
    else if (PERSONAL.test(new URL(request.url).pathname)) await clearPersonal();
    return response;
  } catch (error) {
    const cached = await cache.match(key ?? request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** @param {Request} request */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// Pages reached by client-side navigation arrive as *.data requests, not as HTML:
// the page asks for its own HTML (and the schedule and my day) to be stored too,
// so a reload in a dead zone still opens them.
worker.addEventListener("message", (event) => {
  if (event.data && event.data.type === "clear-personal") {
    event.waitUntil(clearPersonal());
    return;
  }
  /** @type {string[]} */
  const urls = event.data && event.data.type === "warm" && Array.isArray(event.data.urls) ? event.data.urls : [];
  // The kiosk's message carries no mark: where the worker reads cookies, it checks itself.
  const mark = event.data && typeof event.data.signIn === "string" ? keepFor(event.data.signIn) : checkMarkNow();
  const wanted = urls
    .map((u) => new URL(u, worker.location.origin))
    .filter(
      (u) =>
        u.origin === worker.location.origin &&
        (isAttendeeRead(u) || isKioskShell(u) || u.pathname.startsWith("/assets/")),
    );
  event.waitUntil(
    mark
      .then(() => caches.open(CACHE))
      .then((cache) =>
        Promise.all(
          wanted.map((u) =>
            fetch(u.href, { credentials: "same-origin" })
              .then((response) => (response.ok ? cache.put(u.href, response) : undefined))
              .catch(() => undefined),
          ),
        ),
      ),
  );
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  // Signing out from an attendee page with JavaScript posts /logout(.data) through
  // here: forget the person's pages before the sign-out lands. (Without JavaScript
  // the POST is a navigation outside this worker's scope; the logout response's
  // Clear-Site-Data header and the redirect check in networkFirst cover that.)
  if (request.method === "POST" && /^\/logout(\.data)?$/.test(url.pathname)) {
    event.respondWith(
      clearPersonal().then(
        () => fetch(request),
        () => fetch(request),
      ),
    );
    return;
  }
  if (request.method !== "GET") return;
  // Build assets carry a content hash in their name: a cached copy is always right.
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (isAttendeeRead(url)) {
    event.respondWith(networkFirst(request));
  } else if (isKioskShell(url) && request.mode === "navigate") {
    event.respondWith(networkFirst(request, url.origin + url.pathname));
  }
});
