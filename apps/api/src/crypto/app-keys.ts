import { hkdfSync } from 'node:crypto';

/**
 * Derives a 32-byte key for one purpose from APP_SECRET (HKDF-SHA256). Each purpose gets an unrelated key, so the
 * key that encrypts two-factor secrets is never the one that hashes recovery codes.
 */
export function deriveKey(appSecret: string, purpose: string): Buffer {
  if (!appSecret) throw new Error('APP_SECRET is empty: cannot derive keys');
  return Buffer.from(hkdfSync('sha256', appSecret, 'ims-clinic/app-keys/v1', purpose, 32));
}
