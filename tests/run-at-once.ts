// `npm test`'s first step: runs the npm scripts it is given (typecheck, lint, build) at
// the same time. Each is mostly one core's work (tsc, eslint then prettier, rollup and
// terser), so on a 2-core machine together they take about as long as the longest one
// instead of the sum (measured in README "The test suite's own time"). Every script runs
// to its end, even after another failed, so one run shows every problem; each one's
// output is held and printed whole when it ends, never interleaved.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) throw new Error("Usage: tsx tests/run-at-once.ts <npm script>...");

function run(script: string) {
  const started = performance.now();
  return new Promise<boolean>((resolve) => {
    const child = spawn("npm", ["run", script], { stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(
        `\n== npm run ${script}: ${ok ? "passed" : `FAILED (${signal ?? `exit ${code}`})`}, ${seconds} s\n`,
      );
      process.stdout.write(Buffer.concat(output));
      resolve(ok);
    });
  });
}

const results = await Promise.all(scripts.map(run));
const failed = scripts.filter((_, i) => !results[i]);
if (failed.length > 0) {
  process.stdout.write(`\n== failed: ${failed.join(", ")}\n`);
  process.exit(1);
}
