import { describe, expect, it } from "vitest";
import { aloneInRole, formCircles, type OptInForForming } from "./forming";

const SCHOOLS = ["Lincoln Elementary", "Roosevelt Middle", "Jefferson High", "Washington Elementary"];

function person(n: number, overrides: Partial<OptInForForming> = {}): OptInForForming {
  return {
    userId: `u${String(n).padStart(4, "0")}`,
    school: SCHOOLS[n % SCHOOLS.length]!,
    subject: "Math",
    gradeBand: "6-8",
    role: "Classroom teacher",
    otherSchools: true,
    ...overrides,
  };
}

const byId = (people: OptInForForming[]) => new Map(people.map((p) => [p.userId, p]));

describe("formCircles", () => {
  it("keeps every circle within 4–6 people and places everyone exactly once", () => {
    for (const size of [4, 5, 6]) {
      for (const n of [4, 9, 13, 23, 37, 101]) {
        const people = Array.from({ length: n }, (_, i) =>
          person(i, {
            subject: ["Math", "ELA", "Science"][i % 3]!,
            role: i % 7 === 0 ? "Librarian" : "Classroom teacher",
          }),
        );
        const circles = formCircles(people, size);
        const placed = circles.flat();
        expect(placed.sort(), `size ${size}, ${n} people`).toEqual(people.map((p) => p.userId).sort());
        for (const c of circles) {
          expect(c.length, `size ${size}, ${n} people`).toBeGreaterThanOrEqual(4);
          expect(c.length).toBeLessThanOrEqual(6);
        }
      }
    }
  });

  it("gives the same circles for the same opt-ins in any order", () => {
    const people = Array.from({ length: 60 }, (_, i) =>
      person(i, { subject: i % 2 ? "Math" : "ELA", otherSchools: i % 5 !== 0 }),
    );
    const shuffled = [...people].reverse().sort((a, b) => (a.school < b.school ? -1 : 1));
    expect(formCircles(shuffled, 5)).toEqual(formCircles(people, 5));
  });

  it("matches on subject and grade band where there are enough people", () => {
    const people = [
      ...Array.from({ length: 5 }, (_, i) => person(i, { subject: "Math", gradeBand: "K-2" })),
      ...Array.from({ length: 5 }, (_, i) => person(10 + i, { subject: "ELA", gradeBand: "9-12" })),
    ];
    const who = byId(people);
    const circles = formCircles(people, 5);
    expect(circles).toHaveLength(2);
    for (const c of circles)
      expect(new Set(c.map((id) => `${who.get(id)!.subject} ${who.get(id)!.gradeBand}`)).size).toBe(1);
  });

  it("mixes schools for people who asked for other schools", () => {
    // Eight people from each of four schools, all the same choices: every circle of four is one from each school.
    const people = Array.from({ length: 32 }, (_, i) => person(i));
    const who = byId(people);
    for (const c of formCircles(people, 4)) expect(new Set(c.map((id) => who.get(id)!.school)).size).toBe(4);
  });

  it("keeps people who asked to stay within their school together with their school", () => {
    const people = Array.from({ length: 16 }, (_, i) => person(i, { otherSchools: false }));
    const who = byId(people);
    for (const c of formCircles(people, 4)) expect(new Set(c.map((id) => who.get(id)!.school)).size).toBe(1);
  });

  it("matches people alone in their role at their school with job-alikes from other schools first", () => {
    // Four librarians, each the only librarian at their school, each sharing subject
    // and grade band with ten or eleven teachers. Matching on subject first would
    // scatter them among the teachers; they must end up together.
    const SUBJECTS = ["Math", "ELA", "Science", "Art"];
    const BANDS = ["K-2", "3-5", "6-8", "9-12"];
    const teachers = Array.from({ length: 42 }, (_, i) =>
      person(i, { subject: SUBJECTS[i % 4]!, gradeBand: BANDS[i % 4]! }),
    );
    const librarians = SCHOOLS.map((school, i) =>
      person(100 + i, { school, role: "Librarian", subject: SUBJECTS[i]!, gradeBand: BANDS[i]! }),
    );
    const everyone = [...teachers, ...librarians];
    expect([...aloneInRole(everyone)].sort()).toEqual(librarians.map((l) => l.userId).sort());
    const circles = formCircles(everyone, 5);
    const withLibrarians = circles.filter((c) => c.some((id) => id.startsWith("u01")));
    expect(withLibrarians).toHaveLength(1);
    expect(withLibrarians[0]!.filter((id) => id.startsWith("u01")).sort()).toEqual(
      librarians.map((l) => l.userId).sort(),
    );
  });

  it("refuses a size outside 4–6", () => {
    expect(() => formCircles([person(1)], 3)).toThrow(RangeError);
    expect(() => formCircles([person(1)], 7)).toThrow(RangeError);
  });
});
