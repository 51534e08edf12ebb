// Kept apart from vite.config.ts: a `test` key there fails type-checking, and the
// Remix plugin has no business in unit tests.
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
  },
});
