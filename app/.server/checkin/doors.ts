// When the door opens. A badge scanned the week before (a volunteer testing the
// kiosk, a teacher picking up a badge early) must not count as being at the PD
// day: door check-ins start at a PD-day setting, by default on the day itself one
// hour before the first block. A coordinator may turn on "early check-in"; those
// arrivals are recorded, but drawings count only people checked in once the doors
// were open.
import { dateFormat } from "~/utils/dates";
import { statement } from "~/utils/sqlite.server";
import { toMinutes, wallClockToInstant } from "../schedule/times";

export type DoorRule = {
  /** The instant the doors open. */
  opensAt: Date;
  /** "Saturday, March 13 at 7:00 AM" in the PD day's zone. */
  opensLabel: string;
  earlyCheckIn: boolean;
};

type DoorSettings = {
  date: string;
  startTime: string;
  timeZone: string;
  doorsOpenAt: string | null;
  earlyCheckIn: boolean;
  /** The first block's start ("08:00"), if the PD day has blocks. */
  firstBlockStart: string | null;
};

/** The default: the day of the event, one hour before the first block (or the day's start), never before midnight. */
export function defaultDoorsOpen(date: string, firstStart: string) {
  const minutes = Math.max(0, toMinutes(firstStart) - 60);
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

// The kiosk asks on every scan; the answer changes only when the settings do.
const rules = new Map<string, DoorRule>();

export function doorRuleFor(settings: DoorSettings): DoorRule {
  const wallClock =
    settings.doorsOpenAt ?? defaultDoorsOpen(settings.date, settings.firstBlockStart ?? settings.startTime);
  const key = `${wallClock}|${settings.timeZone}|${settings.earlyCheckIn}`;
  let rule = rules.get(key);
  if (!rule) {
    const [date, time] = wallClock.split("T") as [string, string];
    const opensAt = wallClockToInstant(date, time, settings.timeZone);
    const opensLabel = dateFormat("en-US", {
      weekday: "long",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone: settings.timeZone,
    }).format(opensAt);
    rule = { opensAt, opensLabel, earlyCheckIn: settings.earlyCheckIn };
    if (rules.size > 1000) rules.clear();
    rules.set(key, rule);
  }
  return rule;
}

/** The door rule of a PD day, read on the kiosk's direct connection (one indexed query). */
export function doorRule(eventId: string): DoorRule | null {
  const row = statement(
    `SELECT e.date, e.startTime, e.timeZone, e.doorsOpenAt, e.earlyCheckIn,
       (SELECT MIN(b.startTime) FROM TimeBlock b WHERE b.eventId = e.id) AS firstBlockStart
     FROM Event e WHERE e.id = ?`,
  ).get(eventId) as (Omit<DoorSettings, "earlyCheckIn"> & { earlyCheckIn: number }) | undefined;
  return row ? doorRuleFor({ ...row, earlyCheckIn: Boolean(row.earlyCheckIn) }) : null;
}

/** What door staff are told when a check-in comes before the doors open. */
export function doorsClosedMessage(rule: DoorRule) {
  return `Door check-in opens ${rule.opensLabel}. To check people in before then, a coordinator can turn on “Early check-in” in the PD day's settings.`;
}

/** Whether a check-in at `at` counts as being at the PD day (drawings, the live view). */
export function isEarly(rule: DoorRule, at: Date) {
  return at.getTime() < rule.opensAt.getTime();
}
