import { SecretBox, SecretBoxError } from './secret-box';

const SECRET = 'a-test-app-secret-that-is-long-enough-0123456789';

describe('SecretBox', () => {
  const box = new SecretBox(SECRET, 'totp');

  it('opens what it sealed, with the same context', () => {
    const sealed = box.seal('{"secret":"JBSWY3DPEHPK3PXP"}', 'user-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'user-1')).toBe('{"secret":"JBSWY3DPEHPK3PXP"}');
  });

  it('uses a fresh IV each time, so equal secrets do not look equal at rest', () => {
    expect(box.seal('same', 'u')).not.toBe(box.seal('same', 'u'));
  });

  it('refuses a tampered ciphertext, IV or tag', () => {
    const sealed = box.seal('secret value', 'user-1');
    const parts = sealed.split('.');
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index], 'base64url');
      bytes[0] ^= 0x01;
      const tampered = parts.map((part, i) => (i === index ? bytes.toString('base64url') : part)).join('.');
      expect(() => box.open(tampered, 'user-1')).toThrow(SecretBoxError);
    }
  });

  it('refuses another context (a value copied to another user) and another key or purpose', () => {
    const sealed = box.seal('secret value', 'user-1');
    expect(() => box.open(sealed, 'user-2')).toThrow(SecretBoxError);
    expect(() => new SecretBox(`${SECRET}-other`, 'totp').open(sealed, 'user-1')).toThrow(SecretBoxError);
    expect(() => new SecretBox(SECRET, 'other-purpose').open(sealed, 'user-1')).toThrow(SecretBoxError);
  });

  it('refuses values that are not sealed ones', () => {
    expect(() => box.open('JBSWY3DPEHPK3PXP')).toThrow(SecretBoxError);
    expect(() => box.open('v2.a.b.c')).toThrow(SecretBoxError);
    expect(() => box.open('v1.AAAA.AAAA.AAAA')).toThrow(SecretBoxError);
  });
});
