import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client';
import { applyMigrations } from '../migrate/migration-runner';
import { pgExecutor, pgliteExecutor, type SqlExecutor } from '../migrate/sql-executor';

/**
 * Interactive transactions queue behind per-clinician booking locks and a busy pool; Prisma's defaults (2 s to get a
 * connection, 5 s to finish) turn a burst of 50 bookings for one slot into 500s on a loaded 2-core machine. The
 * database's own statement timeout still bounds each statement.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export type DatabaseKind = 'postgresql' | 'pglite';

/**
 * The driver under Prisma, for the few libraries that speak SQL themselves (the pg-boss job queue). Anything that
 * can go through Prisma should.
 */
export type RawDatabase = { kind: 'postgresql'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };

/** An open database: the Prisma client the app uses plus what the app needs around it (migrate, ping, close). */
export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  raw: RawDatabase;
  /** Applies pending migrations; returns the names applied. */
  migrate(log?: (message: string) => void): Promise<string[]>;
  /** Round-trip time of a trivial query in ms; throws when the database does not answer. */
  ping(): Promise<number>;
  close(): Promise<void>;
}

export interface PostgresOptions {
  url: string;
  /** Pool size per process; the app's default suits 2 cores. */
  poolMax?: number;
  /** Server-side limits so a stuck query cannot hold a pooled connection for ever. */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  /**
   * Optional: a statement waiting this long for a row lock gives up (55P03 → 503) instead of holding a pooled
   * connection until the statement timeout. Off by default: bursts of bookings for one slot queue on the exclusion
   * constraint's lock by design, and must end in 409s, not 503s.
   */
  lockTimeoutMs?: number;
  applicationName?: string;
}

/** Opens a real PostgreSQL through a pg pool and Prisma's pg driver adapter. */
export function openPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    application_name: options.applicationName ?? 'ims-api',
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 30_000,
    ...(options.lockTimeoutMs ? { lock_timeout: options.lockTimeoutMs } : {}),
    // No JIT compilation: every statement here is short, and a report's estimate (many small index look-ups) crosses
    // jit_above_cost, whereupon compiling took longer than running it (370 ms of compiling for a 150 ms caseload).
    options: '-c jit=off',
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its server (a restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  return {
    kind: 'postgresql',
    prisma,
    raw: { kind: 'postgresql', pool },
    async migrate(log) {
      const client = await pool.connect();
      try {
        return (await applyMigrations(pgExecutor(client), { log })).applied;
      } finally {
        client.release();
      }
    },
    ping: () => timed(() => pool.query('select 1')),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export interface PgliteOptions {
  /** Data directory; omit for an in-memory database. */
  dataDir?: string;
}

/**
 * Opens an embedded PostgreSQL (PGlite, in-process WebAssembly) for zero-setup runs. Only one process may open a
 * data directory at a time.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', { extensions: pgliteExtensions() });
  const executor: SqlExecutor = pgliteExecutor(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  return {
    kind: 'pglite',
    prisma,
    raw: { kind: 'pglite', pglite },
    async migrate(log) {
      return (await applyMigrations(executor, { log })).applied;
    },
    ping: () => timed(() => pglite.query('select 1')),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return Math.round((performance.now() - started) * 100) / 100;
}

/**
 * The contrib extensions our migrations use. Loaded with require: their typings are ESM-only, but the package ships
 * CommonJS builds, which keeps this working under jest and in the compiled CommonJS app alike.
 */
export function pgliteExtensions() {
  const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as typeof import('@electric-sql/pglite/contrib/btree_gist', { with: { 'resolution-mode': 'import' } });
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as typeof import('@electric-sql/pglite/contrib/pg_trgm', { with: { 'resolution-mode': 'import' } });
  return { btree_gist, pg_trgm };
}
