// Route-side glue for district sign-in: the configured providers, the callback
// address registered with each, and the cookie that carries a sign-in in progress.
import { z } from "zod";
import type { PendingSignIn } from "~/.server/accounts/district-sign-in/oidc";
import { getEnv } from "./env.server";
import { shortLivedCookie } from "./session.server";

export function districtProviders() {
  return getEnv().OIDC_PROVIDERS;
}

export function findDistrictProvider(id: string | undefined) {
  return districtProviders().find((provider) => provider.id === id) ?? null;
}

/** The redirect URL to register with the provider (README → District sign-in). */
export function callbackUrlFor(providerId: string) {
  return new URL(`/auth/${providerId}/callback`, getEnv().APP_URL).href;
}

/** Buttons for /login: what the browser needs, never the client secret. */
export function districtButtons() {
  return districtProviders().map((provider) => ({ id: provider.id, label: provider.label }));
}

export function passwordSignInForAdminsOnly() {
  return getEnv().PASSWORD_SIGNIN === "admins-only";
}

const PENDING_MINUTES = 10;

// Signed so the browser cannot change the expected state, nonce or PKCE verifier;
// httpOnly so a script cannot read them; SameSite=Lax, which a top-level GET back
// from the provider still carries; scoped to /auth. The value also carries its own
// expiry, since a browser could keep a cookie past Max-Age.
const cookie = shortLivedCookie("__dropin_district_sign_in", "/auth", PENDING_MINUTES * 60);

const PendingSchema = z.object({
  providerId: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  redirectTo: z.string(),
  expiresAt: z.number(),
});

export function rememberPendingSignIn(pending: PendingSignIn) {
  return cookie().serialize({ ...pending, expiresAt: Date.now() + PENDING_MINUTES * 60_000 });
}

export async function takePendingSignIn(request: Request): Promise<{ pending: PendingSignIn | null; clear: string }> {
  const parsed = PendingSchema.safeParse(await cookie().parse(request.headers.get("Cookie")));
  const clear = await cookie().serialize("", { maxAge: 0 });
  if (!parsed.success || parsed.data.expiresAt < Date.now()) return { pending: null, clear };
  const { expiresAt: _expiresAt, ...pending } = parsed.data;
  return { pending, clear };
}
