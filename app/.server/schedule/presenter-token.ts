// Private calendar and print links carry a token instead of a sign-in, so calendar
// apps can subscribe. HMAC with the server secret makes it unguessable without
// storing anything: knowing someone's id or email is not enough.
import crypto from "node:crypto";
import { getEnv } from "~/utils/env.server";

/** HMAC of the parts; one part gives the same value presenter links always had. */
export function signedToken(...parts: string[]) {
  return crypto.createHmac("sha256", getEnv().SESSION_SECRET).update(parts.join(":")).digest("base64url");
}

/** The candidate whose token this is, compared in constant time. */
export function matchSignedToken<T>(token: string, candidates: Iterable<T>, tokenFor: (candidate: T) => string) {
  const given = Buffer.from(token);
  for (const candidate of candidates) {
    const expected = Buffer.from(tokenFor(candidate));
    if (expected.length === given.length && crypto.timingSafeEqual(expected, given)) return candidate;
  }
  return null;
}

export function presenterToken(userId: string) {
  return signedToken(userId);
}

/** The user among `candidateIds` whose token this is. */
export function userForToken(token: string, candidateIds: Iterable<string>) {
  return matchSignedToken(token, candidateIds, presenterToken);
}
