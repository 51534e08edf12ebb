// Forming follow-up circles for 5,000 people (issue 18: "finishes in under a
// second"). Pure computation on a generated, deterministic district: 40 schools,
// eight subjects, five grade bands and six roles skewed as in a real district
// (most are classroom teachers; a school has one librarian at most), a fifth
// asking to stay within their school. The reference, measured in the same run on
// the same input, is sorting those opt-ins by school, role, subject and grade band
// (the least any matching must do), so the ratio says how much more forming costs
// than one sort, whatever the machine.
// Run: npm run bench:circles
import { formCircles, MAX_CIRCLE, MIN_CIRCLE, type OptInForForming } from "../../app/.server/circles/forming";

const PEOPLE = 5_000;
const SIZE = 5;
const TARGET_MS = 1_000;
const RUNS = 15;

const SUBJECTS = [
  "Math",
  "ELA",
  "Science",
  "Social studies",
  "Arts",
  "World languages",
  "PE and health",
  "Any subject",
];
const BANDS = ["K-2", "3-5", "6-8", "9-12", "all"];

function role(i: number) {
  if (i % 97 === 0) return "Librarian";
  if (i % 41 === 0) return "Counsellor";
  if (i % 23 === 0) return "Instructional coach";
  if (i % 31 === 0) return "Administrator";
  if (i % 13 === 0) return "Special education";
  return "Classroom teacher";
}

function generate(): OptInForForming[] {
  return Array.from({ length: PEOPLE }, (_, i) => ({
    // Ids in no useful order, as cuids are.
    userId: `c${((i * 2654435761) >>> 0).toString(36)}${i}`,
    school: `School ${(i * 7) % 40}`,
    subject: SUBJECTS[(i * 5) % SUBJECTS.length]!,
    gradeBand: BANDS[(i * 3) % BANDS.length]!,
    role: role(i),
    otherSchools: i % 5 !== 0,
  }));
}

function sortReference(people: OptInForForming[]) {
  return [...people].sort(
    (a, b) =>
      a.school.localeCompare(b.school) ||
      a.role.localeCompare(b.role) ||
      a.subject.localeCompare(b.subject) ||
      a.gradeBand.localeCompare(b.gradeBand) ||
      (a.userId < b.userId ? -1 : 1),
  );
}

function time(work: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, worst: times[RUNS - 1]! };
}

const input = generate();
// Warm up the JIT for both, then measure them interleaved in one run.
for (let i = 0; i < 3; i++) {
  formCircles(input, SIZE);
  sortReference(input);
}
const reference = time(() => sortReference(input));
const forming = time(() => formCircles(input, SIZE));

const circles = formCircles(input, SIZE);
const placed = circles.flat();
const valid =
  placed.length === PEOPLE &&
  new Set(placed).size === PEOPLE &&
  circles.every((c) => c.length >= MIN_CIRCLE && c.length <= MAX_CIRCLE);
const sameTwice = JSON.stringify(formCircles([...input].reverse(), SIZE)) === JSON.stringify(circles);
const ok = forming.worst < TARGET_MS && valid && sameTwice;

console.log(
  `Circle forming · ${new Date().toISOString()} · ${PEOPLE.toLocaleString("en-US")} people, circles of ${SIZE}, ${RUNS} runs`,
);
console.table([
  {
    measure: "formCircles",
    median: `${forming.median.toFixed(1)} ms`,
    worst: `${forming.worst.toFixed(1)} ms`,
    target: `< ${TARGET_MS} ms`,
    met: ok ? "yes" : "NO",
  },
  {
    measure: "reference: sort the same opt-ins",
    median: `${reference.median.toFixed(1)} ms`,
    worst: `${reference.worst.toFixed(1)} ms`,
    target: "",
    met: "",
  },
]);
console.log(
  `Ratio to the sort (median): ${(forming.median / Math.max(reference.median, 0.001)).toFixed(1)}× · ${circles.length} circles, every one 4–6: ${valid ? "yes" : "NO"} · same circles for the input reversed: ${sameTwice ? "yes" : "NO"}`,
);
if (!ok) process.exitCode = 1;
