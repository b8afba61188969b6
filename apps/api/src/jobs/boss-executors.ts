import type PgBoss from 'pg-boss';
import type { Prisma, RawDatabase } from '@ims/prisma';

/**
 * pg-boss speaks SQL through a `{ executeSql(text, values) }` executor. These adapt the connections the app already
 * has, so the queue needs no second pool and runs in demo mode (PGlite) as well as on PostgreSQL.
 */
export function rawDatabaseExecutor(raw: RawDatabase): PgBoss.Db {
  if (raw.kind === 'postgresql') {
    return { executeSql: (text, values) => raw.pool.query(text, values) };
  }
  const { pglite } = raw;
  return {
    async executeSql(text, values) {
      // pg-boss sends its install and migration scripts as several statements without parameters: PGlite's
      // extended-protocol query() takes one statement, exec() takes a script.
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return pglite.query(text, values.map(nullForUndefined));
    },
  };
}

/**
 * Runs pg-boss's statements inside a Prisma interactive transaction, so a job is queued or cancelled only if the
 * appointment change that caused it commits (a transactional outbox without a second table).
 */
export function transactionExecutor(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toPrismaParameter));
      return { rows };
    },
  };
}

function nullForUndefined(value: unknown): unknown {
  return value === undefined ? null : value;
}

/** pg-boss hands job data over as an object for a `$n::jsonb` parameter; Prisma's raw queries want it as text. */
function toPrismaParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
