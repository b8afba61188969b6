import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import pg from 'pg';
import type { Database, Prisma, PrismaClient } from '@ims/prisma';
import { InjectDatabase, InjectPrisma } from './database.tokens';

const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;

/**
 * Row types as Prisma's raw queries give them, so callers can switch between the two: a `date` is UTC midnight and
 * a `timestamp without time zone` is read as UTC (pg's defaults would use the process's local zone).
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => new Date(`${value}T00:00:00Z`);
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * A migration that changes the columns a prepared statement returns makes every later execution of it on that
 * connection fail with this (PostgreSQL does not re-describe a statement already described to the client).
 */
const isStalePreparedStatement = (error: unknown) =>
  (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));

/** Names by statement text: the texts are the few shapes the callers build, hashing one costs more than looking it up. */
const names = new Map<string, string>();

/** A server-side statement name for a text: the same text always gets the same name, on every connection. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `ims_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= 1_000) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * One raw statement straight through the pg pool, for the hottest read paths (session lookup on every request,
 * front-desk search as you type): it saves Prisma's per-query work, about a third of a millisecond of CPU each, which
 * is what bounds throughput on a small server. Same `Prisma.sql` templates and parameters; on PGlite (demo mode) it
 * simply goes through Prisma.
 */
@Injectable()
export class FastSql {
  constructor(
    @InjectDatabase() private readonly database: Database,
    @InjectPrisma() private readonly prisma: PrismaClient,
  ) {}

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    const raw = this.database.raw;
    if (raw.kind !== 'postgresql') return this.prisma.$queryRaw<T[]>(query);
    const result = await raw.pool.query({ text: query.text, values: query.values as unknown[], types: TYPES });
    return result.rows as T[];
  }

  /**
   * As {@link rows}, as a named prepared statement: each pooled connection parses it once, and PostgreSQL may reuse
   * its plan (planning the search statement costs about as much as running it). Each distinct text stays prepared
   * on every connection for the connection's life, so only for statements whose text takes a few shapes, values
   * always as parameters, never spliced in.
   */
  async preparedRows<T>(query: Prisma.Sql): Promise<T[]> {
    const raw = this.database.raw;
    if (raw.kind !== 'postgresql') return this.prisma.$queryRaw<T[]>(query);
    const config = { name: statementName(query.text), text: query.text, values: query.values as unknown[], types: TYPES };
    // pool.query, not connect + query: it guards the borrowed connection against a server going away mid-query (an
    // unguarded client's 'error' event would end the process), and closes any connection whose statement failed.
    try {
      return (await raw.pool.query(config)).rows as T[];
    } catch (error) {
      if (!isStalePreparedStatement(error)) throw error;
      // The connection with the stale statement is gone with the error: prepare afresh on another one.
      return (await raw.pool.query(config)).rows as T[];
    }
  }
}
