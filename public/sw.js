// Dropin's service worker, registered with scope /e/ by attendee pages only.
// Keeps what an attendee has already seen (the published schedule, session pages,
// "my day", and the hashed build assets) readable when the hallway Wi-Fi drops.
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
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dropin-attendee-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

/** @param {URL} url */
function isAttendeeRead(url) {
  // Pages and their Remix data requests (*.data), but not exports or private feeds.
  return url.pathname.startsWith("/e/") && !/\.(ics|json|csv)$/.test(url.pathname) && !url.pathname.includes("/join");
}

/** @param {Request} request */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
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
  /** @type {string[]} */
  const urls = event.data && event.data.type === "warm" && Array.isArray(event.data.urls) ? event.data.urls : [];
  const wanted = urls.map((u) => new URL(u, worker.location.origin)).filter((u) => u.origin === worker.location.origin && isAttendeeRead(u));
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
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
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  // Build assets carry a content hash in their name: a cached copy is always right.
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (isAttendeeRead(url)) {
    event.respondWith(networkFirst(request));
  }
});
