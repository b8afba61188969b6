import { RecoveryCode } from '@ims/contracts';
import { generateRecoveryCode, generateRecoveryCodes, normaliseRecoveryCode, RecoveryCodeHasher } from './recovery-codes';

describe('recovery codes', () => {
  it('look like xxxxx-xxxxx without look-alike characters, and pass the contract', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateRecoveryCode();
      expect(code).toMatch(/^[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}$/);
      expect(RecoveryCode.parse(code)).toBe(code);
    }
  });

  it('come ten at a time, all different, and differ between sets', () => {
    const first = generateRecoveryCodes();
    const second = generateRecoveryCodes();
    expect(first).toHaveLength(10);
    expect(new Set(first).size).toBe(10);
    expect(first.filter((code) => second.includes(code))).toEqual([]);
  });

  it('hash the same whatever the case, spacing or dash, and differently under another APP_SECRET', () => {
    const hasher = new RecoveryCodeHasher('s'.repeat(40));
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(hasher.hash('abcde-fghjk')).toBe(hasher.hash('ABCDEFGHJK'));
    expect(hasher.hash('abcde-fghjk')).toMatch(/^[0-9a-f]{64}$/);
    expect(hasher.hash('abcde-fghjk')).not.toBe(hasher.hash('abcde-fghjm'));
    expect(new RecoveryCodeHasher('t'.repeat(40)).hash('abcde-fghjk')).not.toBe(hasher.hash('abcde-fghjk'));
  });
});
