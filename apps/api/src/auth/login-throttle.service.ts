import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import { assertUnderLimits, clearAttempts, recordAttempts } from '../common/throttle/attempt-counter';

/**
 * Counts failed sign-ins per account and per address in PostgreSQL (so every replica sees the same counts) and
 * refuses further attempts with 429 + Retry-After once either passes its limit within the window.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get windowMs() {
    return this.config.LOGIN_WINDOW_MINUTES * 60_000;
  }

  async assertAllowed(emailKey: string, ipAddress: string): Promise<void> {
    await assertUnderLimits(
      this.prisma,
      [
        { column: 'emailKey', value: emailKey, limit: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs: this.windowMs },
        { column: 'ipAddress', value: ipAddress, limit: this.config.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs: this.windowMs },
      ],
      'Too many failed sign-in attempts',
    );
  }

  async recordFailure(emailKey: string, ipAddress: string): Promise<void> {
    await recordAttempts(this.prisma, [{ emailKey, ipAddress }]);
  }

  /** A successful sign-in clears the account's failures (not the address's: one address may try many accounts). */
  async clearAccount(emailKey: string): Promise<void> {
    await clearAttempts(this.prisma, emailKey);
  }
}
