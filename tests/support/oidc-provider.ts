// A real OpenID Connect provider on loopback for the district sign-in tests:
// panva's oidc-provider (the certified server behind many IdPs), with its
// development login page, where any password works for the accounts below. It
// signs real ID tokens with its own keys; Dropin discovers and verifies them as it
// would Google's or Entra's. One provider plays every role: each Dropin provider
// entry (google, microsoft) is a client of it, and the accounts carry Google's `hd`
// and Entra's `tid` claims.
import type { Server } from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export const DISTRICT_TENANT = "0b9f5c1e-3a7d-4e2b-9c61-2f0d8a4b7e15";
const OTHER_TENANT = "7d4e2a10-5b3c-4f6e-8a9d-1c2b3a4d5e6f";

/** Login names on the provider's page, and the claims it issues for them. */
export const DISTRICT_ACCOUNTS: Record<string, Record<string, unknown>> = {
  maria: {
    email: "maria.hernandez@springfield.k12.us",
    email_verified: true,
    name: "Maria Hernandez",
    hd: "springfield.k12.us",
    tid: DISTRICT_TENANT,
  },
  mallory: {
    email: "mallory@shelbyville.k12.us",
    email_verified: true,
    name: "Mallory Shelby",
    hd: "shelbyville.k12.us",
    tid: OTHER_TENANT,
  },
};

export type OidcClient = { client_id: string; client_secret: string; redirect_uris: string[] };

async function findAccount(_ctx: KoaContextWithOIDC, id: string) {
  const claims = DISTRICT_ACCOUNTS[id];
  if (!claims) return undefined;
  return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
}

// Dropin is a first-party app of the district: no consent screen, as a district's
// admin would set it up. The grant covers what Dropin asks for.
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const existing = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
  if (existing) {
    const grant = await oidc.provider.Grant.find(existing);
    if (grant) return grant;
  }
  const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
  grant.addOIDCScope("openid email profile");
  await grant.save();
  return grant;
}

export async function startOidcProvider(port: number, clients: OidcClient[]) {
  const issuer = `http://localhost:${port}`;
  const configuration: Configuration = {
    clients: clients.map((client) => ({ ...client, grant_types: ["authorization_code"], response_types: ["code"] })),
    findAccount,
    loadExistingGrant,
    claims: { openid: ["sub", "hd", "tid"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the email in the ID token, as Google and Entra do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  };
  const provider = new Provider(issuer, configuration);
  // Its development pages warn on the console at every start; the tests know.
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));
  // A provider that goes down between the person's login and Dropin's code
  // redemption: the token request's connection is dropped and the server stops.
  let downAtTokenRequest = false;
  provider.use(async (ctx, next) => {
    if (!downAtTokenRequest || ctx.path !== "/token") return next();
    ctx.req.socket.destroy();
    void stop();
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = provider.listen(port, () => resolve(listening));
    listening.once("error", reject);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    issuer,
    stop,
    goDownAtTokenRequest: () => {
      downAtTokenRequest = true;
    },
  };
}
