import { RoleName, type MfaStatus } from '@ims/contracts';
import { ConfigError, type AppConfig } from '../config/app-config';

const DEFAULT_REQUIRED_ROLES: RoleName[] = ['admin', 'manager'];

/**
 * Roles that must sign in with a second factor: MFA_REQUIRED_ROLES (comma-separated, '' for none), by default admin
 * and manager — except in demo mode, where the shared demo logins would otherwise lock each other out.
 */
export function mfaRequiredRoles(config: Pick<AppConfig, 'MFA_REQUIRED_ROLES' | 'demo'>): RoleName[] {
  const raw = config.MFA_REQUIRED_ROLES;
  if (raw === undefined) return config.demo ? [] : DEFAULT_REQUIRED_ROLES;
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !RoleName.safeParse(name).success);
  if (unknown.length) {
    throw new ConfigError(`Invalid configuration:\n  MFA_REQUIRED_ROLES: unknown role(s) ${unknown.join(', ')} (known: ${RoleName.options.join(', ')})`);
  }
  return [...new Set(names as RoleName[])];
}

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
