import { describe, expect, test } from "vitest";
import { EventSchema } from "./events";

const validEvent = {
  name: "Spring PD",
  date: "2027-03-12",
  startTime: "08:00",
  endTime: "15:30",
  timeZone: "America/Chicago",
};

describe("EventSchema subject tags", () => {
  test("one tag per line, trimmed, blanks and repeats dropped; missing means none", () => {
    expect(EventSchema.parse({ ...validEvent, subjectTags: " Literacy \r\n\nMath\nLiteracy\n" }).subjectTags).toEqual([
      "Literacy",
      "Math",
    ]);
    expect(EventSchema.parse(validEvent).subjectTags).toEqual([]);
  });

  test("refuses more than 30 tags, tags over 40 characters (named) and commas", () => {
    const messages = (subjectTags: string) =>
      EventSchema.safeParse({ ...validEvent, subjectTags })
        .error!.issues.filter((i) => i.path[0] === "subjectTags")
        .map((i) => i.message);
    expect(messages(Array.from({ length: 31 }, (_, i) => `Tag ${i}`).join("\n"))).toEqual(["Use at most 30 tags"]);
    const long = "Social-emotional learning across every grade band";
    expect(messages(`Math\n${long}`)).toEqual([`Keep each tag to 40 characters: “${long}” is too long`]);
    expect(messages("Math, Science")).toEqual([
      "Put each tag on its own line instead of using commas: “Math, Science”",
    ]);
  });
});
