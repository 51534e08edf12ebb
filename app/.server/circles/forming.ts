// Forming circles from opt-ins: a pure function, so the same opt-ins and size
// always give the same circles (the input order does not matter: people are
// sorted by id first), and 5,000 people take milliseconds (tests/bench/circles).
//
// How it matches, most specific first: people are bucketed by role + subject +
// grade band; full circles are cut from each bucket and what is left over moves
// up to role + subject, then role alone, then everyone. So circles share a role
// wherever there are enough people in it, which is what a job-alike circle is.
// People who are the only one in their role at their school go to the front of
// their bucket: they are placed in role-matched circles first, with people from
// other schools. Within a bucket, people who asked for other schools are dealt
// round-robin by school, so a circle mixes schools; people who asked to stay
// within their school are bucketed with their school until the last level.

export type OptInForForming = {
  userId: string;
  school: string;
  subject: string;
  gradeBand: string;
  role: string;
  otherSchools: boolean;
};

export const MIN_CIRCLE = 4;
export const MAX_CIRCLE = 6;

/** Lower-cased, trimmed: "Coach " and "coach" are one role. */
const norm = (value: string) => value.trim().toLowerCase();

/** Is this person the only one opting in with their role at their school? */
export function aloneInRole(people: readonly OptInForForming[]) {
  const counts = new Map<string, number>();
  const key = (p: OptInForForming) => `${norm(p.school)}\u0000${norm(p.role)}`;
  for (const p of people) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return new Set(people.filter((p) => counts.get(key(p)) === 1).map((p) => p.userId));
}

/** Deal people round-robin by school (biggest school first), so neighbours differ in school. */
function interleaveBySchool(people: OptInForForming[]) {
  const bySchool = new Map<string, OptInForForming[]>();
  for (const p of people) {
    const list = bySchool.get(norm(p.school));
    if (list) list.push(p);
    else bySchool.set(norm(p.school), [p]);
  }
  const queues = [...bySchool.entries()]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([, list]) => list);
  const out: OptInForForming[] = [];
  for (let i = 0; out.length < people.length; i++) {
    for (const q of queues) if (i < q.length) out.push(q[i]!);
  }
  return out;
}

function orderBucket(people: OptInForForming[], alone: Set<string>) {
  // The loners first, so the full circles cut from this bucket include them.
  const first = people.filter((p) => alone.has(p.userId));
  const rest = people.filter((p) => !alone.has(p.userId));
  return [...interleaveBySchool(first), ...interleaveBySchool(rest)];
}

const LEVELS: ((p: OptInForForming) => string)[] = [
  (p) => `${norm(p.role)}|${norm(p.subject)}|${norm(p.gradeBand)}`,
  (p) => `${norm(p.role)}|${norm(p.subject)}`,
  (p) => norm(p.role),
  () => "",
];

/**
 * Circles of `size` (4–6) people each, as lists of user ids. Every circle has
 * 4–6 people unless fewer than 4 opted in altogether (then one circle of them).
 */
export function formCircles(input: readonly OptInForForming[], size: number): string[][] {
  if (size < MIN_CIRCLE || size > MAX_CIRCLE) throw new RangeError(`A circle has ${MIN_CIRCLE}–${MAX_CIRCLE} people.`);
  const people = [...input].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  if (people.length === 0) return [];
  const alone = aloneInRole(people);
  const circles: OptInForForming[][] = [];
  let waiting = people;
  LEVELS.forEach((level, depth) => {
    const last = depth === LEVELS.length - 1;
    const buckets = new Map<string, OptInForForming[]>();
    for (const p of waiting) {
      // People staying within their school are kept with it until the last level.
      const key = `${level(p)}|${p.otherSchools || last ? "" : norm(p.school)}`;
      const list = buckets.get(key);
      if (list) list.push(p);
      else buckets.set(key, [p]);
    }
    const leftOver: OptInForForming[] = [];
    for (const key of [...buckets.keys()].sort()) {
      const ordered = orderBucket(buckets.get(key)!, alone);
      const full = Math.floor(ordered.length / size) * size;
      for (let i = 0; i < full; i += size) circles.push(ordered.slice(i, i + size));
      leftOver.push(...ordered.slice(full));
    }
    waiting = leftOver;
  });
  placeRemainder(circles, waiting);
  return circles.map((c) => c.map((p) => p.userId));
}

/** Fewer than a circle's size are left: a circle of their own if there are enough, else seats in others. */
function placeRemainder(circles: OptInForForming[][], rest: OptInForForming[]) {
  if (rest.length === 0) return;
  if (rest.length >= MIN_CIRCLE || circles.length === 0) {
    circles.push(rest);
    return;
  }
  const capacity = circles.reduce((sum, c) => sum + (MAX_CIRCLE - c.length), 0);
  if (capacity >= rest.length) {
    for (const p of rest) {
      // Best seat: a circle with room sharing the role, then the subject, then the smallest.
      const score = (c: OptInForForming[]) =>
        (c.some((m) => norm(m.role) === norm(p.role)) ? 2 : 0) +
        (c.some((m) => norm(m.subject) === norm(p.subject)) ? 1 : 0);
      let best = -1;
      for (let i = 0; i < circles.length; i++) {
        const c = circles[i]!;
        if (c.length >= MAX_CIRCLE) continue;
        if (
          best < 0 ||
          score(c) > score(circles[best]!) ||
          (score(c) === score(circles[best]!) && c.length < circles[best]!.length)
        )
          best = i;
      }
      circles[best]!.push(p);
    }
    return;
  }
  // Every circle is full (size 6): take people from the biggest circles (they keep
  // at least 4) to make up a circle of 4 with the rest.
  const borrowed: OptInForForming[] = [];
  while (rest.length + borrowed.length < MIN_CIRCLE) {
    let biggest = -1;
    for (let i = circles.length - 1; i >= 0; i--)
      if (circles[i]!.length > MIN_CIRCLE && (biggest < 0 || circles[i]!.length > circles[biggest]!.length))
        biggest = i;
    if (biggest < 0) break;
    borrowed.push(circles[biggest]!.pop()!);
  }
  circles.push([...rest, ...borrowed]);
}
