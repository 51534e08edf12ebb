// Module hooks for record-module-loads.mjs (they run on Node's loader thread,
// which shares the process id).
import fs from "node:fs";
import process from "node:process";

const log = process.env.DROPIN_MODULE_LOG;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (log && resolved.url.startsWith("file:")) fs.appendFileSync(log, `${process.pid} ${resolved.url}\n`);
  return resolved;
}
