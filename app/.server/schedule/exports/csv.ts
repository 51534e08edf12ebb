// The grid as a spreadsheet: one row per session, in block then room order.
import { toCsv } from "~/utils/csv.server";
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
  return toCsv(CSV_COLUMNS, rows);
}
