import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  // The phone budget (90 KB gzipped per attendee page, `npm run bench:attendee-js`) is
  // mostly React and Remix themselves (82 KB of it); terser packs them smaller than
  // esbuild does (measured: the schedule page 91.2 → 87.8 KB, My day 92.3 → 88.9 KB).
  build: isSsrBuild
    ? {}
    : {
        minify: "terser",
        terserOptions: { compress: { passes: 2 } },
        rollupOptions: {
          output: {
            // Fewer, larger chunks for the attendee pages. A phone's page opens over
            // HTTP/1.1 (six connections, each new one slow-starting), so every extra
            // file on the way to the first paint costs a round trip (Lighthouse's
            // simulated slow 4G: My day 12 files before its list, now 8). Only modules
            // that load together anyway are put together:
            manualChunks(id: string) {
              // The error page is the root route's ErrorBoundary, so every page loads it:
              // with React and Remix (the chunk Rollup names "components").
              if (id.includes("/app/components/error-message.")) return "components";
              // "1 session", "3 sessions": 0.2 KB used by the schedule and a dozen staff pages,
              // cheaper in every page's big chunk than as a file of its own.
              if (id.includes("/app/utils/plural.")) return "components";
              // Which form is posting (0.35 KB): the root's Sign out uses it, so every page loads it.
              if (id.includes("/app/utils/use-pending.")) return "components";
              // Every attendee page but the room page uses both (attendee imports schedule).
              if (/\/app\/components\/(attendee|schedule)\./.test(id)) return "attendee";
              // A button, its field errors and the action's failure helpers: used together.
              if (/\/app\/(components\/(button|forms)|utils\/forms)\./.test(id)) return "forms";
            },
          },
        },
      },
  plugins: [
    remix({
      // DROPIN_BUILD_DIR lets two builds coexist on one machine (parallel test runs).
      // `||`, not `??`: an empty value would make the project folder itself the build
      // directory, which the build empties first (it deleted a whole checkout once).
      buildDirectory: process.env.DROPIN_BUILD_DIR || "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
}));
