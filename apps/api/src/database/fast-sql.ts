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
}
