import { redirect } from "@remix-run/node";
import { createSession, deleteSession, findSessionUser } from "~/.server/accounts/sessions";
import { deviceMayOpen } from "~/.server/events/kiosk-device";
import { claimVendorContacts } from "~/.server/vendors/vendors";
import { getAuthStorage, getSignInMark } from "./session.server";

export type SignedInUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

async function readSession(request: Request) {
  return getAuthStorage().getSession(request.headers.get("Cookie"));
}

async function sessionUser(request: Request) {
  const sessionId = (await readSession(request)).get("sessionId");
  return typeof sessionId === "string" ? findSessionUser(sessionId) : null;
}

/** The signed-in user; a kiosk device counts as signed in on its door pages only (anonymous elsewhere). */
export async function getUser(request: Request): Promise<SignedInUser | null> {
  const user = await sessionUser(request);
  if (user?.kioskSlug && !deviceMayOpen(new URL(request.url).pathname, user.kioskSlug)) return null;
  return user;
}

/** The signed-in user, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(request: Request) {
  const user = await sessionUser(request);
  if (user?.kioskSlug && !deviceMayOpen(new URL(request.url).pathname, user.kioskSlug)) {
    throw new Response("This device is signed in for the door only: the kiosk and the live view.", { status: 403 });
  }
  if (!user) {
    const url = new URL(request.url);
    const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
    throw redirect(`/login?${params}`);
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/events");
}

const HERE = "http://dropin.invalid";

/**
 * Only a path on this site, so a crafted link cannot bounce a user to another one;
 * anything else goes to `fallback` (the start page). Browsers drop tabs and
 * newlines from an address and read a backslash as a slash, so "/\t/evil.example"
 * and "/\\evil.example" would both become "//evil.example", another site. The
 * paths Dropin itself puts in redirectTo are percent-encoded ASCII, so anything
 * but printable ASCII (controls, spaces, backslashes, other scripts) is refused
 * outright, and what is left must resolve to this origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  if (/[^\x21-\x7e]|\\/.test(to)) return fallback;
  try {
    if (new URL(to, HERE).origin !== HERE) return fallback;
  } catch {
    return fallback;
  }
  return to;
}

export async function signInAndRedirect(request: Request, userId: string, redirectTo: string, expiresAt?: Date) {
  // Every sign-in is by a proven address: link the vendors whose contact it is.
  await claimVendorContacts(userId);
  const storage = getAuthStorage();
  const cookieSession = await readSession(request);
  // A fresh session row on every sign-in: an id planted before login is never reused.
  const previous = cookieSession.get("sessionId");
  if (typeof previous === "string") await deleteSession(previous);
  const session = await createSession(userId, expiresAt);
  cookieSession.set("sessionId", session.id);
  const headers = new Headers();
  headers.append("Set-Cookie", await storage.commitSession(cookieSession, { expires: session.expiresAt }));
  headers.append("Set-Cookie", await getSignInMark().serialize(crypto.randomUUID(), { expires: session.expiresAt }));
  return redirect(safeRedirect(redirectTo), { headers });
}

export async function signOut(request: Request, redirectTo = "/") {
  const storage = getAuthStorage();
  const cookieSession = await readSession(request);
  const sessionId = cookieSession.get("sessionId");
  if (typeof sessionId === "string") await deleteSession(sessionId);
  const headers = new Headers();
  headers.append("Set-Cookie", await storage.destroySession(cookieSession));
  headers.append("Set-Cookie", await getSignInMark().serialize("", { maxAge: 0 }));
  return redirect(redirectTo, { headers });
}
