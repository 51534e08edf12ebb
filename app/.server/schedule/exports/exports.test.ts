import ICAL from "ical.js";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { ScheduleSnapshot } from "../snapshot";
import { gridCsv } from "./csv";
import { frabSchedule, uuidV5 } from "./frab";
import { scheduleCalendar } from "./ics";
import { frabValidator, hasFrabSchema, parseIcs } from "../../../../tests/support/schedule-validators";

const snapshot: ScheduleSnapshot = {
  event: {
    id: "ev1",
    slug: "spring-pd-7",
    name: "Spring Learning Exchange",
    description: "Teachers teaching teachers.",
    venue: "Lincoln Middle School",
    date: "2027-03-20",
    startTime: "08:00",
    endTime: "14:45",
    timeZone: "America/Chicago",
  },
  rooms: [
    { id: "r1", name: "Library", building: "Main", floor: "1", capacity: 60, accessible: true },
    { id: "r2", name: "Room 203", building: "", floor: "", capacity: 28, accessible: false },
  ],
  blocks: [
    { id: "b1", label: "Block 1", startTime: "08:50", endTime: "09:50", kind: "sessions" },
    { id: "b2", label: "Block 2", startTime: "10:05", endTime: "11:05", kind: "sessions" },
  ],
  sessions: [
    {
      placementId: "p1",
      proposalId: "q1",
      title: 'Desmos, "graphing" & more, = fun',
      summary: "Walk through three activities.",
      audience: ["9-12"],
      format: "hands_on",
      tags: ["Math"],
      presenters: [
        { userId: "u1", name: "Maria Delgado" },
        { userId: "u2", name: "Ben Okafor" },
      ],
      roomId: "r1",
      roomName: "Library",
      blockId: "b1",
      blockLabel: "Block 1",
      startTime: "08:50",
      endTime: "11:05",
      lengthBlocks: 2,
      dayOf: false,
    },
    {
      placementId: "p2",
      proposalId: "q2",
      title: "Brain breaks",
      summary: "",
      audience: [],
      format: "playground",
      tags: [],
      presenters: [{ userId: "u3", name: "Imani Walsh" }],
      roomId: "r2",
      roomName: "Room 203",
      blockId: "b2",
      blockLabel: "Block 2",
      startTime: "10:05",
      endTime: "11:05",
      lengthBlocks: 1,
      dayOf: true,
    },
  ],
};

describe("schedule.json (frab/c3voc)", () => {
  it.skipIf(!hasFrabSchema)("validates against the shared schema with format checks on", () => {
    const validate = frabValidator();
    const doc = frabSchedule(snapshot, 3);
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const day = doc.schedule.conference.days[0]!;
    const library = day.rooms["Library"] as Array<{ date: string; end: string; duration: string; persons: unknown[] }>;
    // March 20, 2027 is after the US switch to daylight time (March 14): Chicago is UTC-5.
    expect(library[0]).toMatchObject({
      date: "2027-03-20T08:50:00-05:00",
      end: "2027-03-20T11:05:00-05:00",
      duration: "02:15",
    });
    expect(library[0]!.persons).toHaveLength(2);
    expect(doc.schedule.version).toBe("v3");
  });

  it.skipIf(!hasFrabSchema)("catches a document the schema rejects (the validator is really checking)", () => {
    const validate = frabValidator();
    const doc = frabSchedule(snapshot, 1);
    const broken = structuredClone(doc) as {
      schedule: { conference: { days: Array<{ rooms: Record<string, Array<Record<string, unknown>>> }> } };
    };
    broken.schedule.conference.days[0]!.rooms["Library"]![0]!.guid = "not-a-uuid";
    expect(validate(broken)).toBe(false);
  });

  it("gives stable, well-formed v5 UUIDs", () => {
    expect(uuidV5("dropin:placement:p1")).toBe(uuidV5("dropin:placement:p1"));
    expect(uuidV5("dropin:placement:p1")).not.toBe(uuidV5("dropin:placement:p2"));
    expect(uuidV5("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("schedule.ics", () => {
  it("parses with ical.js, carries a VTIMEZONE and wall-clock times in the event's zone", () => {
    const text = scheduleCalendar(snapshot, { publishedAt: new Date("2027-03-01T12:00:00Z") });
    const calendar = parseIcs(text);
    expect(calendar.getAllSubcomponents("vtimezone").map((tz) => tz.getFirstPropertyValue("tzid"))).toEqual([
      "America/Chicago",
    ]);
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Desmos, "graphing" & more, = fun', "Brain breaks"]);
    const first = events[0]!;
    expect(first.startDate.zone?.tzid).toBe("America/Chicago");
    expect(first.startDate.toString()).toBe("2027-03-20T08:50:00");
    expect(first.endDate.toString()).toBe("2027-03-20T11:05:00");
    // The real instant: 08:50 CDT is 13:50 UTC.
    expect(first.startDate.toJSDate().toISOString()).toBe("2027-03-20T13:50:00.000Z");
    expect(first.location).toBe("Library, Lincoln Middle School");
    expect(first.uid).toBe("p1@dropin");
  });
});

describe("grid.csv", () => {
  it("quotes commas and quotes, and neutralises spreadsheet formulas", () => {
    const text = gridCsv(snapshot);
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(["Block", "Start", "End", "Room", "Title", "Presenters"]);
    expect(parsed.data[1]).toEqual([
      "Block 1",
      "08:50",
      "11:05",
      "Library",
      'Desmos, "graphing" & more, = fun',
      "Maria Delgado, Ben Okafor",
    ]);
    const withFormula = gridCsv({ ...snapshot, sessions: [{ ...snapshot.sessions[1]!, title: "=HYPERLINK(1)" }] });
    expect(Papa.parse<string[]>(withFormula.trim()).data[1]![4]).toBe("'=HYPERLINK(1)");
  });
});
