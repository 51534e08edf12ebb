// Conflict check of a big PD day, in memory: 60 rooms × 6 blocks, 300 sessions
// (some with co-presenters, some two blocks long, some repeated). The grid
// re-runs findConflicts on every load and every drop, so it must stay well under
// the 50 ms a coordinator would notice. Run: npx tsx tests/bench/conflicts.bench.ts
import { findConflicts, type ConflictInput } from "../../app/.server/schedule/conflict-rules";

const FEATURES = ["projector", "student_devices", "charging", "wifi_heavy", "sink_lab"];

function generate(): ConflictInput {
  const rooms = Array.from({ length: 60 }, (_, i) => ({
    id: `room-${i}`,
    name: `Room ${100 + i}`,
    capacity: 20 + (i % 5) * 10,
    features: FEATURES.filter((_, f) => (i + f) % 3 !== 0).join(","),
  }));
  const blocks = Array.from({ length: 6 }, (_, i) => ({
    id: `block-${i}`,
    label: i === 3 ? "Lunch" : `Block ${i + 1}`,
    startTime: `${String(8 + i).padStart(2, "0")}:00`,
    kind: i === 3 ? "lunch" : "sessions",
  }));
  // 200 presenters for 300 sessions, so some present twice and clash.
  const proposals = Array.from({ length: 300 }, (_, i) => ({
    id: `proposal-${i}`,
    title: `Session ${i}`,
    state: i % 4 === 0 ? "confirmed" : "accepted",
    presenterId: `teacher-${i % 200}`,
    presenterName: `Teacher ${i % 200}`,
    coPresenters:
      i % 5 === 0
        ? [
            { userId: `teacher-${(i * 7) % 200}`, name: `Teacher ${(i * 7) % 200}`, confirmedAt: new Date() },
            { userId: null, name: "Invited", confirmedAt: null },
          ]
        : [],
    unavailableBlockIds: i % 6 === 0 ? `block-${i % 6},block-${(i + 1) % 6}` : "",
    techNeeds: FEATURES.filter((_, f) => (i + f) % 4 === 0).join(","),
    maxParticipants: i % 3 === 0 ? 25 + (i % 20) : null,
    lengthBlocks: i % 10 === 0 ? 2 : 1,
  }));
  const placements = proposals
    .filter((_, i) => i % 50 !== 1) // a few confirmed ones stay unplaced
    .map((p, i) => ({
      id: `placement-${i}`,
      proposalId: p.id,
      roomId: `room-${i % 60}`,
      timeBlockId: `block-${(i * 7) % 6}`,
    }));
  const interest = new Map(placements.filter((_, i) => i % 2 === 0).map((p, i) => [p.id, 10 + (i % 40)]));
  return { rooms, blocks, placements, proposals, interest };
}

const input = generate();
const runs = 300;
for (let i = 0; i < 20; i++) findConflicts(input); // warm up the JIT
const times: number[] = [];
let count = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  count = findConflicts(input).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)]!;
const p95 = times[Math.floor(runs * 0.95)]!;
console.log(
  `findConflicts: ${input.rooms.length} rooms × ${input.blocks.length} blocks, ${input.placements.length} placements of ${input.proposals.length} sessions → ${count} warnings`,
);
console.log(
  `${runs} runs: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms (target ≤ 50 ms)`,
);
if (p95 > 50) {
  console.error("Too slow: p95 above 50 ms.");
  process.exitCode = 1;
}
