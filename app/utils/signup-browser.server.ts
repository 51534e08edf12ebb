// Which account this browser just signed up (or signed in unproven) as. A
// confirmation keeps the password chosen at sign-up only when it comes from that
// browser: someone who signed up with another person's address must not keep a
// password on the account once its real owner presses the link in the mail
// (email-verification.ts). Signed, httpOnly, scoped to /verify-email, one hour.
import { z } from "zod";
import { shortLivedCookie } from "./session.server";

const LIFETIME_SECONDS = 60 * 60;
const cookie = shortLivedCookie("__dropin_signup", "/verify-email", LIFETIME_SECONDS);
// The value carries its own expiry too: a browser could keep a cookie past Max-Age.
const SignupSchema = z.object({ userId: z.string(), expiresAt: z.number() });

/** The Set-Cookie header that marks this browser as the one that chose `userId`'s password. */
export function rememberSignupBrowser(userId: string) {
  return cookie().serialize({ userId, expiresAt: Date.now() + LIFETIME_SECONDS * 1000 });
}

/** The account this browser signed up as, if it did within the hour. */
export async function signupBrowserUser(request: Request): Promise<string | null> {
  const parsed = SignupSchema.safeParse(await cookie().parse(request.headers.get("Cookie")));
  return parsed.success && parsed.data.expiresAt >= Date.now() ? parsed.data.userId : null;
}
