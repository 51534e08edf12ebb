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
  build: isSsrBuild ? {} : { minify: "terser", terserOptions: { compress: { passes: 2 } } },
  // The attendee forms' check (app/utils/form-check.ts) is bundled as one ES module that
  // the page import()s on a form's first focus: see useLazyValidatedForm.
  worker: { format: "es" },
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
