import crypto from "node:crypto";

/** A random, unguessable token for a mailed link, and the hash we store instead of it. */
export function newLinkToken() {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}
