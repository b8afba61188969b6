import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, symlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The built API as a child process of a bench script: started on a loopback port against the bench's own database,
// killed (politely or with SIGKILL) and restarted on the same port, its resident memory sampled from /proc.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function assertBuilt() {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the API first (npx turbo run build --filter=@ims/api...)`);
}

function newestChangeMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * A private copy of apps/api/dist for the run, so a rebuild in the shared checkout (another engineer's `npm run
 * build`) cannot swap or break the API under test, not even when a fault script restarts it mid-run. It sits at the
 * same depth under a temp root whose node_modules link to the repository's, so packages resolve as they do from
 * apps/api/dist. Waits for a build in progress to go quiet first. `remove()` deletes it.
 */
export async function snapshotApi({ log = () => undefined } = {}) {
  // BENCH_API_DIST: another build of the API (a copy of apps/api/dist with a proposed change) to measure it first.
  const distDir = process.env.BENCH_API_DIST ? path.resolve(process.env.BENCH_API_DIST) : path.dirname(API_MAIN);
  if (!existsSync(path.join(distDir, 'main.js'))) throw new Error(`${distDir}/main.js is missing: build the API first (npx turbo run build --filter=@ims/api...)`);
  if (process.env.BENCH_API_DIST) log(`running the API build in ${distDir} (BENCH_API_DIST)`);
  for (let waited = 0; Date.now() - newestChangeMs(distDir) < 5_000 || !existsSync(path.join(distDir, 'main.js')); waited += 1) {
    if (waited === 0) log('apps/api/dist is being rebuilt: waiting for it to settle');
    if (waited > 120) throw new Error('apps/api/dist kept changing for two minutes');
    await sleep(1_000);
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'ims-bench-api-'));
  mkdirSync(path.join(root, 'apps/api'), { recursive: true });
  cpSync(distDir, path.join(root, 'apps/api/dist'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  if (existsSync(path.join(ROOT, 'apps/api/node_modules'))) symlinkSync(path.join(ROOT, 'apps/api/node_modules'), path.join(root, 'apps/api/node_modules'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  process.once('exit', remove);
  return { main: path.join(root, 'apps/api/dist/main.js'), remove };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts `node <main>` (a snapshot from snapshotApi, else apps/api/dist/main.js) in production mode on
 * 127.0.0.1:`port` and waits for GET /api/health to answer 200. `env` adds to or overrides the defaults (e.g.
 * DB_STATEMENT_TIMEOUT_MS). The APP_SECRET is generated once per handle so a restart keeps it. Everything else is the
 * production default (pool of 10, job workers on).
 */
export function apiProcess({ databaseUrl, port, main = API_MAIN, env = {} }) {
  const appSecret = randomBytes(32).toString('hex');
  let child;
  let output = '';
  // Across restarts, without pino's one-line-per-failed-request noise: what the API logged about its errors.
  let history = '';
  let exited;

  const handle = {
    port,
    get pid() {
      return child?.pid;
    },
    /** What the current (or last) process printed, the last 200 kB of it. */
    output: () => output,
    /** Everything every process of this handle printed, less the per-request "request errored" lines. */
    history: () => history,
    isRunning: () => Boolean(child) && child.exitCode === null && child.signalCode === null,
    async start({ waitMs = 90_000 } = {}) {
      output = '';
      child = spawn(process.execPath, [main], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          MIGRATION_DATABASE_URL: '',
          APP_SECRET: appSecret,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          MFA_REQUIRED_ROLES: '',
          // The memory settings of the Dockerfile's runtime image (see there): production as it is shipped.
          MALLOC_MMAP_THRESHOLD_: '131072',
          MALLOC_ARENA_MAX: '2',
          NODE_OPTIONS: '--max-old-space-size=192 --max-semi-space-size=4',
          // From a snapshot the repository root is elsewhere: point at the real web build (served, not measured).
          WEB_DIST_DIR: path.join(ROOT, 'apps/web/dist'),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Whatever ends the bench (a crash included), the API it started does not outlive it.
      const current = child;
      process.once('exit', () => current.kill('SIGKILL'));
      const keeper = () => {
        let partial = '';
        return (chunk) => {
          output = (output + chunk).slice(-200_000);
          const lines = (partial + chunk).split('\n');
          partial = lines.pop();
          const kept = lines.filter((line) => !line.includes('"msg":"request errored"'));
          if (kept.length > 0) history = `${history}${kept.join('\n')}\n`.slice(-500_000);
        };
      };
      child.stdout.on('data', keeper());
      child.stderr.on('data', keeper());
      exited = new Promise((resolve) => child.once('exit', resolve));
      const deadline = Date.now() + waitMs;
      while (Date.now() < deadline) {
        if (!handle.isRunning()) break;
        const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
        if (ok) return handle;
        await sleep(200);
      }
      throw new Error(`the API did not come up on port ${port}:\n${output}`);
    },
    /** SIGKILL: no graceful shutdown, no pool close, requests in flight cut off. */
    async kill9() {
      if (!handle.isRunning()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!handle.isRunning()) return;
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(8_000)]);
      if (handle.isRunning()) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  return handle;
}

/** Resident memory of a process in MiB (VmRSS from /proc/<pid>/status), or undefined once it has gone. */
export function rssMiB(pid) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples the RSS of `getPid()` every second until `stop()`; returns { maxMiB, lastMiB, samples }. */
export function sampleRss(getPid) {
  const samples = [];
  const timer = setInterval(() => {
    const mib = rssMiB(getPid());
    if (mib !== undefined) samples.push(mib);
  }, 1_000);
  return {
    stop() {
      clearInterval(timer);
      return { maxMiB: Math.max(...samples), firstMiB: samples[0], lastMiB: samples.at(-1), samples: samples.length };
    },
  };
}
