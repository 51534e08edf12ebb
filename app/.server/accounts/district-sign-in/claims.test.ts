import { describe, expect, test } from "vitest";
import { acceptClaims, DistrictSignInRefused } from "./claims";
import { OidcProvidersSchema } from "./settings";

const TENANT = "0b9f5c1e-3a7d-4e2b-9c61-2f0d8a4b7e15";
const providers = OidcProvidersSchema.parse(
  JSON.stringify([
    { id: "google", type: "google", clientId: "g", clientSecret: "s", allowedDomains: ["springfield.k12.us"] },
    { id: "microsoft", type: "microsoft", clientId: "m", clientSecret: "s", tenantId: TENANT },
    {
      id: "classlink",
      type: "oidc",
      issuer: "https://launchpad.classlink.com",
      clientId: "c",
      clientSecret: "s",
      allowedDomains: ["springfield.k12.us"],
    },
  ]),
);
const [google, microsoft, classlink] = [providers[0]!, providers[1]!, providers[2]!];

const maria = {
  sub: "1098",
  email: "Maria.Hernandez@springfield.k12.us",
  email_verified: true,
  name: "Maria Hernandez",
};

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DistrictSignInRefused);
    return (error as Error).message;
  }
  throw new Error("expected the sign-in to be refused");
}

describe("acceptClaims", () => {
  test("a district Google account signs in, its address lower-cased", () => {
    expect(acceptClaims(google, { ...maria, hd: "springfield.k12.us" })).toEqual({
      providerId: "google",
      subject: "1098",
      email: "maria.hernandez@springfield.k12.us",
      name: "Maria Hernandez",
    });
  });

  test("Google: a personal account (no hd) or another Workspace is refused, naming the allowed domain", () => {
    expect(refusal(() => acceptClaims(google, { ...maria, email: "maria@gmail.com" }))).toMatch(
      /Only springfield\.k12\.us Google accounts can sign in here\. You signed in as maria@gmail\.com/,
    );
    expect(refusal(() => acceptClaims(google, { ...maria, hd: "shelbyville.k12.us" }))).toMatch(
      /Only springfield\.k12\.us/,
    );
  });

  test("Microsoft: only the district's tenant; another tenant's account is refused", () => {
    const claims = { ...maria, email_verified: undefined, xms_edov: true };
    expect(acceptClaims(microsoft, { ...claims, tid: TENANT.toUpperCase() }).subject).toBe("1098");
    expect(refusal(() => acceptClaims(microsoft, { ...claims, tid: "11111111-2222-3333-4444-555555555555" }))).toMatch(
      /belongs to another organization/,
    );
    expect(refusal(() => acceptClaims(microsoft, claims))).toMatch(/another organization/);
  });

  test("an address the provider did not verify is refused (Entra without xms_edov too)", () => {
    expect(refusal(() => acceptClaims(google, { ...maria, hd: "springfield.k12.us", email_verified: false }))).toMatch(
      /did not confirm that maria\.hernandez@springfield\.k12\.us belongs to you/,
    );
    expect(refusal(() => acceptClaims(microsoft, { ...maria, email_verified: undefined, tid: TENANT }))).toMatch(
      /did not confirm/,
    );
    expect(refusal(() => acceptClaims(classlink, { sub: "7", email_verified: true }))).toMatch(
      /did not share an email address/,
    );
  });

  test("a standard issuer with allowed domains refuses other addresses", () => {
    expect(acceptClaims(classlink, maria).email).toBe("maria.hernandez@springfield.k12.us");
    expect(
      refusal(() => acceptClaims(classlink, { ...maria, email: "maria@springfield.k12.us.evil.example" })),
    ).toMatch(/Only springfield\.k12\.us accounts/);
  });

  test("a name comes from given and family names, else from the address", () => {
    expect(
      acceptClaims(classlink, {
        sub: "7",
        email: "kim.park@springfield.k12.us",
        email_verified: true,
        given_name: "Kim",
        family_name: "Park",
      }).name,
    ).toBe("Kim Park");
    expect(acceptClaims(classlink, { sub: "8", email: "lee@springfield.k12.us", email_verified: "true" }).name).toBe(
      "lee",
    );
  });
});
