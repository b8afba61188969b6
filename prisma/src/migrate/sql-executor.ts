import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** The two things the migration runner needs from a database connection, so it runs on `pg` and on PGlite alike. */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (simple query protocol: no parameters). */
  exec(sql: string): Promise<void>;
}

export function pgExecutor(client: pg.ClientBase): SqlExecutor {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const result = await db.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}
