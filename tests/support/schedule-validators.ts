// The validators a consumer of our schedule exports would use, shared by the
// export unit tests, the demo-grid test and the grid e2e flow. Test-only (ajv and
// ical.js are dev dependencies). The meta-schema is read from disk rather than
// imported as JSON so the same file loads under vitest and Playwright.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import ICAL from "ical.js";

// The shared schema is test data kept outside the project (see its SOURCE.md), and
// a clone need not have it beside it. Without it the schema checks are skipped, with
// a note, so `npm test` still runs everything else; CI (CI=true) has it and must use it.
const SCHEMA_PATH = path.resolve("../shared/external/frab-schedule/schema.json");
export const hasFrabSchema = fs.existsSync(SCHEMA_PATH);
if (!hasFrabSchema && process.env.CI) {
  throw new Error(`CI needs the frab schedule schema at ${SCHEMA_PATH}`);
}
if (!hasFrabSchema) {
  console.warn(`note: ${SCHEMA_PATH} is not here; schedule.json schema checks are skipped`);
}

export function frabValidator() {
  const require = createRequire(import.meta.url);
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(JSON.parse(fs.readFileSync(require.resolve("ajv/dist/refs/json-schema-draft-06.json"), "utf8")));
  addFormats(ajv);
  // "color" is not one of ajv-formats' formats; CSS hex colours are what frab uses.
  // (An unknown format would otherwise go unchecked.)
  ajv.addFormat("color", /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8")));
}

/** Parse iCalendar text, registering its VTIMEZONEs so times convert correctly. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return calendar;
}
