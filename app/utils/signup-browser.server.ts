// Which account this browser just signed up (or signed in unproven) as. A
// confirmation keeps the password chosen at sign-up only when it comes from that
// browser: someone who signed up with another person's address must not keep a
// password on the account once its real owner presses the link in the mail
// (email-verification.ts). Signed, httpOnly, scoped to /verify-email, one hour.
import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

const LIFETIME_SECONDS = 60 * 60;

let signupCookie: ReturnType<typeof createCookie> | undefined;
function cookie() {
  signupCookie ??= createCookie("__dropin_signup", {
    httpOnly: true,
    sameSite: "lax",
    path: "/verify-email",
    secure: getEnv().APP_URL.startsWith("https://"),
    secrets: [getEnv().SESSION_SECRET],
    maxAge: LIFETIME_SECONDS,
  });
  return signupCookie;
}

/** The Set-Cookie header that marks this browser as the one that chose `userId`'s password. */
export function rememberSignupBrowser(userId: string) {
  return cookie().serialize({ userId, expiresAt: Date.now() + LIFETIME_SECONDS * 1000 });
}

/** The account this browser signed up as, if it did within the hour. */
export async function signupBrowserUser(request: Request): Promise<string | null> {
  const value = (await cookie().parse(request.headers.get("Cookie"))) as { userId?: unknown; expiresAt?: unknown } | null;
  if (!value || typeof value.userId !== "string" || typeof value.expiresAt !== "number" || value.expiresAt < Date.now()) return null;
  return value.userId;
}
