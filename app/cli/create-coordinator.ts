// `npm run create-coordinator`: make a district coordinator from the command line,
// for installs where the first-run page was skipped or the coordinator left.
//   npm run create-coordinator -- --email ann@district.org --name "Ann Lee" --password "…"
// Missing values are asked for when run in a terminal.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { stdin, stdout } from "node:process";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DomainError } from "~/.server/errors";
import { emailField, passwordField, personNameField } from "~/schemas/fields";
import { EnvError, parseEnv } from "~/utils/env.server";

const InputSchema = z.object({ email: emailField, name: personNameField, password: passwordField });
const FIELDS = ["email", "name", "password"] as const;
type Field = (typeof FIELDS)[number];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readFlags() {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
      strict: true,
    });
    return values;
  } catch (error) {
    fail(
      `${error instanceof Error ? error.message : String(error)}\n` +
        'Usage: npm run create-coordinator -- --email ann@district.org --name "Ann Lee" --password "at least 10 characters"',
    );
  }
}

async function askForMissing(values: Partial<Record<Field, string>>) {
  const missing = FIELDS.filter((field) => values[field] === undefined);
  if (missing.length === 0) return values;
  if (!stdin.isTTY) fail(`Missing ${missing.map((f) => `--${f}`).join(", ")} (no terminal to ask in).`);
  const rl = readline.createInterface({ input: stdin, output: stdout });
  rl.on("SIGINT", () => fail("\nCancelled."));
  try {
    const prompts: Record<Field, string> = {
      email: "Email: ",
      name: "Full name: ",
      // readline cannot hide input; warn rather than surprise someone sharing a screen.
      password: "Password (at least 10 characters; it WILL be shown as you type): ",
    };
    for (const field of missing) values[field] = await rl.question(prompts[field]);
  } catch (error) {
    // Ctrl+D at a prompt rejects the question: treat it as cancelling, not a crash.
    if (error instanceof Error && error.name === "AbortError") fail("\nCancelled.");
    throw error;
  } finally {
    rl.close();
  }
  return values;
}

function migrate(env: NodeJS.ProcessEnv) {
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"],
    {
      stdio: "inherit",
      env,
    },
  );
  if (result.status !== 0) fail(`\n✖ prisma migrate deploy failed (exit ${result.status}).`);
}

async function main() {
  const parsed = InputSchema.safeParse(await askForMissing(readFlags()));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  --${String(issue.path[0])}: ${issue.message}`);
    fail(`Cannot create the coordinator:\n${lines.join("\n")}`);
  }
  const input = parsed.data;

  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  migrate({ ...process.env, DATABASE_URL: env.DATABASE_URL });

  // Imported only now, so the database client opens after the migrations ran.
  const { createOrPromoteCoordinator } = await import("~/.server/accounts/accounts");
  const { db } = await import("~/utils/db.server");
  try {
    const result = await createOrPromoteCoordinator(input);
    console.log(
      result.created
        ? `\n✔ Created district coordinator ${input.email}. They can sign in now.`
        : `\n✔ ${input.email} already had an account; it is now a district coordinator. Its password was not changed.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("✖ Could not create the coordinator:");
  console.error(error instanceof DomainError ? `  ${error.message}` : error);
  process.exit(1);
});
