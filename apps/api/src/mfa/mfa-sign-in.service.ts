import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import type { LoginResponse } from '@ims/contracts';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { SessionsService } from '../auth/sessions.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError } from '../common/problem/domain-errors';
import { MfaCredentials } from './mfa-credentials';
import { MfaError } from './mfa-errors';

/** The parsed body: a code from the app, or one recovery code (the contract's transforms already applied). */
export type MfaVerifyBody = { code: string } | { recoveryCode: string };

/**
 * The second step of sign-in for users with two-factor on. Failures count toward the same per-account (and
 * per-address) throttle as failed passwords, so a stolen password does not buy unlimited guesses at the code.
 */
@Injectable()
export class MfaSignInService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly credentials: MfaCredentials,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async verify(user: RequestUser, body: MfaVerifyBody): Promise<LoginResponse> {
    if (user.mfa === 'passed') throw new ConflictError('This session has already passed two-factor sign-in');
    if (user.mfa === 'enrol') throw new ConflictError('Two-factor sign-in is not set up yet: start with POST /api/auth/mfa/setup');
    const ipAddress = user.ipAddress ?? 'unknown';
    await this.throttle.assertAllowed(user.email, ipAddress);

    const method = 'code' in body ? 'totp' : 'recovery_code';
    const passed = await this.prisma.$transaction(async (tx) => {
      if ('code' in body) {
        if (!(await this.credentials.acceptTotp(tx, user.id, body.code, 'enabled'))) return false;
        await this.audit.record(user, { action: 'mfa_verify', entityType: 'user', entityId: user.id }, tx);
      } else {
        if (!(await this.credentials.spendRecoveryCode(tx, user.id, body.recoveryCode))) return false;
        const remaining = await this.credentials.unusedRecoveryCodes(tx, user.id);
        await this.audit.record(user, { action: 'mfa_recovery_code_used', entityType: 'user', entityId: user.id, detail: { remaining } }, tx);
      }
      await this.sessions.markMfaPassed(user.sessionId, tx);
      return true;
    });

    if (!passed) {
      await this.throttle.recordFailure(user.email, ipAddress);
      await this.audit.record(user, { action: 'mfa_verify_failed', entityType: 'user', entityId: user.id, detail: { method } });
      throw new MfaError(
        method === 'totp'
          ? 'That code is not right or was already used; enter the current code from your authenticator app'
          : 'That recovery code is not right or was already used',
        'mfa-invalid-code',
      );
    }
    // Signing in is now complete: earlier failures of the account no longer count (as after a plain sign-in).
    await this.throttle.clearAccount(user.email);
    const { id, email, name, roles, clinicIds, organisationId, csrfToken } = user;
    return { user: { id, email, name, roles, clinicIds, organisationId, mfaEnabled: true }, csrfToken, mfa: 'passed' };
  }
}
