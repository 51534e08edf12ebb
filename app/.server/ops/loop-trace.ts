// DROPIN_LOOP_TRACE=1: a measuring aid for `npm run bench:import`. Every stall of the
// event loop over 20 ms is written to stderr with the phase that was running,
// and each long phase with its own duration, so a slow door check-in can be traced
// to the work that held the loop. Off (free) unless the variable is set.
const on = process.env.DROPIN_LOOP_TRACE === "1";
let current = "idle";

if (on) {
  let expected = performance.now() + 5;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    if (late > 20) console.error(`[loop] stalled ${late.toFixed(0)} ms (last phase: ${current})`);
    expected = now + 5;
  }, 5);
  timer.unref();
}

/** Time a phase (sync or async) and name it for stall reports. */
export async function traced<T>(phase: string, work: () => T | Promise<T>): Promise<T> {
  if (!on) return work();
  const started = performance.now();
  current = phase;
  try {
    return await work();
  } finally {
    const took = performance.now() - started;
    if (took > 20) console.error(`[phase] ${phase} ${took.toFixed(0)} ms`);
    current = `after ${phase}`;
  }
}

/** Name what runs now, for the stall reports. */
export function phase(name: string) {
  if (on) current = name;
}
