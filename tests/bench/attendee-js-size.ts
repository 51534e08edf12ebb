// The phone budget: every attendee page must ship at most 90 KB of gzipped
// JavaScript. Reads the Remix build's client manifest (the browser's own list of
// what each route loads), sums the gzipped size of the entry, root and route
// chunks per attendee page, prints a table and exits non-zero over budget.
// Run after a build: npx tsx tests/bench/attendee-js-size.ts  (DROPIN_BUILD_DIR to pick the build)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BUDGET_KB = 90;
const ATTENDEE_ROUTES = [
  "routes/e.$slug._index",
  "routes/e.$slug.join",
  "routes/e.$slug.join_.$token",
  "routes/e.$slug.sessions.$placementId",
  "routes/e.$slug.my-day",
];

type Chunk = { module: string; imports?: string[] };
type RemixManifest = { entry: Chunk; routes: Record<string, Chunk & { parentId?: string }>; url: string };

const clientDir = path.resolve(process.env.DROPIN_BUILD_DIR ?? "build", "client");
const assets = path.join(clientDir, "assets");
const manifestFile = fs.readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f));
if (!manifestFile) {
  console.error(`No Remix client manifest in ${assets}: build first (npm run build).`);
  process.exit(2);
}
const manifestSource = fs.readFileSync(path.join(assets, manifestFile), "utf8");
const manifest = JSON.parse(manifestSource.slice(manifestSource.indexOf("{"), manifestSource.lastIndexOf("}") + 1)) as RemixManifest;

const gzipSize = (urlPath: string) => zlib.gzipSync(fs.readFileSync(path.join(clientDir, urlPath)), { level: 9 }).length;

function chunksFor(routeId: string) {
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

let over = false;
const rows = ATTENDEE_ROUTES.map((routeId) => {
  const files = chunksFor(routeId);
  const kb = files.reduce((sum, file) => sum + gzipSize(file), 0) / 1024;
  if (kb > BUDGET_KB) over = true;
  return { route: routeId.replace("routes/", ""), chunks: files.length, "gzipped KB": Number(kb.toFixed(1)), budget: BUDGET_KB, ok: kb <= BUDGET_KB ? "yes" : "OVER" };
});
console.table(rows);
if (over) {
  console.error(`An attendee page ships more than ${BUDGET_KB} KB of gzipped JavaScript.`);
  process.exit(1);
}
