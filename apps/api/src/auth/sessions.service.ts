import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import type { RoleName } from '@ims/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';

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

  async create(userId: string, organisationId: string, client: { ipAddress?: string; userAgent?: string }): Promise<NewSession> {
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
      mfa: 'passed',
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.prisma.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /** Ends every session of a user at once (deactivation, password reset). */
  async revokeAllOf(userId: string): Promise<void> {
    await this.prisma.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  }
}
