// A presenter's private calendar and print links carry a token instead of a
// sign-in, so calendar apps can subscribe. HMAC with the server secret makes it
// unguessable without storing anything: knowing someone's id or email is not enough.
import crypto from "node:crypto";
import { getEnv } from "~/utils/env.server";

export function presenterToken(userId: string) {
  return crypto.createHmac("sha256", getEnv().SESSION_SECRET).update(userId).digest("base64url");
}

/** The user among `candidateIds` whose token this is, compared in constant time. */
export function userForToken(token: string, candidateIds: Iterable<string>) {
  const given = Buffer.from(token);
  for (const userId of candidateIds) {
    const expected = Buffer.from(presenterToken(userId));
    if (expected.length === given.length && crypto.timingSafeEqual(expected, given)) return userId;
  }
  return null;
}
