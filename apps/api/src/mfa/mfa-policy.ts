import { RoleName, type MfaStatus } from '@ims/contracts';

export { mfaRequiredRoles } from '../config/mfa-required-roles';

export interface MfaFacts {
  /** Two-factor is switched on for the user (a confirmed TOTP secret). */
  totpEnabled: boolean;
  roles: readonly RoleName[];
  /** The session already passed the second factor. */
  mfaPassed: boolean;
}

/**
 * Where a session stands: a user with two-factor on must verify once per session; a user whose role requires it and
 * who has none must enrol (whatever the session says: a role granted later takes effect at once); anyone else passes.
 */
export function mfaStatusFor(facts: MfaFacts, requiredRoles: readonly RoleName[]): MfaStatus {
  if (facts.totpEnabled) return facts.mfaPassed ? 'passed' : 'verify';
  if (roleRequiresMfa(facts.roles, requiredRoles)) return 'enrol';
  return 'passed';
}

export function roleRequiresMfa(roles: readonly RoleName[], requiredRoles: readonly RoleName[]): boolean {
  return roles.some((role) => requiredRoles.includes(role));
}
