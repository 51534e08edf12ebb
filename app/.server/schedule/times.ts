// Event times are wall-clock strings in the event's zone ("2027-03-12", "08:50").
// Exports need real instants and UTC offsets; these helpers convert with Intl only,
// so the server's own TZ never leaks into a published time.
import { dateFormat } from "~/utils/dates";

// Every attendee page's part asks the clock a few times (Now/Next, "has it ended", the
// block running now): the formatter is kept by zone, skipping dateFormat's options key.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string) {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = dateFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/** Minutes east of UTC that `timeZone` is at `instant` (Chicago in March: -300). */
export function zoneOffsetMinutes(timeZone: string, instant: Date) {
  const parts = offsetFormat(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The event zone's calendar date and clock ("2027-03-12", "09:05") at `now`. */
export function wallClockAt(timeZone: string, now: Date) {
  const local = new Date(now.getTime() + zoneOffsetMinutes(timeZone, now) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** Today's date ("2026-11-24") where the event happens. */
export function todayIn(timeZone: string, now = new Date()) {
  return wallClockAt(timeZone, now).date;
}

/** The instant at which clocks in `timeZone` read `date` `time`. */
export function wallClockToInstant(date: string, time: string, timeZone: string) {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset on either side of a daylight-saving change.
  let instant = naive - zoneOffsetMinutes(timeZone, new Date(naive)) * 60_000;
  instant = naive - zoneOffsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant);
}

function formatOffset(minutes: number) {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** RFC 3339 with the zone's offset, e.g. "2027-03-12T08:50:00-06:00". */
export function isoWithOffset(date: string, time: string, timeZone: string) {
  const offset = zoneOffsetMinutes(timeZone, wallClockToInstant(date, time, timeZone));
  return `${date}T${time}:00${formatOffset(offset)}`;
}

/** "01:00" for an 08:50–09:50 session. */
export function durationHHMM(startTime: string, endTime: string) {
  const minutes = toMinutes(endTime) - toMinutes(startTime);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function toMinutes(time: string) {
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return hh * 60 + mm;
}
