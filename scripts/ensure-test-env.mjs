#!/usr/bin/env node
// Checks what the test suites need from outside node_modules, before turbo starts them:
//   1. a PostgreSQL server at TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
//      used only to create and drop each run's own databases;
//   2. a Chromium for the Playwright journeys (PLAYWRIGHT_CHROMIUM_PATH, else /usr/bin/chromium, else
//      a browser Playwright downloaded itself).
// Exits 1 with instructions when one is missing. Runs after scripts/ensure-installed.mjs, so `pg` is there.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const TIMEOUT_MS = 5000;

function info(msg) {
  process.stdout.write(`[ensure-test-env] ${msg}\n`);
}
function fail(lines) {
  process.stderr.write(`\n[ensure-test-env] ${lines.join('\n  ')}\n\n`);
}

/** Resolves a package from the root, falling back to the workspaces that depend on it. */
function requireFrom(name, ...dirs) {
  for (const dir of [root, ...dirs]) {
    try {
      return createRequire(join(dir, 'package.json'))(name);
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') throw err;
    }
  }
  return null;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparsable URL>';
  }
}

async function checkPostgres() {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const how = [
    'Start one of these, then run the tests again:',
    '  - with Docker:   docker compose up -d db',
    '                   export TEST_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres',
    '  - or a local PostgreSQL 15 (Debian/Ubuntu: apt-get install -y postgresql-15, then',
    '    pg_ctlcluster 15 main start) reachable as a superuser, and set TEST_DATABASE_URL to it.',
    'The tests only create and drop their own databases there; they never touch the app\'s DATABASE_URL.',
  ];
  const pg = requireFrom('pg', join(root, 'prisma'), join(root, 'apps', 'e2e'));
  if (!pg) {
    fail(['The `pg` package is not installed; run `npm ci` first.']);
    return false;
  }
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  client.on('error', () => {}); // a server dying after connect is reported by the query below
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    info(`PostgreSQL ${rows[0].server_version} answers at ${redact(url)}`);
    return true;
  } catch (err) {
    fail([
      `PostgreSQL does not answer at ${redact(url)} within ${TIMEOUT_MS / 1000} s: ${err.message || err.code || err}`,
      ...how,
    ]);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function checkChromium() {
  const how = [
    'Install one, then run the tests again:',
    '  - Debian/Ubuntu: apt-get install -y chromium   (binary /usr/bin/chromium, used automatically)',
    '  - or Playwright\'s own build: npx playwright install chromium',
    '  - or point PLAYWRIGHT_CHROMIUM_PATH at an existing Chromium/Chrome binary.',
  ];
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  let path = null;
  let source = '';
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      fail([`PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} is not an executable file.`, ...how]);
      return false;
    }
    path = fromEnv;
    source = 'PLAYWRIGHT_CHROMIUM_PATH';
  } else if (isExecutable('/usr/bin/chromium')) {
    path = '/usr/bin/chromium';
    source = 'system';
  } else {
    const pw = requireFrom('playwright-core', join(root, 'apps', 'e2e'));
    try {
      const own = pw?.chromium.executablePath();
      if (own && existsSync(own)) {
        path = own;
        source = 'Playwright download';
      }
    } catch {
      // executablePath() throws on platforms Playwright has no build for
    }
  }
  if (!path) {
    fail(['No Chromium found for the browser tests (PLAYWRIGHT_CHROMIUM_PATH, /usr/bin/chromium, Playwright\'s cache).', ...how]);
    return false;
  }
  let version = '';
  try {
    version = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 15000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (err) {
    fail([`Chromium at ${path} does not start: ${(err.stderr || err.message || '').toString().trim().split('\n')[0]}`, ...how]);
    return false;
  }
  info(`Chromium (${source}): ${path} — ${version}`);
  return true;
}

const pgOk = await checkPostgres();
const chromiumOk = checkChromium();
process.exit(pgOk && chromiumOk ? 0 : 1);
