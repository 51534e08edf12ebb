import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { createAttendee, createPublishedDay } from "tests/factories";
import { checkIntoRoom } from "~/.server/checkin/rooms";
import { hrCsv } from "~/.server/credit/hr-export";
import { gridCsv } from "~/.server/schedule/exports/csv";
import { latestPublished } from "~/.server/schedule/publish";
import { neutraliseCell, toCsv } from "./csv.server";

const cells = (text: string) => Papa.parse<string[]>(text.trim()).data;
/** What a spreadsheet would run as a formula: a cell whose first character starts one. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r\n]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

describe("neutralising formulas in CSV cells", () => {
  test.each([
    ['=HYPERLINK("http://evil.example","Click")'],
    ["+SUM(1,2)"],
    ["-2+3"],
    ["@SUM(A1)"],
    ["\t=1+1"],
    ["\r=1+1"],
    ["\n=1+1"],
    // The reported one: papaparse's escapeFormulae skips a value with a line break in it.
    ["=cmd|' /C calc'!A0\nRoom 12"],
    ["=1+1\r\nsecond line"],
    ["\uFF1D1+1"],
  ])("%j becomes text", (value) => {
    const [row] = cells(toCsv(["Name"], [[value]])).slice(1);
    expect(row![0]).toBe(`'${value}`);
    expect(runsAsFormula(row![0]!)).toBe(false);
  });

  test("ordinary values, numbers and inner formula characters are left alone", () => {
    for (const value of ["Ana Ruiz", "45", "-5", "0.75", "Room = Library", "a@b.test", "Grades 3-5", ""]) {
      expect(neutraliseCell(value)).toBe(value);
    }
  });

  test("the grid export: a multi-line room name or title starting with = is text", async () => {
    const day = await createPublishedDay();
    const version = (await latestPublished(day.event.id))!;
    const [first, ...rest] = version.snapshot.sessions;
    const text = gridCsv({
      ...version.snapshot,
      sessions: [
        { ...first!, roomName: '=HYPERLINK("http://evil.example")\nRoom 12', title: "@SUM(1)\nand more" },
        ...rest,
      ],
    });
    const rows = cells(text);
    expect(rows[1]![3]).toBe('\'=HYPERLINK("http://evil.example")\nRoom 12');
    expect(rows[1]![4]).toBe("'@SUM(1)\nand more");
    expect(rows.flat().filter(runsAsFormula)).toEqual([]);
  });

  test("the HR credit export: a multi-line name starting with = is text", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "none" });
    const { user } = await createAttendee(day.event.id, {
      name: "=1+1\nAna",
      school: "+Lincoln\nElementary",
      staffId: "@E-77",
    });
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, new Date("2027-03-12T15:00:00Z"));
    const rows = cells(await hrCsv(day.coordinator.id, day.event.id));
    expect(rows[1]!.slice(0, 3)).toEqual(["'@E-77", "'=1+1\nAna", "'+Lincoln\nElementary"]);
    expect(rows.flat().filter(runsAsFormula)).toEqual([]);
  });
});
