// School years run July 1 to June 30, as US districts and state licence records
// count them: "2026–27" is 2026-07-01..2027-06-30. Dates are "YYYY-MM-DD" strings
// (a PD day's own calendar date), so no time zone can move a day across years.

/** The year the school year holding `date` starts in. */
export function schoolYearOf(date: string) {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? year : year - 1;
}

export function schoolYearLabel(startYear: number) {
  return `${startYear}–${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export function schoolYearSpan(startYear: number) {
  return { from: `${startYear}-07-01`, to: `${startYear + 1}-06-30` };
}

/** Today's calendar date as "YYYY-MM-DD" in UTC (a day's boundary hardly matters for a yearly record). */
export function isoToday(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

/** A licence's usual window: the current school year and the four before it. */
export function defaultSpan(now = new Date()) {
  const current = schoolYearOf(isoToday(now));
  return { from: schoolYearSpan(current - 4).from, to: schoolYearSpan(current).to };
}
