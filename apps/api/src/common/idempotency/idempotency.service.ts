import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../../database/database.tokens';
import type { RequestUser } from '../access/request-user';
import { InvalidInputError, RuleViolationError } from '../problem/domain-errors';
import { requestHash } from './request-hash';

/** How long a key is remembered: long enough for any client retry, short enough to keep the table small. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Printable ASCII without spaces, as clients generate them (UUIDs, ULIDs, random tokens). */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentRequest {
  /** The `Idempotency-Key` header; without one the work simply runs in its transaction. */
  key: string | undefined;
  method: string;
  path: string;
  /** The validated body: "the same request" means the same body after validation and normalisation. */
  body: unknown;
  /** The status the first response is sent with, replayed with it (201 for creates). */
  statusCode?: number;
}

/**
 * Creates that accept `Idempotency-Key` (api-shape.md): the first response is stored with the key in the same
 * transaction as the create, so a retry replays it instead of creating twice, and the same key with a different
 * request is refused (422). Keys belong to the signed-in user of an organisation. Concurrent requests with one key
 * are serialised by a transaction-scoped advisory lock, so the second waits and then replays.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  async run<T>(actor: RequestUser, request: IdempotentRequest, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    const key = request.key;
    if (key === undefined) return this.prisma.$transaction((tx) => work(tx));
    if (!KEY_FORMAT.test(key)) {
      throw new InvalidInputError('Idempotency-Key must be 1 to 255 printable characters without spaces', [
        { path: 'Idempotency-Key', message: 'must be 1 to 255 printable characters without spaces' },
      ]);
    }
    const hash = requestHash(request.method, request.path, request.body);
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`${actor.organisationId}:${actor.id}:${key}`}, 0))) AS lock`;
      const scope = { organisationId: actor.organisationId, userId: actor.id, key };
      await tx.idempotencyKey.deleteMany({ where: { ...scope, createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_TTL_MS) } } });
      const earlier = await tx.idempotencyKey.findUnique({ where: { organisationId_userId_key: scope } });
      if (earlier) {
        if (earlier.requestHash !== hash || earlier.method !== request.method.toUpperCase() || earlier.path !== request.path) {
          throw new RuleViolationError('This Idempotency-Key was already used for a different request', [
            { rule: 'idempotency-key-reused', message: 'send a new Idempotency-Key for a different request' },
          ]);
        }
        return earlier.responseBody as T;
      }
      const result = await work(tx);
      await tx.idempotencyKey.create({
        data: {
          ...scope,
          method: request.method.toUpperCase(),
          path: request.path,
          requestHash: hash,
          statusCode: request.statusCode ?? 201,
          responseBody: result as Prisma.InputJsonValue,
        },
      });
      return result;
    });
  }
}
