import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { RoleName } from '@ims/contracts';

export const ALLOWED_ROLES = 'access:roles';

/**
 * Declares which roles may call a route (any one of them suffices). With no roles listed, any signed-in user may.
 * Every route declares this or @Public(); the global AccessGuard refuses routes that declare neither.
 */
export const Roles = (...roles: RoleName[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'No or expired session' }),
    ApiForbiddenResponse({ description: 'Role not allowed, or missing/bad X-CSRF-Token on a write' }),
  );

/** Any signed-in user, whatever the role. */
export const SignedIn = () => Roles();

/** Writes that need no CSRF token: only login (there is no session yet to hold one). */
export const SKIP_CSRF = 'access:skip-csrf';
export const SkipCsrf = () => SetMetadata(SKIP_CSRF, true);

/**
 * Routes a signed-in session may call before its second factor is done (status `verify` or `enrol`): who am I,
 * sign out, and the two-factor set-up and verification routes. Every other route answers 401 `mfa-required`.
 */
export const ALLOW_DURING_MFA = 'access:allow-during-mfa';
export const AllowDuringMfa = () => SetMetadata(ALLOW_DURING_MFA, true);
