/**
 * Browser journeys against the BUILT app (apps/api/dist + apps/web/dist), as a user runs it:
 * `node apps/api/dist/main.js` in demo mode (embedded PGlite, no DATABASE_URL) on a free port with
 * a fresh temporary data folder, so a run never touches a developer's .data/ or database.
 *
 * Browser: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download
 * (`npx playwright install chromium`). Nothing is downloaded here.
 *
 * Env knobs: E2E_PORT (fixed port instead of a free one), E2E_KEEP_DATA=1 (keep the temp data dir),
 * LOG_LEVEL (the app's, default warn).
 *
 * This file is evaluated by the runner and again by every worker: the port and the data dir are
 * chosen once and handed to the workers through process.env, so all agree.
 */
import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ARTIFACTS_DIR = path.join(__dirname, 'artifacts');
const API_MAIN = path.resolve(__dirname, '..', 'api', 'dist', 'main.js');

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chromium to drive; undefined lets Playwright use its own downloaded browser. */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv; // explicit choice: let launch fail loudly if it is wrong
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/** Asks the OS for a free TCP port on the loopback interface (synchronously, config files cannot await). */
function freePort(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
  const port = Number(out.trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port (got "${out}")`);
  return port;
}

process.env.E2E_PORT ||= String(freePort());
process.env.E2E_DATA_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'ims-e2e-'));
const PORT = Number(process.env.E2E_PORT);
const DATA_DIR = process.env.E2E_DATA_DIR;
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Demo mode: the app must not see a DATABASE_URL from the developer's shell. The web server's env
// is process.env merged with `env` below, so remove it here.
delete process.env.DATABASE_URL;

const executablePath = chromiumPath();

export default defineConfig({
  testDir: './tests',
  outputDir: path.join(ARTIFACTS_DIR, 'test-results'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { outputFolder: path.join(ARTIFACTS_DIR, 'html-report'), open: 'never' }]],
  globalTeardown: './global-teardown.ts',
  use: {
    baseURL: BASE_URL,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    video: 'off',
    locale: 'en-CA',
    timezoneId: 'America/Vancouver',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `"${process.execPath}" "${API_MAIN}"`,
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    },
  },
});
