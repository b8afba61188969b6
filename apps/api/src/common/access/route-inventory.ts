import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { RoleName } from '@ims/contracts';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWED_ROLES } from './access.decorators';

/** What a route declares about who may call it; `undeclared` is what the access test refuses. */
export type RouteAccess = { kind: 'public' } | { kind: 'roles'; roles: RoleName[] } | { kind: 'undeclared' };

export interface RouteEntry {
  method: string;
  /** Express-style path with the global prefix, e.g. /api/users/:id */
  path: string;
  controller: string;
  handler: string;
  access: RouteAccess;
}

/**
 * Every controller route of the application with its access declaration, read from Nest's metadata the same way the
 * AccessGuard reads it (handler first, then controller). Used by the route-access tests and the authorisation matrix.
 */
export function listRoutes(app: INestApplicationContext, globalPrefix = 'api'): RouteEntry[] {
  const scanner = new MetadataScanner();
  const routes: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      const basePaths = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (requestMethod === undefined) continue;
        const handlerPaths = asArray(Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined);
        for (const base of basePaths) {
          for (const sub of handlerPaths) {
            routes.push({
              method: RequestMethod[requestMethod],
              path: joinPath(globalPrefix, base, sub),
              controller: controller.name,
              handler: name,
              access: accessOf(handler, controller),
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function accessOf(handler: object, controller: object): RouteAccess {
  const read = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
  if (read<boolean>(IS_PUBLIC)) return { kind: 'public' };
  const roles = read<RoleName[]>(ALLOWED_ROLES);
  return roles ? { kind: 'roles', roles } : { kind: 'undeclared' };
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return ['/'];
  return Array.isArray(value) ? value : [value];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}
