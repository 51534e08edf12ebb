// The per-person part of an attendee page served from the stored render every
// viewer of one kind shares (server/public-page-cache.ts): asked for once the page
// is loaded (GET /e/<slug>/mine/…), through the service worker so the last answer
// is there offline too. A browser without JavaScript is sent to its own render.
import { useEffect, useState } from "react";

export type OwnPart<T> = { part: T | null; failed: string | null };

type Answer = { ok: boolean; body: unknown } | null;
declare global {
  interface Window {
    /** GET /e/<slug>/mine/… asked by the page's inline script (AskOwnPartEarly), by address. */
    __dropinOwnPart?: Record<string, Promise<Answer>>;
  }
}

const mineUrl = (slug: string, path: string) => `/e/${slug}/mine/${path}`;

/** The one request; the inline script runs this same function's source, so it uses nothing but `fetch`. Null: no network. */
function askOwnPart(url: string): Promise<Answer> {
  return fetch(url, { headers: { Accept: "application/json" } })
    .then((response) => response.json().then((body: unknown) => ({ ok: response.ok, body })))
    .catch(() => null);
}

/**
 * On a stored render: ask for the person's part while the page's JavaScript is still
 * downloading, so it is there when the page comes alive (a phone on slow Wi-Fi saw
 * it a round trip later, after everything else). Allowed by the stored page's hashes.
 */
export function AskOwnPartEarly({ slug, path, later }: { slug: string; path: string; later: boolean }) {
  if (!later) return null;
  const url = JSON.stringify(mineUrl(slug, path)).replace(/</g, "\\u003c");
  const script = `(window.__dropinOwnPart=window.__dropinOwnPart||{})[${url}]=(${askOwnPart.toString()})(${url});`;
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}

/** `rendered`: the part as the server rendered it; null on a stored render, which asks for it (`later`). */
export function useOwnPart<T>(slug: string, path: string, rendered: T | null, later: boolean): OwnPart<T> {
  const [asked, setAsked] = useState<OwnPart<T>>({ part: null, failed: null });
  useEffect(() => {
    if (!later) return;
    let current = true;
    const url = mineUrl(slug, path);
    // Asked once: a later visit to this page in the app asks again.
    const early = window.__dropinOwnPart?.[url];
    if (early) delete window.__dropinOwnPart![url];
    void (early ?? askOwnPart(url)).then((answer) => {
      if (!current) return;
      if (!answer) setAsked({ part: null, failed: "Offline: your part of this page shows when you are back online." });
      else if (answer.ok) setAsked({ part: answer.body as T, failed: null });
      else
        setAsked({
          part: null,
          failed: (answer.body as { message?: string }).message ?? "This part of the page could not be loaded.",
        });
    });
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
