// Every benchmark of the scale issue, one after another (never two at once: they share the machine's cores):
// patient search (its own 200k-patient database), then on the large chain (built once if missing: see
// bench/README.md) a clinic's day list, booking, the month caseload report, and the API's memory under mixed load.
// Each writes its own section of bench/RESULTS.md and a JSON file in bench/results/.
//
//   npm run build && npm run bench            (BENCH_ONLY=schedule,booking to run some of them)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARKS = [
  { name: 'search', script: 'bench/patient-search.mjs', target: 'patient search p95 < 30 ms' },
  { name: 'schedule', script: 'bench/schedule-day.mjs', target: "a clinic's day: throughput >= 0.5x baseline, p95 <= 2x baseline" },
  { name: 'booking', script: 'bench/booking.mjs', target: 'booking throughput >= 0.4x a plain INSERT' },
  { name: 'caseload', script: 'bench/caseload-report.mjs', target: "a clinic's month caseload p95 < 150 ms" },
  { name: 'memory', script: 'bench/memory.mjs', target: 'API RSS < 250 MB under mixed load' },
];

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
const selected = only ? BENCHMARKS.filter((benchmark) => only.includes(benchmark.name)) : BENCHMARKS;

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: 'inherit', env: process.env });
    const forward = () => child.kill('SIGINT');
    process.once('SIGINT', forward);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      resolve(signal ? 1 : code ?? 1);
    });
  });
}

const outcomes = [];
for (const benchmark of selected) {
  const started = Date.now();
  console.log(`\n=== ${benchmark.name}: node ${benchmark.script} ===`);
  const code = await run(benchmark.script);
  outcomes.push({ ...benchmark, code, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n=== summary (figures in bench/RESULTS.md) ===');
for (const outcome of outcomes) {
  console.log(`${outcome.code === 0 ? 'met   ' : 'FAILED'}  ${outcome.name.padEnd(9)} ${String(outcome.seconds).padStart(4)} s  ${outcome.target}`);
}
process.exitCode = outcomes.every((outcome) => outcome.code === 0) ? 0 : 1;
