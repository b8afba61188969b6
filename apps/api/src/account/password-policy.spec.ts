import { InvalidInputError } from '../common/problem/domain-errors';
import { assertPasswordAllowed, passwordRefusal } from './password-policy';

describe('passwordRefusal', () => {
  it('accepts a long passphrase', () => {
    expect(passwordRefusal('violet kettle under the stairs', { email: 'ana@clinic.test' })).toBeUndefined();
  });

  it('refuses passwords shorter than 12 or longer than 256 characters', () => {
    expect(passwordRefusal('short-pass1')).toBe('must be at least 12 characters');
    expect(passwordRefusal('x'.repeat(200) + 'y'.repeat(57))).toBe('must be at most 256 characters');
  });

  it('refuses a common password of 12+ characters, whatever its case', () => {
    expect(passwordRefusal('qwerty123456')).toMatch(/most common passwords/);
    expect(passwordRefusal('QwErTy123456')).toMatch(/most common passwords/);
  });

  it('refuses a common password padded with digits or symbols', () => {
    expect(passwordRefusal('Sunshine2026!')).toMatch(/common password with a few characters added/);
    expect(passwordRefusal('!!!monkey1234')).toMatch(/common password with a few characters added/);
  });

  it('refuses repetitive passwords', () => {
    expect(passwordRefusal('aaaaaaaaaaaaaaaa')).toMatch(/too few different characters/);
    expect(passwordRefusal('abcabcabcabcabc')).toMatch(/too few different characters/);
  });

  it("refuses a password containing the email's local part", () => {
    expect(passwordRefusal('my name is Jordan.Lee ok', { email: 'jordan.lee@clinic.test' })).toMatch(/email/);
    // Two-letter local parts are too short to judge by.
    expect(passwordRefusal('violet kettle jo stairs', { email: 'jo@clinic.test' })).toBeUndefined();
  });
});

describe('assertPasswordAllowed', () => {
  it('throws an InvalidInputError naming the field', () => {
    expect.assertions(2);
    try {
      assertPasswordAllowed('password1234', { path: 'newPassword' });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors).toEqual([{ path: 'newPassword', message: expect.stringMatching(/common/) }]);
    }
  });
});
