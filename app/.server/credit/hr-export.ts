// The HR spreadsheets: one row per person and credited session, for one PD day
// (its coordinators) or for every PD day of a school year (district coordinators).
// Both use the same columns, documented in the README, so HR loads either file the
// same way; names, schools and staff IDs are each day's own (day-person.ts).
import type { Event } from "@prisma/client";
import { toCsv } from "~/utils/csv.server";
import { assertDistrictCoordinator } from "../events/permissions";
import { dayPeople, byDayName, type DayPerson } from "../people/day-person";
import { db } from "~/utils/db.server";
import { getEventCredit, loadCredit } from "./credit";
import type { CreditLine } from "./credit-lines";
import { schoolYearLabel, schoolYearOf, schoolYearSpan } from "./school-year";

export const HR_COLUMNS = [
  "Staff ID",
  "Name",
  "School",
  "PD day",
  "Date",
  "Session",
  "Categories",
  "Provider",
  "Provider number",
  "Minutes",
  "Hours",
] as const;

type ProviderDay = Pick<Event, "name" | "date" | "providerName" | "providerNumber">;

function hrRow(event: ProviderDay, person: DayPerson, l: CreditLine) {
  return [
    person.staffId ?? "",
    person.name,
    person.school ?? "",
    event.name,
    event.date,
    l.title,
    l.categories.join("; "),
    event.providerName,
    event.providerNumber,
    String(l.minutes),
    l.hours.toFixed(2),
  ];
}

/** Rows for one PD day's HR spreadsheet: only sessions that count (the latest correction stands). */
export async function hrRows(actorId: string, eventId: string) {
  const { event, rows } = await getEventCredit(actorId, eventId);
  return rows.filter((r) => r.counts).map((r) => hrRow(event, r.person, r));
}

export async function hrCsv(actorId: string, eventId: string) {
  return toCsv(HR_COLUMNS, await hrRows(actorId, eventId));
}

/** Every PD day of the school year starting in July of `startYear`, oldest first, in one sheet. */
export async function yearlyHrRows(actorId: string, startYear: number) {
  await assertDistrictCoordinator(actorId);
  const { from, to } = schoolYearSpan(startYear);
  const events = await db.event.findMany({
    where: { date: { gte: from, lte: to } },
    orderBy: [{ date: "asc" }, { name: "asc" }],
  });
  const rows: string[][] = [];
  for (const event of events) {
    const { lines } = await loadCredit(event.id);
    const counted = lines.filter((l) => l.counts);
    if (counted.length === 0) continue;
    const people = await dayPeople(event.id, [...new Set(counted.map((l) => l.userId))]);
    const withPerson = counted
      .map((l) => ({ l, person: people.get(l.userId)! }))
      .sort((a, b) => byDayName(a.person, b.person));
    rows.push(...withPerson.map(({ l, person }) => hrRow(event, person, l)));
  }
  return rows;
}

export async function yearlyHrCsv(actorId: string, startYear: number) {
  return toCsv(HR_COLUMNS, await yearlyHrRows(actorId, startYear));
}

/** The school years that have PD days, newest first, for the district's export page. */
export async function exportYears(actorId: string) {
  await assertDistrictCoordinator(actorId);
  const events = await db.event.findMany({ select: { date: true } });
  const years = [...new Set(events.map((e) => schoolYearOf(e.date)))].sort((a, b) => b - a);
  return years.map((startYear) => ({
    startYear,
    label: schoolYearLabel(startYear),
    days: events.filter((e) => schoolYearOf(e.date) === startYear).length,
  }));
}
