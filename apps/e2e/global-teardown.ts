import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Removes the run's temporary data dir (set by playwright.config.ts) unless E2E_KEEP_DATA=1. */
export default function globalTeardown(): void {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir || process.env.E2E_KEEP_DATA === '1') return;
  // Only ever delete what the config created: a folder in the OS temp dir.
  if (path.dirname(path.resolve(dir)) !== path.resolve(os.tmpdir()) || !path.basename(dir).startsWith('ims-e2e-')) return;
  rmSync(dir, { recursive: true, force: true });
}
