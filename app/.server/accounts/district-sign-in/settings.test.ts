import { describe, expect, test } from "vitest";
import { OidcProvidersSchema } from "./settings";

function messages(text: string) {
  const result = OidcProvidersSchema.safeParse(text);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
}

describe("OIDC_PROVIDERS", () => {
  test("fills in Google's issuer, the tenant's own Microsoft issuer and default labels", () => {
    const providers = OidcProvidersSchema.parse(
      JSON.stringify([
        { id: "google", type: "google", clientId: "g", clientSecret: "s", allowedDomains: ["Springfield.K12.us"] },
        {
          id: "microsoft",
          type: "microsoft",
          clientId: "m",
          clientSecret: "s",
          tenantId: "0B9F5C1E-3A7D-4E2B-9C61-2F0D8A4B7E15",
        },
        {
          id: "classlink",
          type: "oidc",
          label: "Sign in with ClassLink",
          issuer: "https://launchpad.classlink.com",
          clientId: "c",
          clientSecret: "s",
        },
      ]),
    );
    expect(providers.map((p) => [p.id, p.issuer, p.label])).toEqual([
      ["google", "https://accounts.google.com", "Sign in with Google"],
      [
        "microsoft",
        "https://login.microsoftonline.com/0b9f5c1e-3a7d-4e2b-9c61-2f0d8a4b7e15/v2.0",
        "Sign in with Microsoft",
      ],
      ["classlink", "https://launchpad.classlink.com", "Sign in with ClassLink"],
    ]);
    expect(providers[0]!.allowedDomains).toEqual(["springfield.k12.us"]);
  });

  test("names what is wrong: not JSON, Google without domains, a tenant that is not a GUID, http issuers, duplicates", () => {
    expect(messages("{google}")).toMatch(/must be a JSON list/);
    expect(messages(JSON.stringify([{ id: "google", type: "google", clientId: "g", clientSecret: "s" }]))).toMatch(
      /0\.allowedDomains/,
    );
    expect(
      messages(
        JSON.stringify([
          { id: "ms", type: "microsoft", clientId: "m", clientSecret: "s", tenantId: "springfield.k12.us" },
        ]),
      ),
    ).toMatch(/0\.tenantId: must be the district's Directory \(tenant\) ID/);
    expect(
      messages(
        JSON.stringify([
          { id: "cl", type: "oidc", issuer: "http://idp.example.org", clientId: "c", clientSecret: "s" },
        ]),
      ),
    ).toMatch(/0\.issuer: must be an https:\/\/ address/);
    expect(messages(JSON.stringify([{ id: "x", type: "saml", clientId: "c", clientSecret: "s" }]))).toMatch(/type/);
    const twice = {
      id: "cl",
      type: "oidc",
      issuer: "https://launchpad.classlink.com",
      clientId: "c",
      clientSecret: "s",
    };
    expect(messages(JSON.stringify([twice, twice]))).toMatch(/two providers have the same id/);
  });

  test("a provider on this machine may use http:// (the test suite's)", () => {
    const [local] = OidcProvidersSchema.parse(
      JSON.stringify([{ id: "dev", type: "oidc", issuer: "http://localhost:3550", clientId: "c", clientSecret: "s" }]),
    );
    expect(local!.issuer).toBe("http://localhost:3550");
  });
});
