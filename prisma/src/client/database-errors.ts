/**
 * PostgreSQL constraint violations reach us through the driver adapter as Prisma errors whose
 * `meta.driverAdapterError.cause.originalCode` holds the SQLSTATE. These helpers read it in one place.
 */
export interface PostgresErrorInfo {
  sqlState?: string;
  constraint?: string;
  message?: string;
}

/** The adapter names a unique violation's constraint as { index: name } (or { fields: [...] }), others as a string. */
function constraintName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { index?: unknown }).index === 'string') return (value as { index: string }).index;
  return undefined;
}

export function postgresErrorInfo(error: unknown): PostgresErrorInfo | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const candidate = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: Record<string, unknown> } };
    cause?: unknown;
  };
  const cause = candidate.meta?.driverAdapterError?.cause;
  if (cause) {
    return {
      sqlState: (cause.originalCode as string | undefined) ?? (cause.code as string | undefined),
      constraint: constraintName(cause.constraint) ?? (cause.originalMessage as string | undefined)?.match(/constraint "([^"]+)"/)?.[1],
      message: (cause.originalMessage as string | undefined) ?? (cause.message as string | undefined),
    };
  }
  // Raw pg errors (pool.query) carry the SQLSTATE in `code` and the constraint name in `constraint`.
  const raw = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (typeof raw.code === 'string' && /^[0-9A-Z]{5}$/.test(raw.code)) {
    return { sqlState: raw.code, constraint: raw.constraint as string | undefined, message: raw.message as string | undefined };
  }
  return undefined;
}

export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  exclusionViolation: '23P01',
  checkViolation: '23514',
  notNullViolation: '23502',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  queryCanceled: '57014',
  raiseException: 'P0001',
  insufficientPrivilege: '42501',
} as const;

/** True for errors that mean the database cannot be reached right now (refused, reset, shutting down). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { message?: string })?.message ?? ''} ${(error as { code?: string })?.code ?? ''}`;
  const info = postgresErrorInfo(error);
  if (info?.sqlState && /^(08|57P0[123])/.test(info.sqlState)) return true;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|connection timeout|terminating connection|the database system is (starting up|shutting down)|DatabaseNotReachable|Can't reach database|Server has closed the connection/i.test(
    text,
  );
}
