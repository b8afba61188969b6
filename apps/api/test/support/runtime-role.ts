import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { openPostgres } from '@ims/prisma';
import { cloneDatabase, testDatabaseUrl } from '@ims/prisma/testing';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import type { TestApp } from './test-app';

/**
 * A throwaway LOGIN role that is a member of ims_app, as production's runtime role is (docs/operations.md): it owns
 * nothing, so it holds only what the migrations granted to ims_app. Roles are cluster-wide: drop it after the file.
 */
export interface RuntimeRole {
  name: string;
  /** `url` (a test database URL) with this role's credentials instead of the owner's. */
  urlFor(url: string): string;
  drop(): Promise<void>;
}

async function asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createRuntimeRole(): Promise<RuntimeRole> {
  const name = `ims_test_app_${randomBytes(4).toString('hex')}`;
  // A password too, so this also works where the test server does not trust local connections.
  const password = randomBytes(18).toString('base64url');
  await asOwner((client) => client.query(`CREATE ROLE "${name}" LOGIN PASSWORD '${password}' IN ROLE ims_app`));
  return {
    name,
    urlFor(url) {
      const parsed = new URL(url);
      parsed.username = name;
      parsed.password = password;
      return parsed.toString();
    },
    drop: () => asOwner((client) => client.query(`DROP ROLE IF EXISTS "${name}"`)).then(() => undefined),
  };
}

/**
 * Like startTestApp, but the app connects as `role`, the way it runs in production; `prisma` is the app's own
 * (role) connection. `ownerUrl` reaches the same database as the owner, for setup the role may not do.
 */
export async function startTestAppAsRole(role: RuntimeRole, env: Record<string, string> = {}): Promise<TestApp & { ownerUrl: string }> {
  const template = process.env.IMS_TEST_TEMPLATE_DB;
  if (!template) throw new Error('IMS_TEST_TEMPLATE_DB is not set: run the API tests through jest (globalSetup).');
  const clone = await cloneDatabase(template);
  const url = role.urlFor(clone.url);
  // As in production, schema changes (here: the job queue's schema) go through the owner's connection.
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, MIGRATION_DATABASE_URL: clone.url, ...env });
  const database = openPostgres({ url, poolMax: 3, applicationName: 'ims-api-test-runtime-role' });
  const app = await createApp(config, database);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    prisma: database.prisma,
    database,
    databaseUrl: url,
    ownerUrl: clone.url,
    async close() {
      await app.close();
      await clone.drop();
    },
  };
}
