// The published version as iCalendar. Times are written in the event's own zone
// (TZID + VTIMEZONE) so a calendar app anywhere shows the wall-clock times of the
// building, and the same event keeps the same UID across versions.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { type ICalTemporalPlainDateTimeStub, type ICalTemporalZonedDateTimeStub } from "ical-generator";
import { appLink } from "../../outbox/outbox";
import type { ScheduleSnapshot, SnapshotSession } from "../snapshot";
import { wallClockToInstant } from "../times";

/**
 * A wall-clock time for ical-generator. A plain Date would be rendered in the
 * server's own zone; this Temporal-shaped value carries the building's clock time.
 */
function wallClock(date: string, time: string): ICalTemporalPlainDateTimeStub {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const text = `${date}T${time}:00`;
  const plainDate = { year, month, day, toJSON: () => date, toString: () => date };
  const plain: ICalTemporalPlainDateTimeStub = {
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
    toJSON: () => text,
    toString: () => text,
    toPlainDate: () => plainDate,
    toZonedDateTime: (zone: string) => zoned(zone),
  };
  const zoned = (zone: string): ICalTemporalZonedDateTimeStub => {
    const instant = wallClockToInstant(date, time, zone);
    return {
      year,
      month,
      day,
      hour,
      minute,
      second: 0,
      timeZoneId: zone,
      toJSON: () => `${text}[${zone}]`,
      toString: () => `${text}[${zone}]`,
      toPlainDateTime: () => plain,
      withTimeZone: () => zoned(zone),
      toInstant: () => ({
        epochMilliseconds: instant.getTime(),
        toJSON: () => instant.toISOString(),
        toString: () => instant.toISOString(),
        toZonedDateTimeISO: (z: string) => zoned(z),
      }),
    };
  };
  return plain;
}

export function scheduleCalendar(
  snapshot: ScheduleSnapshot,
  {
    publishedAt,
    name,
    sessions = snapshot.sessions,
  }: { publishedAt: Date; name?: string; sessions?: SnapshotSession[] },
) {
  const { event } = snapshot;
  // The calendar-level zone name stays null: ical-generator would otherwise write
  // DTSTAMP in server-local time. Each event carries the zone, and the generator
  // still emits one VTIMEZONE for it.
  const calendar = ical({
    name: name ?? event.name,
    prodId: { company: "Dropin", product: "PD day schedule", language: "EN" },
    timezone: { name: null, generator: getVtimezoneComponent },
    url: appLink(`/e/${event.slug}`),
  });
  calendar.x([{ key: "X-WR-TIMEZONE", value: event.timeZone }]);
  for (const session of sessions) {
    const presenters = session.presenters.map((p) => p.name).join(", ");
    calendar.createEvent({
      id: `${session.placementId}@dropin`,
      start: wallClock(event.date, session.startTime),
      end: wallClock(event.date, session.endTime),
      timezone: event.timeZone,
      stamp: publishedAt,
      summary: session.title,
      description: [session.summary, presenters && `Presented by ${presenters}`].filter(Boolean).join("\n\n"),
      location: [session.roomName, event.venue].filter(Boolean).join(", "),
      url: appLink(`/e/${event.slug}#session-${session.placementId}`),
    });
  }
  return calendar.toString();
}
