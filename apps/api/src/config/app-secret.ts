import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type AppConfig } from './app-config';

export const APP_SECRET_FILE = 'app-secret';

export interface ResolvedAppSecret {
  appSecret: string;
  /** Where it came from, for the boot log. */
  source: 'env' | 'generated' | 'file';
  file?: string;
}

/**
 * The key material for secrets at rest (two-factor keys). With DATABASE_URL it must come from APP_SECRET: a key
 * that lived only in one container would make every enrolled authenticator useless after a redeploy. In demo mode
 * one is generated on first start and kept in `${DATA_DIR}/app-secret` (0600) next to the embedded database, so
 * restarts keep working.
 */
export function resolveAppSecret(config: AppConfig): ResolvedAppSecret {
  if (config.APP_SECRET) return { appSecret: config.APP_SECRET, source: 'env' };
  if (!config.demo) {
    throw new ConfigError(
      'Invalid configuration:\n  APP_SECRET: required when DATABASE_URL is set (32+ random characters, e.g. `openssl rand -base64 48`); ' +
        'it encrypts two-factor secrets at rest, so keep it stable across restarts and replicas',
    );
  }
  const file = path.resolve(config.DATA_DIR, APP_SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length < 32) throw new ConfigError(`Invalid configuration:\n  APP_SECRET: ${file} holds fewer than 32 characters; delete it to generate a new one`);
    return { appSecret: stored, source: 'file', file };
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const generated = randomBytes(48).toString('base64url');
  // 'wx': never overwrite a secret another process wrote in between.
  writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { appSecret: generated, source: 'generated', file };
}

/** The config with APP_SECRET filled in (see resolveAppSecret); what main.ts hands to the app. */
export function withAppSecret(config: AppConfig): { config: AppConfig; resolved: ResolvedAppSecret } {
  const resolved = resolveAppSecret(config);
  return { config: { ...config, APP_SECRET: resolved.appSecret }, resolved };
}

/** APP_SECRET for a component that needs it; a clear error when boot skipped resolving it. */
export function requireAppSecret(config: AppConfig): string {
  if (!config.APP_SECRET) throw new ConfigError('Invalid configuration:\n  APP_SECRET: not set (required to encrypt two-factor secrets)');
  return config.APP_SECRET;
}
