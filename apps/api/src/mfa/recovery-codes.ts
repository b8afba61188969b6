import { createHmac, randomInt } from 'node:crypto';
import { deriveKey } from '../crypto/app-keys';

/** Letters and digits that cannot be mistaken for each other when read off paper (no i, l, o, 0, 1). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const HALF = 5;
export const RECOVERY_CODE_COUNT = 10;

/** One code, `xxxxx-xxxxx`, each character drawn uniformly from a CSPRNG (about 49 bits). */
export function generateRecoveryCode(): string {
  const chars = Array.from({ length: HALF * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, HALF).join('')}-${chars.slice(HALF).join('')}`;
}

/** A fresh set of distinct codes, shown to the user once. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/** What is hashed: case, spaces and the dash do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Hashes recovery codes with HMAC-SHA256 under a key derived from APP_SECRET. The codes are random, so no slow hash
 * is needed against guessing; the key means a copy of the database alone is not enough to test guesses offline. The
 * hash is deterministic so a code is found (and spent) with one atomic UPDATE.
 */
export class RecoveryCodeHasher {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = deriveKey(appSecret, 'recovery-codes');
  }

  hash(code: string): string {
    return createHmac('sha256', this.key).update(normaliseRecoveryCode(code)).digest('hex');
  }
}
