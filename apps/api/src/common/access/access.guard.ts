import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { RoleName } from '@ims/contracts';
import { SessionsService } from '../../auth/sessions.service';
import { SESSION_COOKIE } from '../../auth/session-cookie';
import { ForbiddenError, UnauthenticatedError } from '../problem/domain-errors';
import { IS_PUBLIC } from './public.decorator';
import { ALLOW_DURING_MFA, ALLOWED_ROLES, SKIP_CSRF } from './access.decorators';
import { MfaError } from '../../mfa/mfa-errors';
import type { RequestWithUser } from './request-user';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard, deny by default: a route must declare @Public() or @Roles(...)/@SignedIn(). It resolves the
 * session cookie, checks the role, and on writes checks the session's CSRF token in X-CSRF-Token. A session that
 * still owes its second factor reaches only the routes marked @AllowDuringMfa().
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const allowedRoles = this.reflector.getAllAndOverride<RoleName[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowedRoles) throw new ForbiddenError('This route declares no access rule');

    const request = context.switchToHttp().getRequest<Request & RequestWithUser>();
    const token = request.cookies?.[SESSION_COOKIE];
    const resolved = typeof token === 'string' && token.length > 0 ? await this.sessions.resolve(token) : undefined;
    if (!resolved) throw new UnauthenticatedError('Sign in to continue (no session, or it has expired)');
    request.user = { ...resolved, ipAddress: request.ip, userAgent: request.get('user-agent'), requestId: request.id ? String(request.id) : undefined };

    if (!SAFE_METHODS.has(request.method) && !this.reflector.getAllAndOverride<boolean>(SKIP_CSRF, targets)) {
      const sent = request.get('x-csrf-token') ?? '';
      if (!sameSecret(sent, resolved.csrfToken)) throw new ForbiddenError('Missing or invalid X-CSRF-Token header', 'csrf');
    }
    if (resolved.mfa !== 'passed' && !this.reflector.getAllAndOverride<boolean>(ALLOW_DURING_MFA, targets)) {
      throw new MfaError(
        resolved.mfa === 'verify'
          ? 'Enter the code from your authenticator app (POST /api/auth/mfa/verify) before using the app'
          : 'Your role requires two-factor sign-in: set it up (POST /api/auth/mfa/setup, then /api/auth/mfa/enable) before using the app',
        'mfa-required',
      );
    }
    if (allowedRoles.length > 0 && !allowedRoles.some((role) => resolved.roles.includes(role))) {
      throw new ForbiddenError('Your role does not allow this');
    }
    return true;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
