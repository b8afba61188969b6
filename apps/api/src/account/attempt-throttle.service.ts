import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { TooManyRequestsError } from '../common/problem/domain-errors';

export interface ThrottleRule {
  /** What is counted, e.g. `password-reset:ana@clinic.test`; namespaced so it never mixes with sign-in counts. */
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts attempts in PostgreSQL so every API replica sees the same counts, like LoginThrottleService. It borrows the
 * login_failure table with namespaced keys (`<purpose>:<value>` in both columns), which never equal a plain email
 * or address, so sign-in throttling is unaffected.
 */
@Injectable()
export class AttemptThrottleService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  /** Throws 429 with Retry-After when any rule has reached its limit within its window. */
  async assertAllowed(rules: ThrottleRule[], message: string): Promise<void> {
    const now = Date.now();
    const blockedUntil = await Promise.all(
      rules.map(async (rule) => {
        const recent = await this.prisma.loginFailure.findMany({
          where: { emailKey: rule.key, at: { gt: new Date(now - rule.windowMs) } },
          orderBy: { at: 'desc' },
          take: rule.limit,
          select: { at: true },
        });
        // Blocked until the oldest of the last `limit` attempts leaves the window.
        return recent.length >= rule.limit ? recent[recent.length - 1].at.getTime() + rule.windowMs : 0;
      }),
    );
    const until = Math.max(0, ...blockedUntil);
    if (until > now) {
      const retryAfterSeconds = Math.max(1, Math.ceil((until - now) / 1000));
      throw new TooManyRequestsError(`${message}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
  }

  async record(keys: string[]): Promise<void> {
    await this.prisma.loginFailure.createMany({ data: keys.map((key) => ({ emailKey: key, ipAddress: key })) });
  }
}
