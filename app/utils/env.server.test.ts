import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "./env.server";

let dir: string;
let databaseUrl: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dropin-env-"));
  databaseUrl = `file:${path.join(dir, "dropin.db")}`;
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function envError(raw: Record<string, string>) {
  try {
    parseEnv({ DATABASE_URL: databaseUrl, ...raw });
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).message;
  }
  throw new Error("expected parseEnv to refuse this environment");
}

describe("parseEnv", () => {
  test("needs nothing set: every variable has a working default", () => {
    const env = parseEnv({ DATABASE_URL: databaseUrl });

    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_URL: databaseUrl,
      APP_URL: "http://localhost:3000",
      MAIL_FROM: "Dropin <dropin@localhost>",
      SEED_DEMO: true,
    });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(dir, "session-secret"), "utf8")).toBe(env.SESSION_SECRET);
  });

  test("treats blank values as unset", () => {
    const env = parseEnv({ DATABASE_URL: databaseUrl, SMTP_URL: "", SESSION_SECRET: "  ", SEED_DEMO: "", APP_URL: "" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env).toMatchObject({ SEED_DEMO: true, APP_URL: "http://localhost:3000" });
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  test("reuses the stored session secret, so sessions survive a restart", () => {
    const first = parseEnv({ DATABASE_URL: databaseUrl });
    const second = parseEnv({ DATABASE_URL: databaseUrl });
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET);
  });

  test("a configured SESSION_SECRET wins and nothing is written", () => {
    const secret = "x".repeat(40);
    expect(parseEnv({ DATABASE_URL: databaseUrl, SESSION_SECRET: secret }).SESSION_SECRET).toBe(secret);
    expect(fs.existsSync(path.join(dir, "session-secret"))).toBe(false);
  });

  test("names a SESSION_SECRET that is too short", () => {
    expect(envError({ SESSION_SECRET: "too-short" })).toContain("SESSION_SECRET: must be at least 32 characters");
  });

  test("names an SMTP_URL that is not smtp://", () => {
    expect(envError({ SMTP_URL: "https://mail.springfield.k12.us" })).toContain(
      "SMTP_URL: must start with smtp:// or smtps://",
    );
  });

  test("names every bad variable at once", () => {
    const message = envError({ PORT: "eighty", SEED_DEMO: "yes", DATABASE_URL: "postgres://db/dropin" });
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/SEED_DEMO:/);
    expect(message).toMatch(/DATABASE_URL: must be a SQLite URL/);
  });

  test("accepts a real configuration", () => {
    const env = parseEnv({
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      PORT: "8080",
      SMTP_URL: "smtps://user:pass@mail.springfield.k12.us:465",
      SEED_DEMO: "false",
      APP_URL: "https://pd.springfield.k12.us",
    });
    expect(env).toMatchObject({
      NODE_ENV: "production",
      PORT: 8080,
      SEED_DEMO: false,
      APP_URL: "https://pd.springfield.k12.us",
    });
  });
});

describe("district sign-in settings", () => {
  const google = JSON.stringify([
    { id: "google", type: "google", clientId: "g", clientSecret: "s", allowedDomains: ["springfield.k12.us"] },
  ]);

  test("default: no providers, passwords for everyone", () => {
    expect(parseEnv({ DATABASE_URL: databaseUrl })).toMatchObject({ OIDC_PROVIDERS: [], PASSWORD_SIGNIN: "everyone" });
  });

  test("a bad OIDC_PROVIDERS stops Dropin naming the provider and field", () => {
    expect(envError({ OIDC_PROVIDERS: JSON.stringify([{ id: "google", type: "google", clientId: "g" }]) })).toMatch(
      /OIDC_PROVIDERS\.0\.clientSecret/,
    );
  });

  test("admins-only needs a provider, or only administrators could sign in", () => {
    expect(envError({ PASSWORD_SIGNIN: "admins-only" })).toContain(
      "PASSWORD_SIGNIN: admins-only needs at least one provider",
    );
    expect(envError({ PASSWORD_SIGNIN: "nobody", OIDC_PROVIDERS: google })).toContain(
      'PASSWORD_SIGNIN: must be "everyone" or "admins-only"',
    );
    expect(
      parseEnv({ DATABASE_URL: databaseUrl, PASSWORD_SIGNIN: "admins-only", OIDC_PROVIDERS: google }).PASSWORD_SIGNIN,
    ).toBe("admins-only");
  });
});
