import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { InvalidInputError, UnauthenticatedError } from '../common/problem/domain-errors';
import type { RequestUser } from '../common/access/request-user';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { AttemptThrottleService } from './attempt-throttle.service';
import { assertPasswordAllowed } from './password-policy';
import { PasswordResetTokensService } from './password-reset-tokens.service';

const WRONG_CURRENT_WINDOW_MS = 15 * 60_000;
/** A stolen session must not become a free password-guessing oracle for the account. */
const MAX_WRONG_CURRENT = 5;

/** A signed-in user changing their own password. */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: PasswordResetTokensService,
    private readonly throttle: AttemptThrottleService,
    private readonly audit: AuditService,
  ) {}

  /** Checks the current password, applies the policy, and ends the user's other sessions (this one stays). */
  async change(actor: RequestUser, currentPassword: string, newPassword: string): Promise<void> {
    const throttleKey = `password-change:${actor.id}`;
    await this.throttle.assertAllowed([{ key: throttleKey, limit: MAX_WRONG_CURRENT, windowMs: WRONG_CURRENT_WINDOW_MS }], 'Too many wrong current passwords');
    const user = await this.prisma.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, email: true } });
    if (!user) throw new UnauthenticatedError('Sign in to continue');
    if (!(await this.hasher.verify(currentPassword, user.passwordHash))) {
      await this.throttle.record([throttleKey]);
      // 400, not 401: the session is fine, and a 401 would send the web app back to the login page.
      throw new InvalidInputError('currentPassword: is incorrect', [{ path: 'currentPassword', message: 'is incorrect' }]);
    }
    assertPasswordAllowed(newPassword, { email: user.email, path: 'newPassword' });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { passwordHash, passwordChangedAt: new Date() } });
      await this.tokens.expireUnused(tx, actor.id);
      await this.sessions.revokeAllOf(actor.id, { tx, exceptSessionId: actor.sessionId });
      await this.audit.record(actor, { action: 'password_change', entityType: 'user', entityId: actor.id }, tx);
    });
  }
}
