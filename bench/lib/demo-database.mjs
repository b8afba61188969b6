import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateUrl, openPostgres } from '@ims/prisma';
import { seedDemoClinic } from '@ims/prisma/seeds';

// A database of the bench's own holding the demo clinic (what `npm run db:migrate && npm run db:seed` make): the
// demo logins, two clinics, ~200 patients, plans, visits and weeks of appointments around today. Created on the
// server of `serverUrl` (the shared test server, or a throwaway cluster), named ims_bench_*, dropped at the end.

export const DEFAULT_SERVER_URL = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates, migrates and seeds the database; `drop()` removes it, closing whatever is still connected. */
export async function createDemoDatabase({ serverUrl = DEFAULT_SERVER_URL, log = () => undefined } = {}) {
  const name = `ims_bench_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(serverUrl, name);
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    await migrateUrl(url, { log: () => undefined });
    const database = openPostgres({ url, applicationName: 'ims-bench-seed' });
    try {
      const summary = await seedDemoClinic(database.prisma, { log: () => undefined });
      log(`database ${name}: migrated and seeded (${summary.patients} patients, ${summary.appointments} appointments)`);
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { name, url, drop };
}
