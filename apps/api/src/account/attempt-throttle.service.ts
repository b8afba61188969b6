import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { assertUnderLimits, recordAttempts } from '../common/throttle/attempt-counter';

export interface ThrottleRule {
  /** What is counted, e.g. `password-reset:ana@clinic.test`; namespaced so it never mixes with sign-in counts. */
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts attempts with the shared attempt counter (common/throttle), like LoginThrottleService. It borrows the
 * login_failure table with namespaced keys (`<purpose>:<value>` in both columns), which never equal a plain email
 * or address, so sign-in throttling is unaffected.
 */
@Injectable()
export class AttemptThrottleService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  /** Throws 429 with Retry-After when any rule has reached its limit within its window. */
  async assertAllowed(rules: ThrottleRule[], message: string): Promise<void> {
    await assertUnderLimits(
      this.prisma,
      rules.map(({ key, limit, windowMs }) => ({ column: 'emailKey' as const, value: key, limit, windowMs })),
      message,
    );
  }

  async record(keys: string[]): Promise<void> {
    await recordAttempts(this.prisma, keys.map((key) => ({ emailKey: key, ipAddress: key })));
  }
}
