import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Codes from one step before or after are accepted too: phones and servers drift. */
const WINDOW_STEPS = 1;
export const TOTP_ISSUER = 'IMS Clinic';

function totpFor(secretBase32: string, accountName = ''): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: accountName, algorithm: ALGORITHM, digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new random shared secret (160 bits, the size RFC 4226 recommends), base32 as apps want it typed. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountName: string): string {
  return totpFor(secretBase32, accountName).toString();
}

/** The time step a moment falls in. */
export function totpStep(timestampMs: number): number {
  return Math.floor(timestampMs / 1000 / PERIOD_SECONDS);
}

/** The code an app shows at that moment (tests and diagnostics). */
export function totpCodeAt(secretBase32: string, timestampMs: number): string {
  return totpFor(secretBase32).generate({ timestamp: timestampMs });
}

/**
 * The time step a code belongs to when it is valid now (±1 step) and newer than `lastStep`, else undefined. Refusing
 * steps at or before the last accepted one makes each code single-use: a code seen over a shoulder or replayed from a
 * log cannot be entered again.
 */
export function matchTotp(secretBase32: string, code: string, options: { now?: number; lastStep?: number | null } = {}): number | undefined {
  const now = options.now ?? Date.now();
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: WINDOW_STEPS });
  if (delta === null) return undefined;
  const step = totpStep(now) + delta;
  if (options.lastStep !== undefined && options.lastStep !== null && step <= options.lastStep) return undefined;
  return step;
}
