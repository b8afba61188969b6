import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { PrismaClient } from '@ims/prisma';
import { listRoutes, type RouteEntry } from '../../src/common/access/route-inventory';

/** A route with the zod contracts its handler validates its body and query with (read from the DTO classes). */
export interface FuzzRoute extends RouteEntry {
  body?: unknown;
  query?: unknown;
}

/**
 * Every route of the app with its body and query contracts: the handler's `@Body()`/`@Query()` parameters are
 * nestjs-zod DTO classes that carry their schema. A route whose body is not a DTO (or that takes none) gets
 * `body: undefined` and is fuzzed with shapeless hostile bodies.
 */
export function fuzzRoutes(app: INestApplicationContext): FuzzRoute[] {
  const controllers = new Map<string, new (...args: never[]) => unknown>();
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) controllers.set(wrapper.metatype.name, wrapper.metatype as new (...args: never[]) => unknown);
  return listRoutes(app).map((route) => {
    const controller = controllers.get(route.controller);
    if (!controller) return route;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, route.handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
    const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, route.handler) ?? []) as Array<{ schema?: unknown } | undefined>;
    const schemaOf = (kind: RouteParamtypes) => {
      const entry = Object.entries(args).find(([key, arg]) => key.split(':')[0] === String(kind) && arg.data === undefined);
      return entry ? types[entry[1].index]?.schema : undefined;
    };
    return { ...route, body: schemaOf(RouteParamtypes.BODY), query: schemaOf(RouteParamtypes.QUERY) };
  });
}

/**
 * Left out of every write check: a session's last-seen time is touched every few minutes by whichever request comes
 * along, refused or not.
 */
export const TABLES_TOUCHED_BY_ANY_REQUEST = ['auth_session'];

/**
 * What a refused credential check writes by design: a wrong password (login, password change) or code is counted in
 * login_failure for throttling and recorded in the audit trail. Ignored only for /api/auth routes; a refusal anywhere
 * else that writes an audit event fails the check.
 */
export const TABLES_WRITTEN_BY_FAILED_CREDENTIALS = ['audit_event', 'login_failure'];

/** The tables a refusal of this route may legitimately change. */
export function tablesARefusalMayWrite(path: string): string[] {
  return path.startsWith('/api/auth/') ? TABLES_WRITTEN_BY_FAILED_CREDENTIALS : [];
}

export type WriteSnapshot = Record<string, string>;

/**
 * A fingerprint of every application table in one query: the row count (inserts, deletes) and the newest row
 * version's transaction id (`xmin`, which every insert and update sets). Equal fingerprints: nothing was written.
 */
export async function writeSnapshotter(prisma: PrismaClient): Promise<() => Promise<WriteSnapshot>> {
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const watched = tables.map((t) => t.name).filter((name) => !TABLES_TOUCHED_BY_ANY_REQUEST.includes(name));
  const sql = watched.map((name) => `SELECT '${name}' AS name, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text AS print FROM "${name}"`).join(' UNION ALL ');
  return async () => {
    const rows = await prisma.$queryRawUnsafe<Array<{ name: string; print: string }>>(sql);
    return Object.fromEntries(rows.map((row) => [row.name, row.print]));
  };
}

/** The tables whose fingerprint differs between two snapshots, apart from `allowed`. */
export function changedTables(before: WriteSnapshot, after: WriteSnapshot, allowed: string[] = []): string[] {
  return Object.keys(after).filter((name) => before[name] !== after[name] && !allowed.includes(name));
}
