// Shared by the export tests and the demo-grid test: the real validators a
// consumer of our exports would use. Test-only (ajv and ical.js are dev dependencies).
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import addFormats from "ajv-formats";
import ICAL from "ical.js";

// The shared schema is test data kept outside the project (see its SOURCE.md).
const SCHEMA_PATH = path.resolve("../shared/external/frab-schedule/schema.json");

export function frabValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  // "color" is not one of ajv-formats' formats; CSS hex colours are what frab uses.
  ajv.addFormat("color", /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8")));
}

export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return calendar;
}

