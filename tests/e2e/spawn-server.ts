// A Dropin server a spec starts, kills and restarts itself (the crash test, a
// second server on one file, `npm run dev`). Unlike serve.ts it
// never wipes the database: the spec decides when a file is new (newDatabase: a
// copy of a migrated template, so each such server skips `prisma migrate deploy`).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { TEST_SESSION_SECRET } from "./database-templates";

export { newDatabase } from "./database-templates";
export { TEST_SESSION_SECRET };

export type SpawnedServer = {
  url: string;
  child: ChildProcess;
  /** SIGKILL to the whole process group: tsx runs the server in a child node process. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop(): Promise<void>;
  /** The last 20 KB the server wrote to stderr. */
  stderr(): string;
};

/** A port nothing listens on right now (the OS picks it), for a server a spec starts itself. */
export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function healthy(url: string) {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

/**
 * `npm start` on `databaseFile` (relative to the repo), without building; resolves
 * once /healthz answers 200. `env` adds to or overrides the server's environment.
 */
export async function spawnServer({
  port,
  databaseFile,
  env = {},
  startupMs = 60_000,
  npmScript,
}: {
  port: number;
  databaseFile: string;
  env?: Record<string, string>;
  startupMs?: number;
  /** Start with `npm run <script>` (e.g. "dev") instead of server/start.ts. */
  npmScript?: string;
}): Promise<SpawnedServer> {
  const url = `http://localhost:${port}`;
  if (await healthy(url)) throw new Error(`Something is already serving ${url}`);
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const [command, args] = npmScript
    ? ["npm", ["run", "--silent", npmScript]]
    : [process.execPath, ["./node_modules/tsx/dist/cli.mjs", "server/start.ts"]];
  const child = spawn(command, args, {
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
      ...env,
    },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
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

  const deadline = Date.now() + startupMs;
  while (!(await healthy(url))) {
    if (gone) throw new Error(`The server exited before answering /healthz:\n${stderr}`);
    if (Date.now() > deadline) {
      await signal("SIGKILL");
      throw new Error(`The server did not answer /healthz within ${startupMs / 1000} s:\n${stderr}`);
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
    stderr: () => stderr,
  };
}
