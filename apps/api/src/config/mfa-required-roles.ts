import { RoleName } from '@ims/contracts';
import { ConfigError } from './config-error';

const DEFAULT_REQUIRED_ROLES: RoleName[] = ['admin', 'manager'];

/**
 * Roles that must sign in with a second factor: MFA_REQUIRED_ROLES (comma-separated, '' for none), by default admin
 * and manager — except in demo mode, where the shared demo logins would otherwise lock each other out. Read once by
 * loadConfig, so an unknown role stops the boot and requests never parse the setting again.
 */
export function mfaRequiredRoles(config: { MFA_REQUIRED_ROLES?: string; demo: boolean }): RoleName[] {
  const raw = config.MFA_REQUIRED_ROLES;
  if (raw === undefined) return config.demo ? [] : DEFAULT_REQUIRED_ROLES;
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !RoleName.safeParse(name).success);
  if (unknown.length) {
    throw new ConfigError(`Invalid configuration:\n  MFA_REQUIRED_ROLES: unknown role(s) ${unknown.join(', ')} (known: ${RoleName.options.join(', ')})`);
  }
  return [...new Set(names as RoleName[])];
}
