// Environment, validated once at boot. Every variable has a default so the demo
// needs none; a bad value stops Dropin with a message naming the variable.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { resolveDatabaseUrl } from "../../prisma/database-url.js";
import { OidcProvidersSchema, PasswordSignInSchema } from "../.server/accounts/district-sign-in/settings";

// What Express accepts in a "trust proxy" list: its named ranges, an address, or a subnet.
function isProxyAddress(value: string) {
  if (["loopback", "linklocal", "uniquelocal"].includes(value)) return true;
  const [address = "", prefix, ...rest] = value.split("/");
  return rest.length === 0 && net.isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
}

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().startsWith("file:", { error: "must be a SQLite URL such as file:./data/dropin.db" }),
    SESSION_SECRET: z.preprocess(
      blankAsUndefined,
      z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    ),
    APP_URL: z.preprocess(
      blankAsUndefined,
      z.url({ error: "must be the public address, e.g. https://pd.example.k12.us" }).default("http://localhost:3000"),
    ),
    SMTP_URL: z.preprocess(
      blankAsUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//, { error: "must start with smtp:// or smtps://" })
        .optional(),
    ),
    MAIL_FROM: z.preprocess(blankAsUndefined, z.string().default("Dropin <dropin@localhost>")),
    SEED_DEMO: z.preprocess(blankAsUndefined, z.enum(["true", "false"]).default("true")),
    // Express's "trust proxy": which hops may set X-Forwarded-For / -Proto. Off by
    // default, because a client that reaches Dropin directly could forge them
    // (a fake IP to dodge rate limits). See README → Security.
    TRUST_PROXY: z.preprocess(
      blankAsUndefined,
      z
        .string()
        .default("false")
        .refine((v) => /^(true|false|\d+)$/.test(v) || v.split(",").every((part) => isProxyAddress(part.trim())), {
          error: "must be true, false, a number of proxy hops, or addresses/subnets such as loopback or 10.0.0.0/8",
        })
        .transform((v): boolean | number | string =>
          v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v,
        ),
    ),
    // District sign-in (README → District sign-in).
    OIDC_PROVIDERS: z.preprocess(blankAsUndefined, OidcProvidersSchema.default([])),
    PASSWORD_SIGNIN: z.preprocess(blankAsUndefined, PasswordSignInSchema.default("everyone")),
  })
  .refine((env) => env.PASSWORD_SIGNIN === "everyone" || env.OIDC_PROVIDERS.length > 0, {
    path: ["PASSWORD_SIGNIN"],
    error: "admins-only needs at least one provider in OIDC_PROVIDERS, or only administrators could sign in",
  });

export type Env = Omit<z.infer<typeof EnvSchema>, "SESSION_SECRET" | "SEED_DEMO"> & {
  SESSION_SECRET: string;
  SEED_DEMO: boolean;
};

export class EnvError extends Error {}

/** Validate raw variables; throws an EnvError that names every bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse({ ...raw, DATABASE_URL: resolveDatabaseUrl(raw) });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new EnvError(`Dropin cannot start, fix these environment variables:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    SEED_DEMO: env.SEED_DEMO === "true",
    SESSION_SECRET: env.SESSION_SECRET ?? storedSessionSecret(env.DATABASE_URL),
  };
}

/** For command-line entry points: the parsed environment, or the message and exit 1. */
export function parseEnvOrExit(raw: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(raw);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Path of the SQLite file behind a file: URL, relative to the working directory. */
export function databaseFilePath(databaseUrl: string) {
  return path.resolve(databaseUrl.slice("file:".length));
}

/** Uploaded files (donation photos) live beside the database; backups carry them. */
export function uploadsDirBeside(databaseFile: string) {
  return path.join(path.dirname(databaseFile), "uploads");
}

// Without SESSION_SECRET a random secret is generated once and kept beside the
// database, so sessions survive restarts without anyone having to configure one.
function storedSessionSecret(databaseUrl: string) {
  const file = path.join(path.dirname(databaseFilePath(databaseUrl)), "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Two processes started together: keep the one that was written first.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
