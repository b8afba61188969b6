import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './api-process.mjs';

// A PostgreSQL cluster of the bench's own (initdb into a temp dir, a spare port, its socket in the same dir), so a
// fault script may stop and restart a server without touching the shared one on 5432 that other tests use.
// PostgreSQL refuses to run as root: as root, the cluster is owned by and run as the `postgres` user.

const run = promisify(execFile);
const BIN = process.env.PG_BIN_DIR || '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

function asOwner(binary, args) {
  const file = path.join(BIN, binary);
  return isRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
}

/** initdb + start; `stop({ mode })`, `start()` and `destroy()` (stop and remove the directory). */
export async function startThrowawayCluster({ log = () => undefined } = {}) {
  if (!existsSync(path.join(BIN, 'initdb'))) throw new Error(`no initdb in ${BIN} (set PG_BIN_DIR to PostgreSQL's bin directory)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ims-bench-pg-'));
  if (isRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  await asOwner('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-instructions']);
  // Small and quiet: the bench shares 2 cores with the shared server. fsync stays on: durability is under test.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=64MB -c max_connections=60 -c logging_collector=off`;
  const cluster = {
    port,
    dir,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    running: false,
    async start() {
      await asOwner('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
      cluster.running = true;
    },
    /** `immediate` is a crash as far as the data is concerned: no checkpoint, recovery from the WAL at the next start. */
    async stop({ mode = 'fast' } = {}) {
      await asOwner('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
      cluster.running = false;
    },
    serverLog: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : ''),
    async destroy() {
      if (cluster.running) await cluster.stop({ mode: 'immediate' }).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // Whatever ends the bench (a crash included), the cluster it started does not outlive it.
  process.once('exit', () => {
    if (cluster.running) {
      const stop = [path.join(BIN, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop'];
      if (isRoot) spawnSync('runuser', ['-u', 'postgres', '--', ...stop]);
      else spawnSync(stop[0], stop.slice(1));
    }
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    await cluster.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  log(`throwaway PostgreSQL cluster on 127.0.0.1:${port} in ${dir}`);
  return cluster;
}
