import { describe, expect, test } from "vitest";
import { todayIn } from "../schedule/times";
import { callState, isCallOpen } from "./call-for-proposals";

const event = {
  status: "proposals_open",
  proposalsOpenOn: "2026-11-01",
  proposalsCloseOn: "2026-11-14",
  timeZone: "America/Chicago",
};

describe("isCallOpen", () => {
  test("is open on the first and the last day of the window", () => {
    expect(isCallOpen(event, new Date("2026-11-01T12:00:00Z"))).toBe(true);
    expect(isCallOpen(event, new Date("2026-11-14T12:00:00Z"))).toBe(true);
  });

  test("counts days in the event's time zone: 9 pm in Chicago on the closing day is still open", () => {
    // 03:00 UTC on the 15th is 21:00 on the 14th in Chicago.
    const lateEvening = new Date("2026-11-15T03:00:00Z");
    expect(todayIn("UTC", lateEvening)).toBe("2026-11-15");
    expect(isCallOpen(event, lateEvening)).toBe(true);
    expect(isCallOpen({ ...event, timeZone: "UTC" }, lateEvening)).toBe(false);
  });

  test("is closed the day after it closes and not yet open the day before it opens", () => {
    expect(callState(event, new Date("2026-11-15T18:00:00Z"))).toBe("closed");
    expect(callState(event, new Date("2026-10-31T18:00:00Z"))).toBe("not_yet");
  });

  test("needs the proposals stage: a scheduling day is closed whatever the dates", () => {
    const now = new Date("2026-11-05T12:00:00Z");
    expect(isCallOpen({ ...event, status: "scheduling" }, now)).toBe(false);
    expect(callState({ ...event, status: "draft" }, now)).toBe("not_yet");
  });

  test("missing dates leave that side of the window open", () => {
    const now = new Date("2030-01-01T12:00:00Z");
    expect(isCallOpen({ ...event, proposalsOpenOn: null, proposalsCloseOn: null }, now)).toBe(true);
    expect(isCallOpen({ ...event, proposalsOpenOn: null }, now)).toBe(false);
  });
});
