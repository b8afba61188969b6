import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { resolveAppSecret } from './app-secret';

describe('resolveAppSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ims-app-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('takes APP_SECRET from the environment when set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://x@localhost/db', APP_SECRET: 'x'.repeat(40), DATA_DIR: dataDir });
    expect(resolveAppSecret(config)).toEqual({ appSecret: 'x'.repeat(40), source: 'env' });
  });

  it('stops boot with a message naming APP_SECRET when DATABASE_URL is set without it', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://x@localhost/db', DATA_DIR: dataDir });
    expect(() => resolveAppSecret(config)).toThrow(ConfigError);
    expect(() => resolveAppSecret(config)).toThrow(/APP_SECRET: required when DATABASE_URL is set/);
  });

  it('in demo mode generates one on first start, keeps it 0600 in DATA_DIR, and reuses it', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = resolveAppSecret(config);
    expect(first.source).toBe('generated');
    expect(first.appSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'app-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.appSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = resolveAppSecret(config);
    expect(second).toMatchObject({ appSecret: first.appSecret, source: 'file' });
  });
});
