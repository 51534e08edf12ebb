// Kept apart from vite.config.ts: a `test` key there fails type-checking, and the
// Remix plugin has no business in unit tests.
import os from "node:os";
import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    include: ["app/**/*.test.ts", "server/**/*.test.ts", "tests/unit/**/*.test.ts"],
    exclude: ["node_modules", "build", "tests/e2e/**"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/setup-test-env.ts"],
    // Each worker owns one SQLite file (see setup-test-env.ts); forks keep the
    // native better-sqlite3 module out of worker threads.
    pool: "forks",
    // A fork runs file after file instead of a new process per file: starting a process
    // and loading Prisma, zod and the rest again was most of the suite's time (the
    // "prepare" and "collect" figures). The setup file still gives every file fresh app
    // modules, a new database copy and no leftover fakes (tests/setup/setup-test-env.ts).
    isolate: false,
    // Vitest's default is one fork fewer than the cores: on a 2-core CI machine that
    // is a single fork, and the suite's many small SQLite files and spawned CLIs
    // leave a core idle.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Two forks share the cores, and CI machines vary about 2× in speed: the slowest
    // tests (a seeded demo day, 50 concurrent draws) take 2–4 s alone here, so 5 s,
    // Vitest's default, left them no headroom.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
