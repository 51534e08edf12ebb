// The grid as a spreadsheet: one row per session, in block then room order.
import Papa from "papaparse";
import type { ScheduleSnapshot } from "../snapshot";

export const CSV_COLUMNS = ["Block", "Start", "End", "Room", "Title", "Presenters"] as const;

export function gridCsv(snapshot: ScheduleSnapshot) {
  const rows = snapshot.sessions.map((s) => [
    s.blockLabel,
    s.startTime,
    s.endTime,
    s.roomName,
    s.title,
    s.presenters.map((p) => p.name).join(", "),
  ]);
  // Spreadsheet apps run cells starting with = + - @ as formulas; papaparse's
  // escapeFormulae prefixes them with a quote so a session title cannot.
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { quotes: false, escapeFormulae: true, newline: "\r\n" });
}
