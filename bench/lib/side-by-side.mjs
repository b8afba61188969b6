import os from 'node:os';
import pg from 'pg';
import { markdownTable } from './results-section.mjs';

// What the large-chain benchmarks share: their settings, the API-versus-baseline table, and EXPLAIN output.

export const settings = {
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  seconds: Math.min(Number(process.env.BENCH_SECONDS ?? 20), 60),
  warmupSeconds: Math.min(Number(process.env.BENCH_WARMUP_SECONDS ?? 5), 10),
};

export const log = (name) => (message) => console.log(`[${name}] ${message}`);

/** One row per target: latency percentiles, throughput, answers. */
export function comparisonTable(rows) {
  return markdownTable(
    ['target', 'requests/s', 'p50', 'p95', 'p99', 'mean', 'answers', 'mean body'],
    rows.map(([label, result]) => [
      label,
      result.requestsPerSecond.toFixed(1),
      `${result.p50} ms`,
      `${result.p95} ms`,
      `${result.p99} ms`,
      `${result.mean} ms`,
      Object.entries(result.statuses).map(([status, count]) => `${count}× ${status}`).join(', ') + (result.errors ? ` (${result.errors} failed)` : ''),
      `${Math.round(result.meanBytes / 102.4) / 10} KiB`,
    ]),
  );
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of a statement, as text; run once first so the plan is of a warm cache. */
export async function explain(url, text, values = [], { settings: sessionSettings = [] } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const setting of sessionSettings) await client.query(setting);
    await client.query(text, values);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

/** The figures' context: cores, the load average when the run started. */
export function contextLine(loadAtStart) {
  const cpus = os.cpus();
  return (
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, PostgreSQL on the same machine. **The load generator, the API and PostgreSQL share the machine's ${cpus.length} cores**, ` +
    `so every figure includes the client's own CPU time; load average at start ${loadAtStart.map((value) => value.toFixed(1)).join(' / ')} (1/5/15 min): ` +
    `anything else running at the time (other engineers' tests) shows up in the figures.`
  );
}

export const verdict = (met, text) => `${met ? '✅ met' : '❌ MISSED'}: ${text}`;
