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

// One discovery per provider per process; a failed one is forgotten so the next
// sign-in tries again instead of failing until a restart.
const configurations = new Map<string, Promise<client.Configuration>>();

function configurationFor(provider: DistrictProvider) {
  let pending = configurations.get(provider.id);
  if (!pending) {
    const server = new URL(provider.issuer);
    // Settings allow http:// only for a provider on this machine (the test suite's).
    const execute = server.protocol === "http:" ? [client.allowInsecureRequests] : [];
    pending = client.discovery(server, provider.clientId, provider.clientSecret, undefined, { execute });
    configurations.set(provider.id, pending);
    pending.catch(() => configurations.delete(provider.id));
  }
  return pending;
}

export class ProviderUnreachable extends UnavailableError {}

async function configuration(provider: DistrictProvider) {
  try {
    return await configurationFor(provider);
  } catch (error) {
    console.error(`District sign-in: discovery of ${provider.issuer} failed`, error);
    throw new ProviderUnreachable(
      `${provider.label} is not reachable right now. Try again in a minute, or tell your district's IT team.`,
    );
  }
}

export async function beginSignIn(provider: DistrictProvider, redirectUri: string, redirectTo: string) {
  const config = await configuration(provider);
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
        ? `The sign-in was cancelled at ${provider.label.replace(/^Sign in with /, "")}. Start again when you are ready.`
        : `${provider.label} refused the sign-in (${error.slice(0, 60)}). Try again, or tell your district's IT team.`,
    );
  }
  if (!pending || pending.providerId !== provider.id) throw new DistrictSignInRefused(TAMPERED);
  const config = await configuration(provider);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (cause) {
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
