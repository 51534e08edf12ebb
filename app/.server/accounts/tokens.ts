import crypto from "node:crypto";
import { getEnv } from "~/utils/env.server";

/** A random, unguessable token for a mailed link, and the hash we store instead of it. */
export function newLinkToken() {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** HMAC of the parts under the server secret: a value only this server can make. */
export function signedToken(...parts: string[]) {
  return crypto.createHmac("sha256", getEnv().SESSION_SECRET).update(parts.join(":")).digest("base64url");
}

/** Two secrets compared in constant time (a wrong length is simply unequal). */
export function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
