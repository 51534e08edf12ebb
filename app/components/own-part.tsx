// The per-person part of an attendee page served from the stored render every
// viewer of one kind shares (server/public-page-cache.ts): asked for once the page
// is loaded (GET /e/<slug>/mine/…), through the service worker so the last answer
// is there offline too. A browser without JavaScript is sent to its own render.
import { useEffect, useState } from "react";

export type OwnPart<T> = { part: T | null; failed: string | null };

/** `rendered`: the part as the server rendered it; null on a stored render, which asks for it (`later`). */
export function useOwnPart<T>(slug: string, path: string, rendered: T | null, later: boolean): OwnPart<T> {
  const [asked, setAsked] = useState<OwnPart<T>>({ part: null, failed: null });
  useEffect(() => {
    if (!later) return;
    let current = true;
    fetch(`/e/${slug}/mine/${path}`, { headers: { Accept: "application/json" } })
      .then(async (response) => {
        const body = (await response.json()) as T & { message?: string };
        if (current)
          setAsked(
            response.ok
              ? { part: body, failed: null }
              : { part: null, failed: body.message ?? "This part of the page could not be loaded." },
          );
      })
      .catch(
        () =>
          current &&
          setAsked({ part: null, failed: "Offline: your part of this page shows when you are back online." }),
      );
    return () => {
      current = false;
    };
  }, [slug, path, later]);
  return later ? asked : { part: rendered, failed: null };
}

/** A stored render holds nobody's data: without JavaScript, go to the person's own render (`?nojs=1`). */
export function NoScriptOwnPage({ href }: { href: string | null }) {
  if (!href) return null;
  return (
    <noscript>
      <meta httpEquiv="refresh" content={`0; url=${href}`} />
      <p className="card">
        <a href={href}>Show my part of this page</a>
      </p>
    </noscript>
  );
}

/** The address of the person's own render of this page, for NoScriptOwnPage. */
export function withNoJs(url: URL) {
  const own = new URLSearchParams(url.search);
  own.set("nojs", "1");
  return `${url.pathname}?${own}`;
}

/** Shown where the person's part goes while it loads, or why it did not. */
export function OwnPartPending({ failed }: { failed: string | null }) {
  return failed ? (
    <p className="card" role="alert">
      {failed}
    </p>
  ) : (
    <p className="muted" aria-busy="true">
      Loading…
    </p>
  );
}
