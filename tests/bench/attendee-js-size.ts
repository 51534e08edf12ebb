// The phone budget: every attendee page must ship at most 90 KB of gzipped
// JavaScript. Reads the Remix build's client manifest (the browser's own list of
// what each route loads), sums the gzipped size of the entry, root and route
// chunks per attendee page, prints a table and exits non-zero over budget. What a
// page loads later by dynamic import() (a form's check, on first focus: see
// useLazyValidatedForm) is its own column, outside the budget but shown.
// Run after a build: npx tsx tests/bench/attendee-js-size.ts  (DROPIN_BUILD_DIR to pick the build)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export const BUDGET_KB = 90;
const ATTENDEE_ROUTES = [
  "routes/e.$slug._index",
  "routes/e.$slug.join",
  "routes/e.$slug.join_.$token",
  "routes/e.$slug.sessions.$placementId",
  "routes/e.$slug.my-day",
];

type Chunk = { module: string; imports?: string[] };
type RemixManifest = { entry: Chunk; routes: Record<string, Chunk & { parentId?: string }>; url: string };

/** Gzipped KB of JavaScript per attendee page, from the build's client manifest; null without a build. */
export function attendeeJavaScript(buildDir = process.env.DROPIN_BUILD_DIR ?? "build") {
  const clientDir = path.resolve(buildDir, "client");
  const assets = path.join(clientDir, "assets");
  const manifestFile = fs.existsSync(assets)
    ? fs.readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f))
    : undefined;
  if (!manifestFile) return null;
  const manifestSource = fs.readFileSync(path.join(assets, manifestFile), "utf8");
  const manifest = JSON.parse(
    manifestSource.slice(manifestSource.indexOf("{"), manifestSource.lastIndexOf("}") + 1),
  ) as RemixManifest;
  const gzipSize = (urlPath: string) =>
    zlib.gzipSync(fs.readFileSync(path.join(clientDir, urlPath)), { level: 9 }).length;
  const read = (urlPath: string) => fs.readFileSync(path.join(clientDir, urlPath), "utf8");
  return ATTENDEE_ROUTES.map((routeId) => {
    const files = chunksFor(manifest, routeId);
    const later = loadedLater(files, read);
    return {
      route: routeId.replace("routes/", ""),
      chunks: files.length,
      kb: files.reduce((sum, file) => sum + gzipSize(file), 0) / 1024,
      laterKb: later.reduce((sum, file) => sum + gzipSize(file), 0) / 1024,
    };
  });
}

/**
 * The chunks a page's dynamic import()s bring (with what they import), less those it
 * already has: Vite writes a dynamic import as `import("./x.js")`, and lists the
 * chunks it preloads with it as "assets/y.js" in the importer's `__vite__mapDeps`.
 */
function loadedLater(initial: string[], read: (urlPath: string) => string) {
  const have = new Set(initial);
  const later = new Set<string>();
  const dynamic = (code: string) => [
    ...[...code.matchAll(/import\("\.\/([\w.-]+\.js)"\)/g)].map((m) => `/assets/${m[1]}`),
    ...[...(/m\.f=\[([^\]]*)\]/.exec(code)?.[1] ?? "").matchAll(/"(assets\/[\w.-]+\.js)"/g)].map((m) => `/${m[1]}`),
  ];
  const statics = (code: string) =>
    [...code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => `/assets/${m[1]}`);
  const queue = initial.flatMap((file) => dynamic(read(file)));
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (have.has(file) || later.has(file)) continue;
    later.add(file);
    const code = read(file);
    queue.push(...statics(code), ...dynamic(code));
  }
  return [...later];
}

function chunksFor(manifest: RemixManifest, routeId: string) {
  // With v3_lazyRouteDiscovery the page inlines the few manifest entries it needs
  // instead of loading the whole manifest file, so manifest.url is not counted.
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`Route ${id} is not in the build`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  return [...files];
}

// Run as a script (npm run bench:attendee-js): the table, and a failing exit over budget.
if (process.argv[1]?.endsWith("attendee-js-size.ts")) {
  const pages = attendeeJavaScript();
  if (!pages) {
    console.error("No Remix client manifest in the build: build first (npm run build).");
    process.exit(2);
  }
  console.table(
    pages.map(({ route, chunks, kb, laterKb }) => ({
      route,
      chunks,
      "gzipped KB": Number(kb.toFixed(1)),
      budget: BUDGET_KB,
      ok: kb <= BUDGET_KB ? "yes" : "OVER",
      "loaded on first edit (KB)": Number(laterKb.toFixed(1)),
    })),
  );
  if (pages.some((p) => p.kb > BUDGET_KB)) {
    console.error(`An attendee page ships more than ${BUDGET_KB} KB of gzipped JavaScript.`);
    process.exit(1);
  }
}
