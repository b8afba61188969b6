import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@ims/prisma';
import type { RoleName } from '@ims/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { mfaRequiredRoles, mfaStatusFor } from '../mfa/mfa-policy';

const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions in PostgreSQL: idle timeout, absolute lifetime, revocation. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get idleTimeoutMs(): number {
    return this.config.SESSION_IDLE_MINUTES * 60_000;
  }

  /** `mfaPassed`: true only when the sign-in owes no second factor (see mfaStatusFor); false is the safe default. */
  async create(
    userId: string,
    organisationId: string,
    client: { ipAddress?: string; userAgent?: string },
    options: { mfaPassed?: boolean } = {},
  ): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    await this.prisma.authSession.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        organisationId,
        csrfToken,
        expiresAt,
        mfaPassed: options.mfaPassed ?? false,
        ipAddress: client.ipAddress,
        userAgent: client.userAgent?.slice(0, 512),
      },
    });
    return { token, csrfToken, expiresAt };
  }

  /** The user behind a session token, or undefined when the session is unknown, revoked, idle too long or expired. */
  async resolve(token: string): Promise<Omit<RequestUser, 'ipAddress' | 'userAgent' | 'requestId'> | undefined> {
    const session = await this.prisma.authSession.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: { include: { clinics: { select: { clinicId: true } } } } },
    });
    const now = Date.now();
    if (!session || session.revokedAt || !session.user.active) return undefined;
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + this.idleTimeoutMs <= now) return undefined;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.prisma.authSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
    }
    return {
      id: session.user.id,
      organisationId: session.user.organisationId,
      email: session.user.email,
      name: session.user.name,
      roles: session.user.roles as RoleName[],
      clinicIds: session.user.clinics.map((c) => c.clinicId).sort(),
      sessionId: session.id,
      csrfToken: session.csrfToken,
      mfa: mfaStatusFor(
        { totpEnabled: session.user.totpEnabledAt !== null, roles: session.user.roles as RoleName[], mfaPassed: session.mfaPassed },
        mfaRequiredRoles(this.config),
      ),
    };
  }

  /** The session passed its second factor (verified, or enrolled just now): it may use the whole app. */
  async markMfaPassed(sessionId: string, tx?: Prisma.TransactionClient): Promise<void> {
    await (tx ?? this.prisma).authSession.update({ where: { id: sessionId }, data: { mfaPassed: true } });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.prisma.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /**
   * Ends every session of a user at once (deactivation, password reset). Pass the transaction of the change that
   * causes it, and `exceptSessionId` to keep the caller's own session (password change).
   */
  async revokeAllOf(userId: string, options: { tx?: Prisma.TransactionClient; exceptSessionId?: string } = {}): Promise<void> {
    await (options.tx ?? this.prisma).authSession.updateMany({
      where: { userId, revokedAt: null, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
  }
}
