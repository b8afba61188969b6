import { Controller, Get, Module, Post, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { listRoutes } from '../../src/common/access/route-inventory';
import { Public } from '../../src/common/access/public.decorator';
import { Roles } from '../../src/common/access/access.decorators';
import { AccessGuard } from '../../src/common/access/access.guard';
import { ForbiddenError } from '../../src/common/problem/domain-errors';
import type { SessionsService } from '../../src/auth/sessions.service';
import { startTestApp, type TestApp } from '../support/test-app';

/** Secure by default: every route of the real app must say who may call it. */
describe('route access declarations', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  it('every route of the app declares @Public() or the roles allowed', () => {
    const routes = listRoutes(testApp.app);
    expect(routes.length).toBeGreaterThan(3);
    const undeclared = routes.filter((route) => route.access.kind === 'undeclared');
    expect(undeclared.map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`)).toEqual([]);
  });

  it('the only public routes are the ones meant to be', () => {
    const publicRoutes = listRoutes(testApp.app)
      .filter((route) => route.access.kind === 'public')
      .map((route) => `${route.method} ${route.path}`);
    const allowed = [
      /^GET \/api\/health$/,
      /^POST \/api\/auth\/login$/,
      /^GET \/api\/auth\/config$/,
      /^POST \/api\/auth\/password-reset\/(request|complete)$/,
      /^GET \/api\/clinicians\/:id\/calendar\.ics$/,
    ];
    expect(publicRoutes.filter((route) => !allowed.some((pattern) => pattern.test(route)))).toEqual([]);
  });

  it('the check catches a route added without a rule, and the guard refuses to serve it', async () => {
    @Controller('probe')
    class ProbeController {
      @Get('forgotten')
      forgotten() {
        return 'should never be served';
      }
      @Public()
      @Get('open')
      open() {
        return 'ok';
      }
      @Roles('admin')
      @Post('admin-only')
      adminOnly() {
        return 'ok';
      }
    }
    @Module({ controllers: [ProbeController] })
    class ProbeModule {}

    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    const routes = listRoutes(moduleRef);
    expect(routes.map((r) => [r.method, r.path, r.access.kind])).toEqual([
      ['POST', '/api/probe/admin-only', 'roles'],
      ['GET', '/api/probe/forgotten', 'undeclared'],
      ['GET', '/api/probe/open', 'public'],
    ]);

    // At run time the global guard denies an undeclared route before looking at any session.
    const guard = new AccessGuard(new Reflector(), {
      resolve: () => {
        throw new Error('the guard must not resolve a session for an undeclared route');
      },
    } as unknown as SessionsService);
    const handler = ProbeController.prototype.forgotten;
    const context = { getHandler: () => handler, getClass: () => ProbeController } as unknown as ExecutionContext;
    await expect(guard.canActivate(context)).rejects.toThrow(ForbiddenError);
    await moduleRef.close();
  });
});
