import { z } from 'zod';
import { Id } from './common';

export const RoleName = z.enum(['receptionist', 'physiotherapist', 'manager', 'admin']);
export type RoleName = z.infer<typeof RoleName>;

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.input<typeof LoginRequest>;

export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  roles: z.array(RoleName),
  clinicIds: z.array(Id),
  organisationId: Id,
  /** Whether the user has two-factor sign-in set up (the account page offers set-up or turning it off). */
  mfaEnabled: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/**
 * Where the session stands on two-factor sign-in: `passed` (full access), `verify` (enter a code before anything
 * else) or `enrol` (the role requires two-factor and the user has none yet: set it up before anything else).
 */
export const MfaStatus = z.enum(['passed', 'verify', 'enrol']);
export type MfaStatus = z.infer<typeof MfaStatus>;

/** Body of `POST /api/auth/login` and `GET /api/auth/me`. */
export const LoginResponse = z.object({ user: SessionUser, csrfToken: z.string(), mfa: MfaStatus });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** Public facts the login page may show (the demo logins only in demo mode). */
export const AuthConfigResponse = z.object({
  demo: z.boolean(),
  demoLogins: z.array(z.object({ email: z.string(), role: z.string() })).optional(),
  demoPassword: z.string().optional(),
});
export type AuthConfigResponse = z.infer<typeof AuthConfigResponse>;
