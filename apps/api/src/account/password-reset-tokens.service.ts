import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@ims/prisma';
import type { PasswordLink } from '@ims/contracts';
import { InjectPrisma } from '../database/database.tokens';
import { InvalidInputError } from '../common/problem/domain-errors';

type Db = PrismaClient | Prisma.TransactionClient;

/** How long a link stays usable: an hour for a reset, three days for a new user's first password. */
export const RESET_LINK_LIFETIME_MS = 60 * 60_000;
export const SET_PASSWORD_LINK_LIFETIME_MS = 72 * 3_600_000;

/** The same words for an unknown, used and expired link, so a response tells nothing about which it was. */
export const INVALID_LINK = 'This link is invalid or has expired';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssueLinkOptions {
  userId: string;
  /** The admin who issued it; null when the user asked by email. */
  issuedById: string | null;
  lifetimeMs: number;
  /** Base URL of the web app the link opens (APP_URL, or the origin the admin is using). */
  baseUrl: string;
}

/**
 * One-time password links. The token (32 random bytes) is returned once, inside the link; only its SHA-256 is
 * stored, so a database read cannot be turned into a working link.
 */
@Injectable()
export class PasswordResetTokensService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  /** Issues a new link and expires the user's older unused ones (only the newest link works). */
  async issue(db: Db, options: IssueLinkOptions): Promise<PasswordLink> {
    await this.expireUnused(db, options.userId);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + options.lifetimeMs);
    await db.passwordResetToken.create({
      data: { userId: options.userId, tokenHash: hashToken(token), issuedById: options.issuedById, expiresAt },
    });
    return { url: `${options.baseUrl.replace(/\/+$/, '')}/reset-password?token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** The usable (unused, unexpired) token row for a token, or undefined; for checks before the write. */
  async findUsable(token: string) {
    const row = await this.prisma.passwordResetToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: { select: { id: true, organisationId: true, email: true, active: true } } },
    });
    if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return undefined;
    return row;
  }

  /**
   * Marks the token used, atomically: the UPDATE only matches a row still unused and unexpired, and a concurrent
   * claim waits on the row lock and then matches nothing. Call inside the transaction that sets the password.
   */
  async claim(tx: Prisma.TransactionClient, token: string): Promise<void> {
    const now = new Date();
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new InvalidInputError(INVALID_LINK, [{ path: 'token', message: INVALID_LINK }]);
  }

  /** Ends every unused link of a user (a new link was issued, or the password changed). */
  async expireUnused(db: Db, userId: string): Promise<void> {
    const now = new Date();
    await db.passwordResetToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  }
}
