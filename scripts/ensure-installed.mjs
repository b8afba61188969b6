#!/usr/bin/env node
// Makes sure the workspace's dependencies are installed and match package-lock.json.
// Plain Node, no dependencies: it runs before anything is installed.
//
//   node scripts/ensure-installed.mjs          install when needed, else a fast no-op
//   ENSURE_INSTALLED_FORCE=1 node scripts/...  always reinstall
//
// node_modules/.package-lock.json is npm's own record of what it installed. It is compared with
// package-lock.json: first by modification time (the fast path), then, when the lockfile is newer
// (a git checkout, a pull, an edit), by contents, so a freshly checked out but identical lockfile
// does not cause a reinstall.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = join(root, 'package-lock.json');
const nodeModules = join(root, 'node_modules');
const hiddenLockPath = join(nodeModules, '.package-lock.json');

function log(msg) {
  process.stderr.write(`[ensure-installed] ${msg}\n`);
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/** Returns null when the installed tree matches the lockfile, else a reason. */
function staleReason() {
  if (process.env.ENSURE_INSTALLED_FORCE === '1') return 'ENSURE_INSTALLED_FORCE=1';
  if (!existsSync(nodeModules)) return 'node_modules is missing';
  if (!existsSync(lockPath)) return null; // no lockfile: an existing node_modules is taken as is
  if (!existsSync(hiddenLockPath)) return 'node_modules/.package-lock.json is missing (incomplete install?)';

  if (statSync(hiddenLockPath).mtimeMs >= statSync(lockPath).mtimeMs) return null;

  let wanted;
  let installed;
  try {
    wanted = readJson(lockPath).packages ?? {};
    installed = readJson(hiddenLockPath).packages ?? {};
  } catch (err) {
    return `cannot read a lockfile (${err.message})`;
  }
  for (const [key, want] of Object.entries(wanted)) {
    if (key === '') continue; // the root package itself
    const have = installed[key];
    if (!have) {
      // Optional packages for other platforms (esbuild, turbo, swc builds) are never installed.
      if (want.optional || want.devOptional) continue;
      return `${key} is not installed`;
    }
    if (want.version !== have.version) return `${key}: installed ${have.version}, lockfile wants ${want.version}`;
    if ((want.resolved ?? null) !== (have.resolved ?? null)) return `${key}: resolved differs`;
    if (Boolean(want.link) !== Boolean(have.link)) return `${key}: link differs`;
    if (!key.includes('node_modules/')) {
      // A workspace folder: its declared dependencies must match what was installed for it.
      for (const field of DEP_FIELDS) {
        if (JSON.stringify(want[field] ?? {}) !== JSON.stringify(have[field] ?? {})) {
          return `${key}: ${field} changed`;
        }
      }
    }
  }
  return null;
}

const t0 = Date.now();
const reason = staleReason();
if (reason === null) process.exit(0);

const hasLock = existsSync(lockPath);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
log(`${reason}: running npm ${args.join(' ')}`);
const result = spawnSync(npm, args, {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  shell: process.platform === 'win32',
});
if (result.error) {
  log(`could not run npm: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  log(`npm ${args[0]} failed (exit ${result.status ?? result.signal})`);
  process.exit(result.status || 1);
}
log(`dependencies installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
