import { ConfigError } from '../config/app-config';
import { mfaRequiredRoles, mfaStatusFor } from './mfa-policy';

describe('mfaRequiredRoles', () => {
  it('defaults to admin and manager with a real database, and to none in demo mode', () => {
    expect(mfaRequiredRoles({ MFA_REQUIRED_ROLES: undefined, demo: false })).toEqual(['admin', 'manager']);
    expect(mfaRequiredRoles({ MFA_REQUIRED_ROLES: undefined, demo: true })).toEqual([]);
  });

  it('reads a comma-separated list; empty turns enforcement off', () => {
    expect(mfaRequiredRoles({ MFA_REQUIRED_ROLES: ' physiotherapist , admin,admin', demo: false })).toEqual(['physiotherapist', 'admin']);
    expect(mfaRequiredRoles({ MFA_REQUIRED_ROLES: '', demo: false })).toEqual([]);
    expect(mfaRequiredRoles({ MFA_REQUIRED_ROLES: 'manager', demo: true })).toEqual(['manager']);
  });

  it('stops boot naming MFA_REQUIRED_ROLES and the unknown role', () => {
    expect(() => mfaRequiredRoles({ MFA_REQUIRED_ROLES: 'admin,superuser', demo: false })).toThrow(ConfigError);
    expect(() => mfaRequiredRoles({ MFA_REQUIRED_ROLES: 'admin,superuser', demo: false })).toThrow(/MFA_REQUIRED_ROLES: unknown role\(s\) superuser/);
  });
});

describe('mfaStatusFor', () => {
  const required = ['admin', 'manager'] as const;

  it('asks for a code once per session when two-factor is on, whatever the role', () => {
    expect(mfaStatusFor({ totpEnabled: true, roles: ['physiotherapist'], mfaPassed: false }, required)).toBe('verify');
    expect(mfaStatusFor({ totpEnabled: true, roles: ['manager'], mfaPassed: false }, required)).toBe('verify');
    expect(mfaStatusFor({ totpEnabled: true, roles: ['manager'], mfaPassed: true }, required)).toBe('passed');
  });

  it('sends a required role without two-factor to enrol, even on a session that had passed before the role was granted', () => {
    expect(mfaStatusFor({ totpEnabled: false, roles: ['receptionist', 'manager'], mfaPassed: false }, required)).toBe('enrol');
    expect(mfaStatusFor({ totpEnabled: false, roles: ['admin'], mfaPassed: true }, required)).toBe('enrol');
  });

  it('lets other roles without two-factor pass', () => {
    expect(mfaStatusFor({ totpEnabled: false, roles: ['physiotherapist'], mfaPassed: false }, required)).toBe('passed');
    expect(mfaStatusFor({ totpEnabled: false, roles: ['admin'], mfaPassed: false }, [])).toBe('passed');
  });
});
