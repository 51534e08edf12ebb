import { describe, expect, it } from "vitest";
import type { SnapshotSession } from "../schedule/snapshot";
import { WHOLE_DAY_UP_TO, matchesFilters, nowAndNext, oneBlockAtATime, sessionEnded } from "./schedule";

const event = { date: "2027-03-12", timeZone: "America/Chicago" };
const blocks = [
  { id: "b1", label: "Block 1", startTime: "09:00", endTime: "09:50", kind: "sessions" },
  { id: "lunch", label: "Lunch", startTime: "11:00", endTime: "11:45", kind: "lunch" },
  { id: "b2", label: "Block 2", startTime: "12:00", endTime: "12:50", kind: "sessions" },
];
// Chicago is UTC-6 on 2027-03-12 (daylight time starts on the 14th).
const at = (utc: string) => new Date(`2027-03-12T${utc}:00Z`);

describe("now and next", () => {
  it("reads the building's clock, not the server's", () => {
    expect(nowAndNext(event, blocks, at("15:10"))).toMatchObject({ current: { id: "b1" }, next: { id: "lunch" } });
    expect(nowAndNext(event, blocks, at("16:00"))).toMatchObject({ current: null, next: { id: "lunch" } });
    expect(nowAndNext(event, blocks, at("18:30"))).toMatchObject({ current: { id: "b2" }, next: null });
  });

  it("shows nothing on other days or after the last block", () => {
    expect(nowAndNext(event, blocks, new Date("2027-03-11T15:10:00Z"))).toBeNull();
    expect(nowAndNext(event, blocks, at("19:00"))).toBeNull();
  });

  it("ends a session when its last block ends", () => {
    expect(sessionEnded(event, { endTime: "09:50" }, at("15:49"))).toBe(false);
    expect(sessionEnded(event, { endTime: "09:50" }, at("15:50"))).toBe(true);
    expect(sessionEnded(event, { endTime: "12:50" }, new Date("2027-03-13T10:00:00Z"))).toBe(true);
  });
});

describe("filters", () => {
  const session = {
    title: "Desmos for Algebra I",
    summary: "Sliders and activities",
    roomName: "Library",
    tags: ["Math"],
    format: "hands_on",
    audience: ["6-8"],
    presenters: [{ userId: "u1", name: "Maria Delgado" }],
  } as unknown as SnapshotSession;

  it("matches audience, subject, format and every search word", () => {
    expect(matchesFilters(session, { audience: "6-8", subject: "Math", format: "hands_on", q: "desmos maria" })).toBe(
      true,
    );
    expect(matchesFilters(session, { audience: "K-2" })).toBe(false);
    expect(matchesFilters({ ...session, audience: ["all"] }, { audience: "K-2" })).toBe(true);
    expect(matchesFilters(session, { subject: "Literacy" })).toBe(false);
    expect(matchesFilters(session, { format: "demo" })).toBe(false);
    expect(matchesFilters(session, { q: "desmos geometry" })).toBe(false);
  });
});

describe("a large day, one block at a time", () => {
  // More sessions than a page shows whole: b1 gets the odd ones, b2 the even ones.
  const sessions = Array.from({ length: WHOLE_DAY_UP_TO + 2 }, (_, i) => ({
    placementId: `p${i}`,
    blockId: i % 2 ? "b1" : "b2",
  })) as SnapshotSession[];
  const version = { snapshot: { blocks, sessions } };
  const b2 = blocks[2]!;

  it("shows the block asked for, else the one on now, the next one or the first; tabs count the matches", () => {
    const view = oneBlockAtATime(version, sessions.slice(0, 5), {}, "b1", { current: b2, next: null });
    expect(view).toEqual({
      shown: "b1",
      // Lunch has no sessions: no tab.
      tabs: [
        { id: "b1", label: "Block 1", startTime: "09:00", endTime: "09:50", matching: 2 },
        { id: "b2", label: "Block 2", startTime: "12:00", endTime: "12:50", matching: 3 },
      ],
    });
    expect(oneBlockAtATime(version, sessions, {}, null, { current: b2, next: null })?.shown).toBe("b2");
    expect(oneBlockAtATime(version, sessions, {}, "made-up", { current: null, next: b2 })?.shown).toBe("b2");
    expect(oneBlockAtATime(version, sessions, {}, null, null)?.shown).toBe("b1");
  });

  it("is off for a small day and for a search, which looks across the whole day", () => {
    expect(
      oneBlockAtATime({ snapshot: { blocks, sessions: sessions.slice(0, WHOLE_DAY_UP_TO) } }, [], {}, null, null),
    ).toBeNull();
    expect(oneBlockAtATime(version, sessions, { q: "math" }, null, null)).toBeNull();
    expect(oneBlockAtATime(version, sessions, { audience: "6-8" }, null, null)).not.toBeNull();
  });
});
