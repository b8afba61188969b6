import { createHash, randomBytes } from 'node:crypto';

/** A feed URL's secret: 32 random bytes (256 bits), base64url so it sits in a query string unescaped. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashFeedToken(token) };
}

/** Only this hash is stored: a database read cannot be turned back into a working feed URL. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
