import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import type { LoginResponse, RoleName } from '@ims/contracts';
import { InjectPrisma } from '../database/database.tokens';
import { UnauthenticatedError } from '../common/problem/domain-errors';
import type { RequestUser } from '../common/access/request-user';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SessionsService, type NewSession } from './sessions.service';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { mfaStatusFor } from '../mfa/mfa-policy';

/** The same words for an unknown email and a wrong password, so a response never tells which accounts exist. */
const BAD_CREDENTIALS = 'Email or password is incorrect';

export interface ClientInfo {
  ipAddress: string;
  userAgent?: string;
  requestId?: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the credentials (throttled per account and address) and opens a session. */
  async login(email: string, password: string, client: ClientInfo): Promise<{ session: NewSession; body: LoginResponse }> {
    await this.throttle.assertAllowed(email, client.ipAddress);
    const user = await this.prisma.user.findUnique({
      where: { email },
      include: { clinics: { select: { clinicId: true } } },
    });
    const passwordOk = await this.hasher.verify(password, user?.passwordHash);
    if (!user || !passwordOk || !user.active) {
      await this.throttle.recordFailure(email, client.ipAddress);
      await this.audit.record(
        { organisationId: user?.organisationId, email, ...client },
        { action: 'login_failed', entityType: 'user', entityId: user?.id, detail: { reason: !user ? 'unknown_email' : !passwordOk ? 'bad_password' : 'inactive' } },
      );
      throw new UnauthenticatedError(BAD_CREDENTIALS);
    }
    const mfa = mfaStatusFor({ totpEnabled: user.totpEnabledAt !== null, roles: user.roles as RoleName[], mfaPassed: false }, this.config.mfaRequiredRoles);
    // With a code still to enter, the account's failures stand: otherwise a password holder could reset the
    // counter between guesses at the code by signing in again. The verify step clears them.
    if (mfa !== 'verify') await this.throttle.clearAccount(email);
    const session = await this.sessions.create(user.id, user.organisationId, client, { mfaPassed: mfa === 'passed' });
    await this.audit.record(
      { id: user.id, organisationId: user.organisationId, email: user.email, ...client },
      { action: 'login', entityType: 'user', entityId: user.id, detail: { mfa } },
    );
    return {
      session,
      body: {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          roles: user.roles as RoleName[],
          clinicIds: user.clinics.map((c) => c.clinicId).sort(),
          organisationId: user.organisationId,
          mfaEnabled: user.totpEnabledAt !== null,
        },
        csrfToken: session.csrfToken,
        mfa,
      },
    };
  }

  async logout(user: RequestUser): Promise<void> {
    await this.sessions.revoke(user.sessionId);
    await this.audit.record(user, { action: 'logout', entityType: 'user', entityId: user.id });
  }

  /** The login shape for an existing session (a reloaded page gets its CSRF token back). */
  me(user: RequestUser): LoginResponse {
    const { id, email, name, roles, clinicIds, organisationId, csrfToken, mfa, mfaEnabled } = user;
    return { user: { id, email, name, roles, clinicIds, organisationId, mfaEnabled }, csrfToken, mfa };
  }
}
