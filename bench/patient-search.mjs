// Patient search benchmark: seeds 200k patients in a database of its own, then measures the API's search route
// (GET /api/patients?q=) and a plain indexed-SQL baseline with the same query mix at the same concurrency, and
// prints them side by side. Loopback traffic only, bounded in time; the database is dropped at the end.
//
//   npm run build && node bench/patient-search.mjs
//
// Environment: TEST_DATABASE_URL (server to create ims_bench_* on; default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_CPU_PROF (a folder for a CPU profile of the API), BENCH_PATIENTS (200000), BENCH_SECONDS (25 recorded per target, after BENCH_WARMUP_SECONDS=5), BENCH_CONCURRENCY (16).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BENCH_PASSWORD, createBenchDatabase, seedOrganisation, seedPatients, verifySearchColumns } from './lib/bench-database.mjs';
import { buildQueries, MIX } from './lib/queries.mjs';
import { runLoad } from './lib/load.mjs';
import { cpuWindow } from './lib/cpu-usage.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_API_DIST=<dir>: run another build of the API (a copy of apps/api/dist before or after a change) instead.
const API_DIST = process.env.BENCH_API_DIST ? path.resolve(process.env.BENCH_API_DIST) : path.join(ROOT, 'apps/api/dist');
const API_MAIN = path.join(API_DIST, 'main.js');
const settings = {
  patients: Number(process.env.BENCH_PATIENTS ?? 200_000),
  seconds: Math.min(Number(process.env.BENCH_SECONDS ?? 25), 55),
  warmupSeconds: Math.min(Number(process.env.BENCH_WARMUP_SECONDS ?? 5), 5),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
};
const TARGET_P95_MS = 30;
/** More than this much of a core used by anything else while recording, and the run is flagged as not quiet. */
const QUIET_OTHERS_PERCENT = 15;
const log = (message) => console.log(`[bench] ${message}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A child process whose output is kept (and shown if it fails); `stop()` ends it and waits. */
function startProcess(label, args, env) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    output: () => output,
    pid: child.pid,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    label,
  };
}

async function waitFor(processHandle, port, path, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processHandle.hasExited()) break;
    const ok = await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${processHandle.label} did not come up on port ${port}:\n${processHandle.output()}`);
}

async function signIn(port, email) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ims_session='));
  return cookie.split(';')[0];
}

function table(api, baseline) {
  const rows = [['query kind', 'API p50', 'API p95', 'API mean', 'API found', 'baseline p50', 'baseline p95', 'baseline mean', 'baseline found']];
  const line = (label, a, b) => [label, `${a.p50} ms`, `${a.p95} ms`, `${a.mean} ms`, `${a.foundRate}%`, `${b.p50} ms`, `${b.p95} ms`, `${b.mean} ms`, `${b.foundRate}%`];
  for (const kind of Object.keys(MIX)) rows.push(line(kind, api.byKind[kind], baseline.byKind[kind]));
  rows.push(line('all', api.all, baseline.all));
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [format(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(format)].join('\n');
}

/** Who used the CPU during each recorded run, per request too, and a warning when something else was busy. */
function cpuLines(api, baseline) {
  if (!api.cpu || !baseline.cpu) return [];
  const perRequest = (percent, result) => (result.requestsPerSecond ? ((10 * percent) / result.requestsPerSecond).toFixed(2) : '-');
  const describe = (label, result) =>
    `${label} process ${result.cpu.server}%, its PostgreSQL backends ${result.cpu.postgres}%, load generator ${result.cpu.loadGenerator}%, ` +
    `anything else ${result.cpu.others}% (CPU per request: ${perRequest(result.cpu.server, result)} ms in the process, ${perRequest(result.cpu.postgres, result)} ms in PostgreSQL)`;
  const lines = [`CPU while recorded, in % of one core (${api.cpu.cores} cores):`, `  ${describe('API', api)}`, `  ${describe('baseline', baseline)}`];
  const busy = Math.max(api.cpu.others, baseline.cpu.others);
  if (busy > QUIET_OTHERS_PERCENT) lines.push(`  Not a quiet machine: anything else (other processes, the kernel) used up to ${busy}% of a core while recording; every figure above is pessimistic.`);
  return lines;
}

async function main() {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build first (npm run build)`);
  const started = Date.now();
  const database = await createBenchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  const children = [];
  const cleanUp = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await client.end().catch(() => undefined);
    await database.drop();
    log(`dropped ${database.name}`);
  };
  process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));
  /** runLoad against `server`, plus `cpu`: who used the CPU while it was recorded (see lib/cpu-usage.mjs). */
  const measured = async (server, options) => {
    let window = null;
    const result = await runLoad({ ...options, onRecording: () => (window = cpuWindow({ serverPid: server.pid, database: database.name })) });
    return { ...result, cpu: window?.end() ?? null };
  };
  try {
    log(`database ${database.name} migrated`);
    await client.connect();
    const tenant = await seedOrganisation(client);
    let t = Date.now();
    await seedPatients(client, { ...tenant, count: settings.patients });
    log(`seeded ${settings.patients} patients in ${((Date.now() - t) / 1000).toFixed(1)} s (indexes rebuilt, ANALYZE done)`);
    log(`search columns match searchFieldsOf on a sample of ${await verifySearchColumns(client)} rows`);
    const queries = await buildQueries(client, tenant.organisationId);
    const load = { queries, concurrency: settings.concurrency, warmupSeconds: settings.warmupSeconds, seconds: settings.seconds };

    const apiPort = await freePort();
    // BENCH_CPU_PROF=<dir>: write a V8 CPU profile of the API process there (open it in Chrome DevTools).
    const profileArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const api = startProcess('API', [...profileArgs, API_MAIN], {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      MIGRATION_DATABASE_URL: '',
      APP_SECRET: randomBytes(32).toString('hex'),
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MFA_REQUIRED_ROLES: '',
    });
    children.push(api);
    await waitFor(api, apiPort, '/api/health');
    const cookie = await signIn(apiPort, tenant.email);
    if (process.env.BENCH_API_DIST) log(`API build: ${API_DIST} (BENCH_API_DIST), not apps/api/dist`);
    log(`API up on 127.0.0.1:${apiPort}; ${settings.concurrency} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s recorded`);
    const apiResult = await measured(api, { ...load, port: apiPort, headers: { cookie }, pathFor: (q) => `/api/patients?q=${encodeURIComponent(q)}&pageSize=20` });
    await api.stop();

    t = Date.now();
    await client.query(`CREATE INDEX bench_patient_last_name_prefix ON patient (organisation_id, lower(last_name) text_pattern_ops)`);
    await client.query(`CREATE INDEX bench_patient_phone ON patient (organisation_id, phone)`);
    await client.query('ANALYZE patient');
    log(`baseline indexes built in ${((Date.now() - t) / 1000).toFixed(1)} s (after the API run, so they cannot change its plans)`);
    const basePort = await freePort();
    const baseline = startProcess('baseline', [path.join(ROOT, 'bench/baseline-server.mjs')], { DATABASE_URL: database.url, PORT: String(basePort), ORGANISATION_ID: tenant.organisationId });
    children.push(baseline);
    await waitFor(baseline, basePort, '/search?q=smith');
    const baselineResult = await measured(baseline, { ...load, port: basePort, pathFor: (q) => `/search?q=${encodeURIComponent(q)}` });
    await baseline.stop();

    console.log(`\nPatient search, ${settings.patients} patients, concurrency ${settings.concurrency}, ${settings.seconds} s per target ("found": the intended patient is on the first page)\n`);
    console.log(table(apiResult, baselineResult));
    console.log(`\nAPI: ${apiResult.requestsPerSecond} req/s, ${apiResult.errors} errors; baseline: ${baselineResult.requestsPerSecond} req/s, ${baselineResult.errors} errors`);
    for (const line of cpuLines(apiResult, baselineResult)) console.log(line);
    const met = apiResult.all.p95 < TARGET_P95_MS;
    console.log(`Target API p95 < ${TARGET_P95_MS} ms: ${met ? 'met' : 'MISSED'} (${apiResult.all.p95} ms)\n`);

    const resultsDir = path.join(ROOT, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `patient-search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ settings, apiDist: path.relative(ROOT, API_DIST), targetP95Ms: TARGET_P95_MS, targetMet: met, api: apiResult, baseline: baselineResult, wallSeconds: Math.round((Date.now() - started) / 1000) }, null, 2));
    log(`results written to ${path.relative(ROOT, file)}`);
    if (apiResult.errors > 0 || baselineResult.errors > 0) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(`[bench] failed: ${error.stack ?? error}`);
  process.exit(1);
});
