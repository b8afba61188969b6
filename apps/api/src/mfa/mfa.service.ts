import { Inject, Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import type { PrismaClient } from '@ims/prisma';
import type { MfaEnableResponse, MfaSetupResponse } from '@ims/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import type { RequestUser } from '../common/access/request-user';
import { ConflictError, InvalidInputError, NotFoundError, RuleViolationError } from '../common/problem/domain-errors';
import { MfaCredentials } from './mfa-credentials';
import { roleRequiresMfa } from './mfa-policy';
import { generateTotpSecret, totpUri } from './totp';

const WRONG_CODE = { path: 'code', message: 'does not match the current code of your authenticator app (or was already used)' };

/** Turning two-factor sign-in on and off, new recovery codes, and an admin's reset of someone's second factor. */
@Injectable()
export class MfaService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly credentials: MfaCredentials,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /** Starts (or restarts) enrolment: a new secret, stored sealed but not enabled until a code from it is confirmed. */
  async setup(user: RequestUser): Promise<MfaSetupResponse> {
    const secret = generateTotpSecret();
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: user.id, totpEnabledAt: null },
        data: { totpSecretEnc: this.credentials.sealNewSecret(user.id, secret) },
      });
      if (count === 0) throw new ConflictError('Two-factor sign-in is already on; turn it off first to set up a new app');
      await this.audit.record(user, { action: 'mfa_setup', entityType: 'user', entityId: user.id }, tx);
    });
    const otpauthUrl = totpUri(secret, user.email);
    return { secret, otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
  }

  /** Confirms the pending secret with a code from the app, turns two-factor on and hands out the recovery codes once. */
  async enable(user: RequestUser, code: string): Promise<MfaEnableResponse> {
    const state = await this.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecretEnc: true, totpEnabledAt: true } });
    if (state.totpEnabledAt) throw new ConflictError('Two-factor sign-in is already on');
    if (!state.totpSecretEnc) throw new ConflictError('Start with POST /api/auth/mfa/setup to get a secret for your authenticator app');
    const recoveryCodes = await this.prisma.$transaction(async (tx) => {
      if (!(await this.credentials.acceptTotp(tx, user.id, code, 'pending'))) return undefined;
      await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
      const codes = await this.credentials.replaceRecoveryCodes(tx, user.id);
      // Proving the code just now is this session's second factor.
      await this.sessions.markMfaPassed(user.sessionId, tx);
      await this.audit.record(user, { action: 'mfa_enable', entityType: 'user', entityId: user.id }, tx);
      return codes;
    });
    if (!recoveryCodes) throw new InvalidInputError('The code does not match the new secret; check the time on your phone and try again', [WRONG_CODE]);
    return { recoveryCodes };
  }

  /** Turns two-factor off (password and a current code), unless the user's role requires it. */
  async disable(user: RequestUser, password: string, code: string): Promise<void> {
    const required = this.config.mfaRequiredRoles;
    if (roleRequiresMfa(user.roles, required)) {
      throw new RuleViolationError('Your role requires two-factor sign-in, so it cannot be turned off', [
        { rule: 'mfa-required-for-role', message: `Two-factor sign-in is required for: ${required.filter((role) => user.roles.includes(role)).join(', ')}` },
      ]);
    }
    const state = await this.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, totpEnabledAt: true } });
    if (!state.totpEnabledAt) throw new ConflictError('Two-factor sign-in is not on');
    await this.assertNotThrottled(user);
    if (!(await this.hasher.verify(password, state.passwordHash))) {
      await this.recordFailure(user, 'mfa_disable_failed', 'password');
      throw new InvalidInputError('The password is not right', [{ path: 'password', message: 'does not match your password' }]);
    }
    const done = await this.prisma.$transaction(async (tx) => {
      if (!(await this.credentials.acceptTotp(tx, user.id, code, 'enabled'))) return false;
      await this.credentials.clear(tx, user.id);
      await this.audit.record(user, { action: 'mfa_disable', entityType: 'user', entityId: user.id }, tx);
      return true;
    });
    if (!done) {
      await this.recordFailure(user, 'mfa_disable_failed', 'code');
      throw new InvalidInputError('The code is not right', [WRONG_CODE]);
    }
  }

  /** A fresh set of recovery codes for a current code; the old ones stop working. */
  async regenerateRecoveryCodes(user: RequestUser, code: string): Promise<MfaEnableResponse> {
    const state = await this.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
    if (!state.totpEnabledAt) throw new ConflictError('Two-factor sign-in is not on');
    await this.assertNotThrottled(user);
    const recoveryCodes = await this.prisma.$transaction(async (tx) => {
      if (!(await this.credentials.acceptTotp(tx, user.id, code, 'enabled'))) return undefined;
      const codes = await this.credentials.replaceRecoveryCodes(tx, user.id);
      await this.audit.record(user, { action: 'mfa_recovery_codes_regenerated', entityType: 'user', entityId: user.id }, tx);
      return codes;
    });
    if (!recoveryCodes) {
      await this.recordFailure(user, 'mfa_recovery_codes_failed', 'code');
      throw new InvalidInputError('The code is not right', [WRONG_CODE]);
    }
    return { recoveryCodes };
  }

  /**
   * An admin clears a user's second factor (lost phone and codes): secret and recovery codes go, and every session of
   * the user ends, so the next sign-in starts over (enrolling again when the role requires it).
   */
  async adminReset(admin: RequestUser, userId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const target = await tx.user.findFirst({ where: { id: userId, organisationId: admin.organisationId }, select: { id: true, totpEnabledAt: true } });
      if (!target) throw new NotFoundError('User', userId);
      await this.credentials.clear(tx, target.id);
      await this.sessions.revokeAllOf(target.id, { tx });
      await this.audit.record(admin, { action: 'mfa_reset', entityType: 'user', entityId: target.id, detail: { wasEnabled: target.totpEnabledAt !== null } }, tx);
    });
  }

  private assertNotThrottled(user: RequestUser): Promise<void> {
    return this.throttle.assertAllowed(user.email, user.ipAddress ?? 'unknown');
  }

  /** Wrong passwords and codes here count toward the same per-account limit as failed sign-ins. */
  private async recordFailure(user: RequestUser, action: string, reason: 'password' | 'code'): Promise<void> {
    await this.throttle.recordFailure(user.email, user.ipAddress ?? 'unknown');
    await this.audit.record(user, { action, entityType: 'user', entityId: user.id, detail: { reason } });
  }
}
