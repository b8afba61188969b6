import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RoleName } from '@ims/contracts';

/** Who is calling, as the session guard resolved it. Services take this to apply object-level checks. */
export interface RequestUser {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  roles: RoleName[];
  clinicIds: string[];
  sessionId: string;
  csrfToken: string;
  /** Where the second factor stands for this session (see MfaStatus in the contracts). */
  mfa: 'passed' | 'verify' | 'enrol';
  /** Whether the user has two-factor switched on (read with the session, so /auth/me needs no second query). */
  mfaEnabled: boolean;
  ipAddress?: string;
  userAgent?: string;
  requestId?: string;
}

export interface RequestWithUser {
  user?: RequestUser;
}

/** Injects the signed-in user into a controller method. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): RequestUser => {
  const request = context.switchToHttp().getRequest<RequestWithUser>();
  if (!request.user) throw new Error('CurrentUser used on a route without a session');
  return request.user;
});
