// The HR spreadsheet: one row per person and credited session.
import { toCsv } from "~/utils/csv.server";
import { HR_COLUMNS, hrRows } from "./credit";

export async function hrCsv(actorId: string, eventId: string) {
  return toCsv(HR_COLUMNS, await hrRows(actorId, eventId));
}
