// When a PD day takes proposals. Dates are calendar days in the event's own time
// zone: "closes on the 14th" means through the end of the 14th where the school
// is, not in UTC, so a teacher submitting at 9 pm in Chicago is not turned away.
import type { Event } from "@prisma/client";
import { todayIn } from "../schedule/times";

type CallEvent = Pick<Event, "status" | "proposalsOpenOn" | "proposalsCloseOn" | "timeZone">;

export type CallState = "open" | "not_yet" | "closed";

/**
 * not_yet: proposals are switched on but the opening day has not come;
 * closed: the stage moved on, or the closing day has passed.
 */
export function callState(event: CallEvent, now = new Date()): CallState {
  if (event.status !== "proposals_open") return event.status === "draft" ? "not_yet" : "closed";
  const today = todayIn(event.timeZone, now);
  if (event.proposalsOpenOn && today < event.proposalsOpenOn) return "not_yet";
  if (event.proposalsCloseOn && today > event.proposalsCloseOn) return "closed";
  return "open";
}

export function isCallOpen(event: CallEvent, now = new Date()) {
  return callState(event, now) === "open";
}
