// A production Dropin server a spec starts, kills and restarts itself (the crash
// test), plus a signed session cookie for plain HTTP requests. Unlike serve.ts it
// never wipes the database: the spec decides when a file is new.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createCookieSessionStorage } from "@remix-run/node";

export const TEST_SESSION_SECRET = "e2e-spawned-server-secret-that-is-long-enough";

export type SpawnedServer = {
  url: string;
  child: ChildProcess;
  /** SIGKILL to the whole process group: tsx runs the server in a child node process. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop(): Promise<void>;
};

/** Delete a test database and its side files. */
export function wipeDatabase(file: string) {
  if (!path.resolve(file).startsWith(path.resolve("tests/.tmp"))) throw new Error(`Refusing to delete ${file}: not a test database`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

async function healthy(url: string) {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** `npm start` on `databaseFile` (relative to the repo), without building; resolves once /healthz answers 200. */
export async function spawnServer({ port, databaseFile }: { port: number; databaseFile: string }): Promise<SpawnedServer> {
  const url = `http://localhost:${port}`;
  if (await healthy(url)) throw new Error(`Something is already serving ${url}`);
  const child = spawn(process.execPath, ["./node_modules/tsx/dist/cli.mjs", "app/cli/start.ts"], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:./${databaseFile}`,
      SEED_DEMO: "false",
      APP_URL: url,
      NODE_ENV: "production",
      DROPIN_SKIP_BUILD: "1",
      SESSION_SECRET: TEST_SESSION_SECRET,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const signal = async (name: NodeJS.Signals) => {
    if (!gone) {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // Already gone.
      }
    }
    await exited;
    // The grandchild (the real server) dies with the group; wait until the port is free.
    for (let i = 0; i < 100 && (await healthy(url)); i++) await new Promise((r) => setTimeout(r, 50));
  };

  const deadline = Date.now() + 60_000;
  while (!(await healthy(url))) {
    if (gone) throw new Error(`The server exited before answering /healthz:\n${stderr}`);
    if (Date.now() > deadline) {
      await signal("SIGKILL");
      throw new Error(`The server did not answer /healthz within 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    kill: () => signal("SIGKILL"),
    stop: async () => {
      const timer = setTimeout(() => void signal("SIGKILL"), 5000);
      await signal("SIGTERM");
      clearTimeout(timer);
    },
  };
}

/** The Cookie header a browser signed in with session row `sessionId` sends. */
export async function sessionCookie(sessionId: string, secret: string) {
  const storage = createCookieSessionStorage({
    cookie: { name: "__dropin_session", httpOnly: true, sameSite: "lax", path: "/", secrets: [secret] },
  });
  const session = await storage.getSession();
  session.set("sessionId", sessionId);
  return (await storage.commitSession(session)).split(";")[0]!;
}
