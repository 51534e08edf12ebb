// Reading a roster file: its columns, a guessed column matching for the exports
// districts really have (HR and SIS files name their columns their own way and often
// split names in two), and the check of every row. Pure: no database, so the import
// worker thread (roster-import.worker.ts) runs it off the event loop.
import Papa from "papaparse";
import { PersonSchema, type PersonInput, type RosterField, type RosterMapping } from "~/schemas/checkin";
import { RuleError } from "../errors";

export type RosterRowError = { row: number; message: string };

export function parseCsv(csv: string) {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, "").trim(), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim(),
  });
  const headers = (parsed.meta.fields ?? []).filter(Boolean);
  if (headers.length === 0) throw new RuleError("The CSV needs a header row naming its columns.", "csv");
  return { headers, records: parsed.data };
}

/** "Employee_ID", "E-mail", "Staff #" → "employee id", "e mail", "staff no": one spelling to match against. */
function normalise(header: string) {
  return header
    .toLowerCase()
    .replace(/#/g, " no ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Tried in this order, each column used once: "Staff Email" is the email, not a staff ID.
const GUESSES: Array<[RosterField | "firstName", RegExp]> = [
  ["email", /(^| )e ?mail( |$)|email/],
  [
    "staffId",
    /^(employee|emp|staff|teacher|personnel|person|hr|district|faculty) ?(id|number|num|nbr|no|code)$|^(id|employee|badge id)$/,
  ],
  ["school", /school|building|campus|site|location|facility/],
  ["name", /^(full ?name|name|display ?name|staff ?name|employee ?name|teacher ?name|teacher|attendee|person)$/],
  ["firstName", /^((legal |preferred )?first|given|fore) ?name$|^(first|fname)$/],
  ["lastName", /^((legal )?last|family|sur) ?name$|^(last|lname|surname)$/],
];

/** The column matching a coordinator would choose for these headers, where it can be told. */
export function guessMapping(headers: string[]): RosterMapping {
  const taken = new Set<string>();
  const found: Partial<Record<RosterField | "firstName", string>> = {};
  for (const [field, pattern] of GUESSES) {
    const header = headers.find((h) => !taken.has(h) && pattern.test(normalise(h)));
    if (header) {
      found[field] = header;
      taken.add(header);
    }
  }
  // A full-name column wins; otherwise first and last names are joined.
  const split = !found.name && found.firstName;
  return {
    name: found.name ?? found.firstName ?? "",
    lastName: split ? (found.lastName ?? "") : "",
    email: found.email ?? "",
    school: found.school ?? "",
    staffId: found.staffId ?? "",
  };
}

/** Headers, a guessed mapping and the first rows, for the column-matching screen. */
export function previewRoster(csv: string, rows = 5) {
  const { headers, records } = parseCsv(csv);
  return { headers, mapping: guessMapping(headers), total: records.length, rows: records.slice(0, rows) };
}
export type RosterPreview = ReturnType<typeof previewRoster>;

/** A refusal that names the field of the matching form it belongs to. */
export function assertColumnsExist(headers: string[], mapping: RosterMapping) {
  for (const [field, column] of Object.entries(mapping)) {
    if (column && !headers.includes(column)) throw new RuleError(`The file has no column “${column}”.`, field);
  }
  if (mapping.lastName && mapping.lastName === mapping.name) {
    throw new RuleError("Choose two different columns for the first and last names.", "lastName");
  }
}

/**
 * Check a roster file against the column mapping. Rows are numbered as a
 * spreadsheet shows them (header = 1). A bad row is reported, not imported; an
 * email seen on an earlier row is reported too (the first row wins).
 */
export function validateRoster(csv: string, mapping: RosterMapping) {
  const { headers, records } = parseCsv(csv);
  assertColumnsExist(headers, mapping);
  const errors: RosterRowError[] = [];
  const good: PersonInput[] = [];
  const seen = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    const row = index + 2;
    const cell = (field: keyof RosterMapping) => (mapping[field] ? (record[mapping[field]] ?? "").trim() : "");
    const name = [cell("name"), cell("lastName")].filter(Boolean).join(" ");
    const result = PersonSchema.safeParse({
      name,
      email: cell("email"),
      school: cell("school"),
      staffId: cell("staffId"),
    });
    if (!result.success) {
      errors.push({ row, message: result.error.issues.map((issue) => issue.message).join(" ") });
      continue;
    }
    const earlier = seen.get(result.data.email);
    if (earlier) {
      errors.push({ row, message: `${result.data.email} is already on row ${earlier}.` });
      continue;
    }
    seen.set(result.data.email, row);
    good.push(result.data);
  }
  return { good, errors };
}
