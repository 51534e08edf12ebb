// The HR spreadsheet: one row per person and credited session.
import Papa from "papaparse";
import { HR_COLUMNS, hrRows } from "./credit";

export async function hrCsv(actorId: string, eventId: string) {
  const rows = await hrRows(actorId, eventId);
  // Same guard as the grid export: a name or title starting with = + - @ must not run as a formula.
  return Papa.unparse({ fields: [...HR_COLUMNS], data: rows }, { quotes: false, escapeFormulae: true, newline: "\r\n" });
}
