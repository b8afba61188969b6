import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import { TooManyRequestsError } from '../common/problem/domain-errors';

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
    const since = new Date(Date.now() - this.windowMs);
    const [byAccount, byAddress] = await Promise.all([
      this.prisma.loginFailure.findMany({ where: { emailKey, at: { gt: since } }, orderBy: { at: 'desc' }, take: this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, select: { at: true } }),
      this.prisma.loginFailure.findMany({ where: { ipAddress, at: { gt: since } }, orderBy: { at: 'desc' }, take: this.config.LOGIN_MAX_FAILURES_PER_ADDRESS, select: { at: true } }),
    ]);
    const blockedUntil = Math.max(
      byAccount.length >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT ? byAccount[byAccount.length - 1].at.getTime() + this.windowMs : 0,
      byAddress.length >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS ? byAddress[byAddress.length - 1].at.getTime() + this.windowMs : 0,
    );
    if (blockedUntil > Date.now()) {
      const retryAfterSeconds = Math.max(1, Math.ceil((blockedUntil - Date.now()) / 1000));
      throw new TooManyRequestsError(`Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
  }

  async recordFailure(emailKey: string, ipAddress: string): Promise<void> {
    await this.prisma.loginFailure.create({ data: { emailKey, ipAddress } });
  }

  /** A successful sign-in clears the account's failures (not the address's: one address may try many accounts). */
  async clearAccount(emailKey: string): Promise<void> {
    await this.prisma.loginFailure.deleteMany({ where: { emailKey } });
  }
}
