import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Prisma, type PrismaClient } from '@ims/prisma';
import { FastSql } from '../database/fast-sql';
import type { RoleName } from '@ims/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import type { RequestUser } from '../common/access/request-user';
import { mfaStatusFor } from '../mfa/mfa-policy';

const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

interface SessionRow {
  sessionId: string;
  csrfToken: string;
  mfaPassed: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  organisationId: string;
  email: string;
  name: string;
  roles: string[];
  active: boolean;
  totpEnabledAt: Date | null;
  clinicIds: string[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions in PostgreSQL: idle timeout, absolute lifetime, revocation. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fastSql: FastSql,
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
    // Every request runs this, so it is one round trip: session, user and clinic ids joined in a single statement.
    const [row] = await this.fastSql.preparedRows<SessionRow>(Prisma.sql`
      SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.mfa_passed AS "mfaPassed",
             s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt",
             u.id AS "userId", u.organisation_id AS "organisationId", u.email, u.name, u.roles::text[] AS roles,
             u.active, u.totp_enabled_at AS "totpEnabledAt",
             coalesce((SELECT array_agg(uc.clinic_id::text ORDER BY uc.clinic_id) FROM user_clinic uc WHERE uc.user_id = u.id), '{}') AS "clinicIds"
      FROM auth_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = ${hashToken(token)}`);
    const now = Date.now();
    if (!row || row.revokedAt || !row.active) return undefined;
    if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + this.idleTimeoutMs <= now) return undefined;
    if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.prisma.authSession.update({ where: { id: row.sessionId }, data: { lastSeenAt: new Date(now) } });
    }
    const roles = row.roles as RoleName[];
    return {
      id: row.userId,
      organisationId: row.organisationId,
      email: row.email,
      name: row.name,
      roles,
      clinicIds: row.clinicIds,
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
      mfaEnabled: row.totpEnabledAt !== null,
      mfa: mfaStatusFor({ totpEnabled: row.totpEnabledAt !== null, roles, mfaPassed: row.mfaPassed }, this.config.mfaRequiredRoles),
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
