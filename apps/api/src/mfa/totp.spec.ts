import { generateTotpSecret, matchTotp, totpCodeAt, totpStep, totpUri } from './totp';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in base32; 8-digit vectors, whose last 6 digits are
// the 6-digit codes.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors (6 digits)', () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCodeAt(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
  });

  it('accepts the codes of one step before and after, not two', () => {
    const now = 1_700_000_015_000;
    for (const offset of [-1, 0, 1]) {
      expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now + offset * 30_000), { now })).toBe(totpStep(now) + offset);
    }
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now - 60_000), { now })).toBeUndefined();
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now + 60_000), { now })).toBeUndefined();
  });

  it('refuses a code of a step at or before the last accepted one', () => {
    const now = 1_700_000_015_000;
    const code = totpCodeAt(RFC_SECRET, now);
    const step = matchTotp(RFC_SECRET, code, { now })!;
    expect(matchTotp(RFC_SECRET, code, { now, lastStep: step })).toBeUndefined();
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now - 30_000), { now, lastStep: step })).toBeUndefined();
    expect(matchTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now + 30_000), { now, lastStep: step })).toBe(step + 1);
  });

  it('makes 160-bit base32 secrets and an otpauth URI apps read', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'ann@clinic.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('ann@clinic.test');
  });
});
