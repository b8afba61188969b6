import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { openPostgres, type Database, type PrismaClient } from '@ims/prisma';
import { cloneDatabase } from '@ims/prisma/testing';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';

/** A fixed key for secrets at rest in tests (production takes APP_SECRET from the environment). */
export const TEST_APP_SECRET = 'test-app-secret-for-jest-only-0123456789abcdef';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  prisma: PrismaClient;
  database: Database;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The real Nest app over this test file's own PostgreSQL database, cloned from the run's migrated template.
 * Call once per file (beforeAll) and close in afterAll. Two-factor enforcement is off unless a test turns it on
 * (`{ MFA_REQUIRED_ROLES: 'admin,manager' }`, see test/http/mfa.spec.ts), so admins and managers sign in with a
 * password alone elsewhere.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = process.env.IMS_TEST_TEMPLATE_DB;
  if (!template) throw new Error('IMS_TEST_TEMPLATE_DB is not set: run the API tests through jest (globalSetup).');
  const clone = await cloneDatabase(template);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: clone.url, APP_SECRET: TEST_APP_SECRET, MFA_REQUIRED_ROLES: '', ...env });
  const database = openPostgres({ url: clone.url, poolMax: 5, applicationName: 'ims-api-test' });
  const app = await createApp(config, database);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    prisma: database.prisma,
    database,
    databaseUrl: clone.url,
    async close() {
      await app.close();
      await clone.drop();
    },
  };
}
