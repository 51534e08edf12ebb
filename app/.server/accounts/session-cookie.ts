// The session id in a request's Cookie header, for the production server's direct
// routes (the kiosk's check-in API, the signed-in schedule page and its picks).
// Checking the cookie's HMAC each time was a visible share of such a request (Web
// Crypto, off the main thread and back), so the exact cookie strings that verified
// are remembered with their session id: the same bytes always verify the same way,
// and the session row itself is still read (and its expiry checked) every time.
import { LRUCache } from "lru-cache";
import { getAuthStorage } from "~/utils/session.server";

const verified = new LRUCache<string, string>({ max: 5000 });

export async function sessionIdFromCookie(cookie: string | null | undefined) {
  if (!cookie) return null;
  const known = verified.get(cookie);
  if (known) return known;
  const sessionId = (await getAuthStorage().getSession(cookie)).get("sessionId");
  if (typeof sessionId !== "string") return null;
  verified.set(cookie, sessionId);
  return sessionId;
}
