import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import type { PasswordResetRequested } from '@ims/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import { InvalidInputError } from '../common/problem/domain-errors';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { MailerService } from '../mail/mailer.service';
import { AttemptThrottleService } from './attempt-throttle.service';
import { assertPasswordAllowed } from './password-policy';
import { INVALID_LINK, PasswordResetTokensService, RESET_LINK_LIFETIME_MS } from './password-reset-tokens.service';
import type { RequestClient } from './request-client';

const WINDOW_MS = 60 * 60_000;
/** A person rarely needs more than a few links an hour; an address may front a whole clinic. */
const MAX_REQUESTS_PER_EMAIL = 5;
const MAX_REQUESTS_PER_ADDRESS = 20;

const REQUESTED: PasswordResetRequested = {
  message: 'If an account uses this email, a link to reset its password has been sent. It works once, for 60 minutes.',
};

/** Password reset by email (request a link) and by link (set the new password). */
@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  /** Emails being prepared and sent after the answer went out; awaited on shutdown. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: PasswordResetTokensService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly mailer: MailerService,
    private readonly throttle: AttemptThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Answers the same, in the same time, for any email: the lookup and the email happen after the answer, so
   * neither the body nor the timing tells whether the account exists. Throttled per email and per address.
   */
  async request(email: string, client: RequestClient): Promise<PasswordResetRequested> {
    const keys = [`password-reset:${email}`, `password-reset:${client.ipAddress}`];
    await this.throttle.assertAllowed(
      [
        { key: keys[0], limit: MAX_REQUESTS_PER_EMAIL, windowMs: WINDOW_MS },
        { key: keys[1], limit: MAX_REQUESTS_PER_ADDRESS, windowMs: WINDOW_MS },
      ],
      'Too many password reset requests',
    );
    await this.throttle.record(keys);
    const work = this.sendLink(email, client)
      .catch((error: unknown) => this.logger.error({ err: error }, 'password reset email failed'))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return REQUESTED;
  }

  /** Sets a new password through a valid link, uses the link up and ends every session of the user. */
  async complete(token: string, password: string, client: RequestClient): Promise<void> {
    const row = await this.tokens.findUsable(token);
    if (!row || !row.user.active) throw new InvalidInputError(INVALID_LINK, [{ path: 'token', message: INVALID_LINK }]);
    assertPasswordAllowed(password, { email: row.user.email, path: 'password' });
    // Hash outside the transaction: argon2 takes tens of milliseconds and the transaction should not wait on it.
    const passwordHash = await this.hasher.hash(password);
    await this.prisma.$transaction(async (tx) => {
      await this.tokens.claim(tx, token);
      await tx.user.update({ where: { id: row.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
      await this.tokens.expireUnused(tx, row.userId);
      await this.sessions.revokeAllOf(row.userId, { tx });
      await this.audit.record(
        actorOf(row.user, client),
        { action: 'password_reset', entityType: 'user', entityId: row.userId, detail: { linkIssuedBy: row.issuedById ?? 'self' } },
        tx,
      );
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async sendLink(email: string, client: RequestClient): Promise<void> {
    if (!this.mailer.configured) {
      this.logger.warn('Password reset requested but SMTP_URL is not set: no email sent (an admin can issue a link under Users)');
      return;
    }
    if (!this.config.APP_URL) {
      this.logger.warn('Password reset requested but APP_URL is not set: emailed links need the public address of the app');
      return;
    }
    const user = await this.prisma.user.findUnique({ where: { email }, select: { id: true, organisationId: true, email: true, name: true, active: true } });
    if (!user?.active) return;
    const baseUrl = this.config.APP_URL;
    const link = await this.prisma.$transaction(async (tx) => {
      const issued = await this.tokens.issue(tx, { userId: user.id, issuedById: null, lifetimeMs: RESET_LINK_LIFETIME_MS, baseUrl });
      await this.audit.record(
        actorOf(user, client),
        { action: 'issue_password_link', entityType: 'user', entityId: user.id, detail: { requestedBy: 'self', expiresAt: issued.expiresAt } },
        tx,
      );
      return issued;
    });
    await this.mailer.send({
      to: user.email,
      subject: 'Reset your IMS Clinic password',
      text: [
        `Hello ${user.name},`,
        '',
        'Someone (we hope you) asked to reset the password of your IMS Clinic account. To choose a new password, open:',
        '',
        link.url,
        '',
        'The link works once and expires in 60 minutes. If you did not ask for it, ignore this email: your password stays as it is.',
      ].join('\n'),
    });
  }
}

/** The audit actor for a public route: the account concerned, seen from the caller's address. */
function actorOf(user: { id: string; organisationId: string; email: string }, client: RequestClient): AuditActor {
  return { id: user.id, organisationId: user.organisationId, email: user.email, ipAddress: client.ipAddress, userAgent: client.userAgent, requestId: client.requestId };
}
