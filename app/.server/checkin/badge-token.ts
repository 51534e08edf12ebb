import crypto from "node:crypto";

/**
 * 128 random bits, base64url. Never derived from the email or an id: a badge
 * token must not be guessable from anything printed elsewhere.
 */
export function newBadgeToken() {
  return crypto.randomBytes(16).toString("base64url");
}
