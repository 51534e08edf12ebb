// District sign-in settings (README → District sign-in): OIDC_PROVIDERS, a JSON list
// of the district's OpenID Connect providers, and PASSWORD_SIGNIN. Validated with the
// rest of the environment at boot, so a typo stops Dropin with a message rather than
// surfacing as a broken button on the day.
import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

// Tokens and keys come from the issuer: only over HTTPS, except a provider on this
// machine (the test suite's, or a developer's).
const issuerUrl = z.url({ error: "must be a URL" }).refine(
  (value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
  },
  { error: "must be an https:// address (http:// only for a provider on this machine)" },
);

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: "must be a domain such as springfield.k12.us",
  });

const common = {
  // Part of the callback address (/auth/<id>/callback) and of the stored link to a
  // person, so it must not change once people have signed in with it.
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: "must be lowercase letters, digits and dashes, e.g. google" }),
  label: z.string().trim().min(1).max(60).optional(),
  clientId: z.string().trim().min(1, { error: "is required" }),
  clientSecret: z.string().min(1, { error: "is required" }),
  allowedDomains: z.array(domain).optional(),
};

const GoogleProvider = z.object({
  ...common,
  type: z.literal("google"),
  issuer: issuerUrl.default("https://accounts.google.com"),
  // A Google account's `hd` claim names its Workspace; without this list any Gmail
  // account could sign in.
  allowedDomains: z.array(domain).min(1, { error: "must list the district's Google Workspace domain(s)" }),
});

// Entra tenant ids are GUIDs; a domain name here would never equal the `tid` claim.
const tenantId = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: "must be the district's Directory (tenant) ID, a GUID from the Entra admin center",
  });

const MicrosoftProvider = z.object({
  ...common,
  type: z.literal("microsoft"),
  tenantId,
  // Normally derived from tenantId; set only to test against another issuer.
  issuer: issuerUrl.optional(),
});

const OidcProvider = z.object({ ...common, type: z.literal("oidc"), issuer: issuerUrl });

const ProviderSchema = z.discriminatedUnion("type", [GoogleProvider, MicrosoftProvider, OidcProvider], {
  error: 'needs "type": "google", "microsoft" or "oidc"',
});

export const OidcProvidersSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON list, e.g. [{"id":"google","type":"google",…}]' });
      return z.NEVER;
    }
  })
  .pipe(z.array(ProviderSchema))
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, { error: "two providers have the same id" })
  .transform((list) => list.map(withDefaults));

function withDefaults(provider: z.infer<typeof ProviderSchema>) {
  const names = { google: "Google", microsoft: "Microsoft", oidc: provider.id } as const;
  const issuer =
    provider.type === "microsoft"
      ? // The tenant's own endpoint: its discovery document names the tenant's issuer,
        // so a token from any other tenant fails the issuer check as well as `tid`.
        (provider.issuer ?? `https://login.microsoftonline.com/${provider.tenantId}/v2.0`)
      : provider.issuer;
  return {
    ...provider,
    issuer,
    allowedDomains: provider.allowedDomains ?? [],
    tenantId: provider.type === "microsoft" ? provider.tenantId : undefined,
    label: provider.label ?? `Sign in with ${names[provider.type]}`,
  };
}

export type DistrictProvider = ReturnType<typeof withDefaults>;

/**
 * "everyone" (the default): anyone with a password signs in with it. "admins-only":
 * only district coordinators — the break-glass administrators — may; everyone else
 * uses a district account.
 */
export const PasswordSignInSchema = z.enum(["everyone", "admins-only"], {
  error: 'must be "everyone" or "admins-only"',
});
