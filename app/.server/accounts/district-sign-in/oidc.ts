// The OpenID Connect authorization code flow with PKCE, through openid-client. The
// library verifies the ID token (signature from the issuer's keys, issuer, audience,
// expiry, nonce) and the state; Dropin then applies its own rules (claims.ts).
import * as client from "openid-client";
import { UnavailableError } from "../../errors";
import { acceptClaims, DistrictSignInRefused, type DistrictIdentity } from "./claims";
import type { DistrictProvider } from "./settings";

/** What the browser must bring back: kept in a signed, httpOnly, 10-minute cookie. */
export type PendingSignIn = {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectTo: string;
};

const SCOPE = "openid email profile";

// Every sign-in starts with a fresh discovery: it is what tells a provider that is
// down from one that is up (the person gets Dropin's page saying so, not the
// browser's "site can't be reached" at the provider), and it picks up new keys. The
// answer is kept for the callback; a failed one is forgotten.
const configurations = new Map<string, Promise<client.Configuration>>();

// openid-client waits 30 s by default; a sign-in page that spins that long looks broken.
const TIMEOUT_SECONDS = 10;

function discover(provider: DistrictProvider) {
  const server = new URL(provider.issuer);
  // Settings allow http:// only for a provider on this machine (the test suite's).
  const execute = server.protocol === "http:" ? [client.allowInsecureRequests] : [];
  const pending = client.discovery(server, provider.clientId, provider.clientSecret, undefined, {
    execute,
    timeout: TIMEOUT_SECONDS,
  });
  configurations.set(provider.id, pending);
  pending.catch(() => {
    if (configurations.get(provider.id) === pending) configurations.delete(provider.id);
  });
  return pending;
}

export class ProviderUnreachable extends UnavailableError {}

function unreachable(provider: DistrictProvider) {
  return new ProviderUnreachable(
    `${providerName(provider)} is not answering right now, so the sign-in cannot go through. Try again in a minute, or tell your district's IT team.`,
  );
}

function providerName(provider: DistrictProvider) {
  return provider.label.replace(/^Sign in with /, "");
}

/**
 * Whether a failed request to the provider never got a usable answer: the
 * connection was refused or dropped, it timed out, or the provider answered with
 * a server error. Anything else (a refused code, a bad signature) is a refusal.
 */
function isNetworkFailure(error: unknown): boolean {
  // openid-client wraps what fetch threw (a TypeError whose cause is ECONNREFUSED…)
  // or the provider's Response, a level or two down.
  let e = error;
  for (let depth = 0; depth < 5 && e instanceof Object; depth++, e = (e as { cause?: unknown }).cause) {
    if (e instanceof TypeError && e.message === "fetch failed") return true;
    if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return true;
    const code = (e as { code?: unknown }).code;
    if (code === "OAUTH_TIMEOUT" || code === "OAUTH_ABORT") return true;
    if (e instanceof Response && e.status >= 500) return true;
  }
  return false;
}

async function configuration(provider: DistrictProvider, fresh: boolean) {
  try {
    return await ((!fresh && configurations.get(provider.id)) || discover(provider));
  } catch (error) {
    console.error(`District sign-in: discovery of ${provider.issuer} failed`, error);
    throw unreachable(provider);
  }
}

export async function beginSignIn(provider: DistrictProvider, redirectUri: string, redirectTo: string) {
  const config = await configuration(provider, true);
  const pending: PendingSignIn = {
    providerId: provider.id,
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    redirectTo,
  };
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: SCOPE,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
  };
  if (provider.type === "google") {
    // A hint only (the hd claim is what is checked): Google offers the district account first.
    if (provider.allowedDomains.length === 1) parameters.hd = provider.allowedDomains[0]!;
  }
  return { url: client.buildAuthorizationUrl(config, parameters).href, pending };
}

const TAMPERED =
  "This sign-in could not be finished safely: it was started in another browser or tab, took longer than 10 minutes, or its link was changed. Start again from the sign-in page.";

/**
 * The verified person from the provider's answer at `callbackUrl`. Every failure
 * is a DistrictSignInRefused (or ProviderUnreachable) with a message for the person.
 */
export async function finishSignIn(
  provider: DistrictProvider,
  callbackUrl: URL,
  pending: PendingSignIn | null,
): Promise<DistrictIdentity> {
  const error = callbackUrl.searchParams.get("error");
  if (error) {
    throw new DistrictSignInRefused(
      error === "access_denied"
        ? `The sign-in was cancelled at ${providerName(provider)}. Start again when you are ready.`
        : `${provider.label} refused the sign-in (${error.slice(0, 60)}). Try again, or tell your district's IT team.`,
    );
  }
  if (!pending || pending.providerId !== provider.id) throw new DistrictSignInRefused(TAMPERED);
  const config = await configuration(provider, false);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (cause) {
    if (isNetworkFailure(cause)) {
      console.error(`District sign-in with ${provider.id}: the token request failed`, cause);
      throw unreachable(provider);
    }
    // A wrong state or nonce, a replayed code, a bad signature: all look the same to
    // the person. The log keeps the detail for whoever looks into it.
    console.error(`District sign-in with ${provider.id} refused:`, cause instanceof Error ? cause.message : cause);
    throw new DistrictSignInRefused(TAMPERED);
  }
  const claims = tokens.claims();
  if (!claims) throw new DistrictSignInRefused(TAMPERED);
  // Some issuers (ClassLink among them) put the email only in the UserInfo answer;
  // fetchUserInfo checks that it is about the same subject.
  if (typeof claims.email !== "string") {
    try {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      return acceptClaims(provider, { ...userInfo, ...claims });
    } catch (cause) {
      if (cause instanceof DistrictSignInRefused) throw cause;
      console.error(
        `District sign-in with ${provider.id}: UserInfo failed:`,
        cause instanceof Error ? cause.message : cause,
      );
    }
  }
  return acceptClaims(provider, claims);
}
