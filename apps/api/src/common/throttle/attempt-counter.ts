import type { PrismaClient } from '@ims/prisma';
import { TooManyRequestsError } from '../problem/domain-errors';

/**
 * One limit on recent attempts, counted in the login_failure table (in PostgreSQL, so every API replica sees the same
 * counts): at most `limit` rows whose `column` equals `value` within the last `windowMs`.
 */
export interface AttemptLimit {
  column: 'emailKey' | 'ipAddress';
  value: string;
  limit: number;
  windowMs: number;
}

/**
 * Throws 429 with Retry-After (`<message>; try again in N s`) when any limit has been reached within its window.
 * Blocked until the oldest of the last `limit` attempts leaves the window.
 */
export async function assertUnderLimits(prisma: PrismaClient, limits: AttemptLimit[], message: string): Promise<void> {
  const now = Date.now();
  const blockedUntil = await Promise.all(
    limits.map(async ({ column, value, limit, windowMs }) => {
      const recent = await prisma.loginFailure.findMany({
        where: { [column]: value, at: { gt: new Date(now - windowMs) } },
        orderBy: { at: 'desc' },
        take: limit,
        select: { at: true },
      });
      return recent.length >= limit ? recent[recent.length - 1].at.getTime() + windowMs : 0;
    }),
  );
  const until = Math.max(0, ...blockedUntil);
  if (until > now) {
    const retryAfterSeconds = Math.max(1, Math.ceil((until - now) / 1000));
    throw new TooManyRequestsError(`${message}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
  }
}

/** Records one attempt per entry (each counted under its account key and its address). */
export async function recordAttempts(prisma: PrismaClient, attempts: { emailKey: string; ipAddress: string }[]): Promise<void> {
  await prisma.loginFailure.createMany({ data: attempts });
}

/** Forgets every attempt counted under `emailKey`. */
export async function clearAttempts(prisma: PrismaClient, emailKey: string): Promise<void> {
  await prisma.loginFailure.deleteMany({ where: { emailKey } });
}
