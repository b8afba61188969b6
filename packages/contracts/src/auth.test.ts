import { describe, expect, it } from 'vitest';
import { LoginRequest } from './auth';

describe('LoginRequest', () => {
  it('trims and lower-cases the email before checking it', () => {
    expect(LoginRequest.parse({ email: '  Physio@Demo.Clinic ', password: 'x' }).email).toBe('physio@demo.clinic');
  });

  it('refuses a malformed email and an empty password, naming each field', () => {
    const result = LoginRequest.safeParse({ email: 'not-an-email', password: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['email', 'password']);
  });
});
