import { Injectable } from '@nestjs/common';
import Cursor from 'pg-cursor';
import { Prisma, type Database, type PrismaClient } from '@ims/prisma';
import { InjectDatabase, InjectPrisma } from '../database/database.tokens';
import { FastSql } from '../database/fast-sql';
import type { RowQuery } from './drilldown-rows';

/** Rows fetched per round trip while exporting: small enough to keep memory flat, large enough to keep it fast. */
const BATCH = 1000;

/**
 * How long one export may stream. A cursor read batch by batch is ONE statement to PostgreSQL, so the pool's
 * statement timeout (15 s by default) would cut a year of a chain's sessions short; an export gets this instead,
 * on its own connection only, and the connection is reset before it goes back to the pool.
 */
const EXPORT_STATEMENT_TIMEOUT_MS = 10 * 60_000;

/** Rows read lazily from the database; `close` frees the connection (safe to call more than once). */
export interface RowStream<T> {
  rows: AsyncIterable<T>;
  close(): Promise<void>;
}

const fullSql = (query: RowQuery) => Prisma.sql`WITH ${query.with} SELECT ${query.select} FROM ${query.from} ORDER BY ${query.orderBy}`;

/**
 * Runs report statements. Aggregates and pages go straight through the pg pool (Prisma on PGlite, the demo's embedded
 * database). Exports stream: on PostgreSQL through a server-side cursor on one pooled connection, BATCH rows at a
 * time as the client reads, so a year of a chain's appointments never sits in the API's memory; on PGlite by pages.
 * Every column a report selects is text, int, float8 or boolean, so both drivers return the same JavaScript values.
 */
@Injectable()
export class ReportRows {
  constructor(
    @InjectDatabase() private readonly database: Database,
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly fastSql: FastSql,
  ) {}

  /**
   * The rows of one statement (one snapshot: a single statement needs no transaction; JIT is off for the pool), as a
   * prepared statement: a report's text takes a few shapes (scope and filters are parameters), and a month's caseload
   * then skips about 2 of its 15 ms of planning and parsing.
   */
  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    return this.fastSql.preparedRows<T>(query);
  }

  /** One page of a drill-down and the number of rows it has in all (the same FROM and WHERE). */
  async page<T>(query: RowQuery, page: number, pageSize: number): Promise<{ items: T[]; total: number }> {
    const [items, total] = await Promise.all([
      this.rows<T>(Prisma.sql`${fullSql(query)} LIMIT ${pageSize}::int OFFSET ${(page - 1) * pageSize}::int`),
      this.count(query),
    ]);
    return { items, total };
  }

  async count(query: RowQuery): Promise<number> {
    const [row] = await this.rows<{ total: number }>(Prisma.sql`WITH ${query.with} SELECT count(*)::int AS total FROM (SELECT 1 FROM ${query.from}) counted`);
    return row?.total ?? 0;
  }

  /**
   * Opens the rows of `query` for streaming. The first batch is read before this returns, so a failing statement is
   * an ordinary error (a problem+json answer) rather than a download cut short.
   */
  async open<T>(query: RowQuery): Promise<RowStream<T>> {
    const statement = fullSql(query);
    const raw = this.database.raw;
    if (raw.kind !== 'postgresql') {
      const pageAt = (offset: number) => this.prisma.$queryRaw<T[]>(Prisma.sql`${statement} LIMIT ${BATCH}::int OFFSET ${offset}::int`);
      let offset = 0;
      const first = await pageAt(offset);
      return streamOf(first, () => pageAt((offset += BATCH)), async () => undefined);
    }
    const client = await raw.pool.connect();
    let cursor: Cursor<T>;
    let first: T[];
    try {
      await client.query(`SET statement_timeout = ${EXPORT_STATEMENT_TIMEOUT_MS}`);
      cursor = client.query(new Cursor<T>(statement.text, statement.values as unknown[]));
      first = await cursor.read(BATCH);
    } catch (error) {
      // A connection whose statement failed is closed rather than reused (as pool.query does).
      client.release(error as Error);
      throw error;
    }
    return streamOf(
      first,
      () => cursor.read(BATCH),
      async (failure) => {
        if (failure) {
          client.release(failure);
          return;
        }
        const reset = await cursor
          .close()
          .then(() => client.query('RESET statement_timeout'))
          .then(() => undefined, (error: Error) => error);
        // A connection that could not be reset to the pool's timeout is closed rather than reused.
        client.release(reset);
      },
    );
  }
}

/** Batches as one sequence of rows, closed once: when read to the end, on a failure, or by an early `close()`. */
function streamOf<T>(first: T[], next: () => Promise<T[]>, release: (failure?: Error) => Promise<void>): RowStream<T> {
  let closed: Promise<void> | undefined;
  const close = (failure?: Error) => (closed ??= release(failure));
  async function* rows(): AsyncGenerator<T> {
    let failure: Error | undefined;
    try {
      let batch = first;
      while (batch.length > 0) {
        yield* batch;
        if (batch.length < BATCH) break;
        batch = await next();
      }
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      await close(failure);
    }
  }
  return { rows: rows(), close: () => close() };
}
