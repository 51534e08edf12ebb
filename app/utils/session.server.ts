// Two cookies: the sign-in cookie carries only a session id (the session itself is
// a database row with an expiry), and a short-lived flash cookie carries toasts.
import { createCookie, createCookieSessionStorage, type Cookie, type SessionStorage } from "@remix-run/node";
import type { Toast } from "./toast.server";
import { getEnv } from "./env.server";

function secureCookies() {
  return getEnv().APP_URL.startsWith("https://");
}

let authStorage: SessionStorage<{ sessionId: string }> | undefined;
export function getAuthStorage() {
  authStorage ??= createCookieSessionStorage<{ sessionId: string }>({
    cookie: {
      name: "__dropin_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secureCookies(),
      secrets: [getEnv().SESSION_SECRET],
      maxAge: 60 * 60 * 24 * 30,
    },
  });
  return authStorage;
}

let toastStorage: SessionStorage<Record<string, never>, { toast: Toast }> | undefined;
export function getToastStorage() {
  toastStorage ??= createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
    cookie: {
      name: "__dropin_toast",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secureCookies(),
      secrets: [getEnv().SESSION_SECRET],
    },
  });
  return toastStorage;
}

/**
 * A signed, httpOnly, SameSite=Lax cookie for one short step of signing in (a
 * district sign-in in progress, the browser that signed up), scoped to `path`.
 * Made on first use, once the environment has been read.
 */
export function shortLivedCookie(name: string, path: string, maxAgeSeconds: number) {
  let cookie: Cookie | undefined;
  return () =>
    (cookie ??= createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      path,
      secure: secureCookies(),
      secrets: [getEnv().SESSION_SECRET],
      maxAge: maxAgeSeconds,
    }));
}

let signInMark: Cookie | undefined;
/**
 * A random value, new at every sign-in and gone at sign-out, that the page's script
 * can read (not httpOnly; it says nothing about the person and opens nothing). Picks
 * queued offline carry it, so they are never sent once someone else signs in on the
 * same phone (app/components/attendee.tsx). Not named __dropin_*: the stored attendee
 * renders treat those as personal (server/shared-schedule-render.ts).
 */
export function getSignInMark() {
  return (signInMark ??= createCookie("dropin_signin", {
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: 60 * 60 * 24 * 30,
  }));
}
