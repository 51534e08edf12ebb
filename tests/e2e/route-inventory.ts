// Every route of the app, read from app/routes/* so a new route file cannot slip
// past the authorization matrix or the fuzzer: both specs compare their tables
// against this list and fail naming the file that has no entry (or an entry whose
// file is gone).
import fs from "node:fs";
import path from "node:path";
import type { World } from "./world";

const ROUTES_DIR = path.resolve("app/routes");

export type RouteFile = { file: string; hasLoader: boolean; hasAction: boolean };

export function routeFiles(): RouteFile[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .sort()
    .map((file) => {
      const source = fs.readFileSync(path.join(ROUTES_DIR, file), "utf8");
      const exported = (name: string) =>
        new RegExp(
          `export\\s+(async\\s+)?function\\s+${name}\\b|export\\s+const\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`,
        ).test(source);
      return { file, hasLoader: exported("loader"), hasAction: exported("action") };
    });
}

/** Route params filled from the world. Tokens and codes are unknown on purpose: a wrong one must answer the same to everyone. */
export function paramValues(world: World): Record<string, string> {
  return {
    slug: world.slug,
    roomId: world.roomId,
    placementId: world.placementId,
    // proposals.$id (presenter) and events.$slug.proposals.$id (review) both take a Proposal id.
    id: world.proposalId,
    drawingId: world.drawingId,
    circleId: world.circleId,
    vendorId: world.vendorId,
    donationId: world.donationId,
    // A session resource file: a made-up one (the real ones: after-the-day.spec.ts).
    postId: "not-a-real-post-0000000000",
    token: "not-a-real-token-0000000000",
    code: "NOTACODE",
    provider: "google",
  };
}

/**
 * The URL path of a flat-routes file name (Remix v2 conventions): "." separates
 * segments, "[.]" is a literal dot, "$x" a param, "_index" the index route, a
 * trailing "_" opts out of the parent layout and is not part of the URL.
 */
const LITERAL_DOT = "\u0000";

export function urlFor(file: string, params: Record<string, string>) {
  const base = file
    .replace(/\.(tsx?|jsx?)$/, "")
    .split("[.]")
    .join(LITERAL_DOT);
  const segments = base
    .split(".")
    .filter((s) => s !== "_index")
    .map((segment) => {
      const s = segment.split(LITERAL_DOT).join(".").replace(/_$/, "");
      return s.replace(/\$([A-Za-z]+)/g, (_m, name: string) => {
        const value = params[name];
        if (value === undefined) throw new Error(`route-inventory: no value for param $${name} in ${file}`);
        return encodeURIComponent(value);
      });
    });
  return `/${segments.join("/")}`;
}

export function isIndexRoute(file: string) {
  return /(^|\.)_index\.(tsx?|jsx?)$/.test(file);
}

/** Names in `wanted` with no entry in `table`, and entries of `table` naming no wanted file. */
export function coverageGaps(wanted: string[], table: Record<string, unknown>) {
  const missing = wanted.filter((f) => !(f in table));
  const stale = Object.keys(table).filter((f) => !wanted.includes(f));
  return { missing, stale };
}
