// What Dropin accepts from a district provider's ID token, checked after
// openid-client has verified its signature, issuer, audience, expiry and nonce.
import { NotAllowedError } from "../../errors";
import type { DistrictProvider } from "./settings";

/** The provider vouched for someone Dropin will not sign in (a 403, shown on the callback page). */
export class DistrictSignInRefused extends NotAllowedError {}

export type DistrictIdentity = { providerId: string; subject: string; email: string; name: string };

type Claims = Record<string, unknown> & { sub: string };

function listOf(domains: string[]) {
  return domains.length === 1 ? domains[0] : `${domains.slice(0, -1).join(", ")} or ${domains.at(-1)}`;
}

// Providers send booleans, but some directories hand strings through unchanged.
const isTrue = (value: unknown) => value === true || value === "true";

/**
 * Whether the provider vouches that the address belongs to this person. Google and
 * standard issuers say so with `email_verified`. Entra sends no such claim by
 * default, and a plain `email` in Entra can be typed in by an administrator of any
 * tenant (the "nOAuth" takeover); its optional claim `xms_edov` says the address's
 * domain is verified by the tenant that issued the token.
 */
function emailIsVerified(provider: DistrictProvider, claims: Claims) {
  if (isTrue(claims.email_verified)) return true;
  return provider.type === "microsoft" && isTrue(claims.xms_edov);
}

function displayName(claims: Claims, email: string) {
  const given = [claims.given_name, claims.family_name]
    .filter((part) => typeof part === "string" && part.trim())
    .join(" ");
  const name =
    typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : given || email.split("@")[0]!;
  return name.slice(0, 100);
}

/** The person the token names, or DistrictSignInRefused with a message for them. */
export function acceptClaims(provider: DistrictProvider, claims: Claims): DistrictIdentity {
  const providerName =
    provider.type === "oidc" ? "Your district's sign-in service" : provider.type === "google" ? "Google" : "Microsoft";
  if (provider.type === "microsoft" && String(claims.tid ?? "").toLowerCase() !== provider.tenantId) {
    throw new DistrictSignInRefused(
      "That Microsoft account belongs to another organization. Sign in with your district's Microsoft account, or use a private window if another account is signed in.",
    );
  }
  if (provider.type === "google") {
    const hd = typeof claims.hd === "string" ? claims.hd.toLowerCase() : "";
    if (!provider.allowedDomains.includes(hd)) {
      const who = typeof claims.email === "string" ? ` You signed in as ${claims.email}.` : "";
      throw new DistrictSignInRefused(
        `Only ${listOf(provider.allowedDomains)} Google accounts can sign in here.${who} Switch to your district account and try again.`,
      );
    }
  }
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new DistrictSignInRefused(
      `${providerName} did not share an email address, which Dropin needs. Ask your district's IT team to release the email claim to Dropin.`,
    );
  }
  if (!emailIsVerified(provider, claims)) {
    throw new DistrictSignInRefused(
      `${providerName} did not confirm that ${email} belongs to you, so Dropin cannot sign you in with it. Ask your district's IT team.`,
    );
  }
  // Google's `hd` already names the Workspace (whose addresses may be in alias domains).
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (provider.type !== "google" && provider.allowedDomains.length > 0 && !provider.allowedDomains.includes(domain)) {
    throw new DistrictSignInRefused(
      `Only ${listOf(provider.allowedDomains)} accounts can sign in here. You signed in as ${email}.`,
    );
  }
  return { providerId: provider.id, subject: claims.sub, email, name: displayName(claims, email) };
}
