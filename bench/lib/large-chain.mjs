import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateUrl } from '@ims/prisma';
import { LARGE_CHAIN_LOGINS, LARGE_CHAIN_PASSWORD, seedLargeChain } from '@ims/prisma/seeds';
import { ROOT, apiProcess, freePort, sampleRss, snapshotApi } from './api-process.mjs';
import { signIn } from './clinic-client.mjs';
import { markdownTable, writeResultsSection } from './results-section.mjs';

// The large chain the scale benchmarks run against (`npm run db:seed:large`: 10 clinics, 200 clinicians, 200k
// patients, ~2M appointments). Building it takes minutes, so it is kept between runs: BENCH_LARGE_DATABASE_URL
// (default ims_large_chain on the local server) is used as it is when it holds the chain, and built when it is
// missing or empty. Nothing else on the server is touched.

export const LARGE_DATABASE_URL = process.env.BENCH_LARGE_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/ims_large_chain';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates, migrates and seeds the large chain unless it is there already; returns its URL. `rebuild` drops it first
 * (only a database whose name starts with ims_large, so a mistyped URL cannot drop anything else); `options` are the
 * seed's (e.g. its anchorDate).
 */
export async function ensureLargeChain({ log = () => undefined, rebuild = false, options = {} } = {}) {
  const url = new URL(LARGE_DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  const serverUrl = new URL(LARGE_DATABASE_URL);
  serverUrl.pathname = '/postgres';
  if (rebuild) {
    if (!name.startsWith('ims_large')) throw new Error(`refusing to drop ${name}: only databases named ims_large* are rebuilt`);
    log(`dropping ${name} to build it again`);
    await withClient(serverUrl.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`));
  }
  const exists = await withClient(serverUrl.toString(), async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0);
  if (!exists) await withClient(serverUrl.toString(), (client) => client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`));
  const { applied } = await migrateUrl(LARGE_DATABASE_URL, { log: () => undefined });
  const seeded = await withClient(LARGE_DATABASE_URL, async (client) => (await client.query('SELECT count(*)::int AS n FROM organisation')).rows[0].n > 0);
  if (seeded && applied.length > 0) {
    // New migrations on a kept chain may rewrite millions of rows (a backfill); vacuum and analyse them now, as
    // autovacuum would on a live server before long, so the run measures the schema, not the backfill's dead rows.
    log(`${applied.length} new migration(s) applied to the kept chain: VACUUM ANALYZE`);
    await withClient(LARGE_DATABASE_URL, (client) => client.query('VACUUM ANALYZE'));
  }
  if (!seeded) {
    log(`building the large chain in ${name} (npm run db:seed:large; about 10-20 minutes on 2 cores; kept for later runs)`);
    const loadAtStart = os.loadavg();
    const summary = await withClient(LARGE_DATABASE_URL, (client) => seedLargeChain(client, options, (message) => log(`  seed: ${message}`)));
    writeSeedSection(summary, loadAtStart);
  }
  return LARGE_DATABASE_URL;
}

/** The "Large chain seed" section of bench/RESULTS.md: how long the build took, phase by phase, and what it made. */
export function writeSeedSection(summary, loadAtStart) {
  const { options, rows, seconds, copySeconds } = summary;
  const count = (n) => n.toLocaleString('en');
  writeResultsSection(
    'Large chain seed',
    [
      `\`npm run db:seed:large\` (prisma/src/cli/seed-large.ts → prisma/src/seed/large-chain*.ts) with ${JSON.stringify(options)}: ` +
        `**${seconds.total} s** in all, into an empty migrated database, one transaction, rows streamed with COPY while the big tables' indexes, keys, ` +
        'exclusion constraints and foreign keys were set aside and then rebuilt from their own definitions (which checks every row against them), then VACUUM ANALYZE.',
      '',
      markdownTable(['phase', 'seconds'], Object.entries(seconds).filter(([phase]) => phase !== 'total').map(([phase, value]) => [phase, value])),
      '',
      markdownTable(['table', 'rows', 'COPY seconds'], Object.entries(rows).filter(([, n]) => n > 0).map(([table, n]) => [table, count(n), copySeconds[table] ?? '< 0.1'])),
      '',
      'Slowest rebuilds (the three GiST exclusion constraints dominate; visit_site\'s COPY time is mostly its per-row trigger that refuses sites of signed notes):',
      '',
      markdownTable(['index or constraint', 'seconds'], Object.entries(summary.rebuildSeconds ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 8)),
      '',
      `Digest of every row written: \`${summary.digest}\` (same options, same digest). The database is kept for the benchmarks (BENCH_LARGE_DATABASE_URL, default ims_large_chain).`,
      '',
      `${seedMachineLine()}; load average at start ${loadAtStart.map((value) => value.toFixed(1)).join(' / ')} (other engineers' tests running at the time slow it down).`,
    ].join('\n'),
  );
}

/**
 * What the benchmarks need to know about the chain: its organisation, its clinics in the seed's order (reception.1's
 * Kitsilano first) with each one's receptionist, its "today" (the day of the last completed appointment: the seed's
 * anchor), its size, and the logins.
 */
export async function chainWorld(url = LARGE_DATABASE_URL) {
  return withClient(url, async (client) => {
    const { rows: [organisation] } = await client.query(`SELECT id FROM organisation ORDER BY created_at LIMIT 1`);
    const { rows: clinics } = await client.query(
      `SELECT c.id, c.name, c.time_zone AS "timeZone", u.email AS receptionist
         FROM clinic c JOIN user_clinic uc ON uc.clinic_id = c.id JOIN app_user u ON u.id = uc.user_id AND u.roles = '{receptionist}'
        WHERE c.organisation_id = $1 ORDER BY length(u.email), u.email`,
      [organisation.id],
    );
    const { rows: [today] } = await client.query(
      `SELECT to_char(max(starts_at AT TIME ZONE time_zone), 'YYYY-MM-DD') AS day FROM appointment WHERE status = 'completed' AND organisation_id = $1`,
      [organisation.id],
    );
    const { rows: [counts] } = await client.query(
      `SELECT (SELECT count(*) FROM appointment)::int AS appointments, (SELECT count(*) FROM patient)::int AS patients,
              (SELECT count(*) FROM clinician)::int AS clinicians, (SELECT count(*) FROM visit_note)::int AS notes`,
    );
    return { organisationId: organisation.id, clinics, today: today.day, counts, managerEmail: LARGE_CHAIN_LOGINS.manager, password: LARGE_CHAIN_PASSWORD };
  });
}

/** A child Node process with its output kept (shown if it fails to come up); `stop()` ends it. */
function startNode(label, script, env) {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.once('exit', () => child.kill('SIGKILL'));
  return {
    label,
    pid: child.pid,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * The built API (a private snapshot of apps/api/dist, production settings, its pool of 10) and the baseline server,
 * both on loopback ports against the chain; the API's resident memory is sampled every second while they run.
 */
export async function startTargets({ url = LARGE_DATABASE_URL, world, log = () => undefined }) {
  const snapshot = await snapshotApi({ log });
  // The web process only: the job worker (reminders) would otherwise queue the chain's next-day reminders at start and
  // work through them during the measurements. BENCH_JOB_WORKERS=on measures both in one process; BENCH_API_NODE_OPTIONS
  // passes Node flags (e.g. --max-old-space-size=160) to the API.
  const api = apiProcess({
    databaseUrl: url,
    port: await freePort(),
    main: snapshot.main,
    env: { JOB_WORKERS: process.env.BENCH_JOB_WORKERS || 'off', ...(process.env.BENCH_API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS } : {}) },
  });
  await api.start();
  const rss = sampleRss(() => api.pid);
  let memorySummary;
  const basePort = await freePort();
  const baseline = startNode('baseline', path.join(ROOT, 'bench/baselines/large-chain-baseline.mjs'), {
    DATABASE_URL: url,
    PORT: String(basePort),
    ORGANISATION_ID: world.organisationId,
    REPORTS_SQL_DIR: path.join(path.dirname(snapshot.main), 'reports'),
  });
  for (let waited = 0; ; waited += 1) {
    const up = await fetch(`http://127.0.0.1:${basePort}/nothing`).then(() => true, () => false);
    if (up) break;
    if (!baseline.running() || waited > 100) throw new Error(`the baseline did not come up:\n${baseline.output()}`);
    await sleep(100);
  }
  log(`API (pid ${api.pid}) on 127.0.0.1:${api.port} (JOB_WORKERS=${process.env.BENCH_JOB_WORKERS || 'off'}${process.env.BENCH_API_NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.BENCH_API_NODE_OPTIONS}` : ''}), baseline on 127.0.0.1:${basePort}`);
  return {
    api,
    apiPort: api.port,
    basePort,
    baseline,
    /** apps/api/dist/reports of the build under test (its SQL builders, for EXPLAIN). */
    reportsDir: path.join(path.dirname(snapshot.main), 'reports'),
    /** How the API was run, for the results: job workers, Node flags, another build. */
    apiSettings: `JOB_WORKERS=${process.env.BENCH_JOB_WORKERS || 'off'}${process.env.BENCH_API_NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.BENCH_API_NODE_OPTIONS}` : ''}${process.env.BENCH_API_DIST ? `, build ${process.env.BENCH_API_DIST}` : ''}`,
    signIn: (email) => signIn(`http://127.0.0.1:${api.port}`, email, world.password),
    /** Peak and last RSS of the API since it started (MiB); sampling stops at the first call. */
    memory() {
      memorySummary ??= rss.stop();
      return memorySummary;
    },
    async stop() {
      memorySummary ??= rss.stop();
      await api.stop();
      await baseline.stop();
      snapshot.remove();
    },
  };
}

/**
 * A second API from another build (BENCH_API_DIST_PROPOSED: a copy of apps/api/dist with a proposed change), to
 * measure the change beside the current build in the same run; undefined when the variable is not set.
 */
export async function startProposedApi({ url = LARGE_DATABASE_URL, world, log = () => undefined }) {
  const distDir = process.env.BENCH_API_DIST_PROPOSED;
  if (!distDir) return undefined;
  const current = process.env.BENCH_API_DIST;
  process.env.BENCH_API_DIST = distDir;
  let snapshot;
  try {
    snapshot = await snapshotApi({ log });
  } finally {
    if (current === undefined) delete process.env.BENCH_API_DIST;
    else process.env.BENCH_API_DIST = current;
  }
  const api = apiProcess({ databaseUrl: url, port: await freePort(), main: snapshot.main, env: { JOB_WORKERS: process.env.BENCH_JOB_WORKERS || 'off' } });
  await api.start();
  const rss = sampleRss(() => api.pid);
  let memorySummary;
  log(`proposed API build ${distDir} (pid ${api.pid}) on 127.0.0.1:${api.port}`);
  return {
    api,
    port: api.port,
    distDir,
    signIn: (email) => signIn(`http://127.0.0.1:${api.port}`, email, world.password),
    memory() {
      memorySummary ??= rss.stop();
      return memorySummary;
    },
    async stop() {
      memorySummary ??= rss.stop();
      await api.stop();
      snapshot.remove();
    },
  };
}

/** "2026-11-24T00:00:00-08:00": the start of a local day in a zone, with that day's offset. */
export function startOfDay(date, timeZone) {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-CA', { timeZone, timeZoneName: 'longOffset' }).formatToParts(noon).find((part) => part.type === 'timeZoneName').value;
  return `${date}T00:00:00${name === 'GMT' ? '+00:00' : name.slice(3)}`;
}

export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const isoWeekday = (date) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

function seedMachineLine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; the seed (generating rows in Node) and PostgreSQL share these ${cpus.length} cores`;
}
