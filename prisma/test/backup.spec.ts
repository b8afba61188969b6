import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { backupDatabase, publicTables, restoreDatabase, RestoreTargetNotEmptyError } from '../src/backup/pg-backup';
import { openPostgres } from '../src/client/open-database';
import { seedDemoClinic } from '../src/seed/demo-clinic';
import { createEmptyDatabase, createTemplateDatabase, type TemplateDatabase, type TestDatabase } from '../src/testing/test-databases';

/** Every table's row count and an md5 of all its rows in a stable order: equal fingerprints mean identical rows. */
async function tableFingerprints(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    for (const table of await publicTables(url)) {
      const { rows } = await client.query<{ n: string; digest: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`,
      );
      result[table] = `${rows[0].n}:${rows[0].digest ?? ''}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

describe('db:backup and db:restore', () => {
  let source: TemplateDatabase;
  let target: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    source = await createTemplateDatabase();
    const database = openPostgres({ url: source.url, poolMax: 2 });
    try {
      await seedDemoClinic(database.prisma, { now: new Date('2026-11-24T20:00:00Z'), patientCount: 60 });
    } finally {
      await database.close();
    }
    target = await createEmptyDatabase({ suffix: 'restore' });
    dir = mkdtempSync(path.join(os.tmpdir(), 'ims-backup-'));
  }, 120_000);

  afterAll(async () => {
    await target?.drop();
    await source?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup into a new database with every table row for row identical', async () => {
    const file = path.join(dir, 'demo.dump');
    await backupDatabase(source.url, file);
    await restoreDatabase(target.url, file);
    const before = await tableFingerprints(source.url);
    const after = await tableFingerprints(target.url);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['patient', 'appointment', 'visit_note', 'visit_site', 'audit_event', '_prisma_migrations']));
    expect(Number(before.visit_note.split(':')[0])).toBeGreaterThan(0);
    expect(after).toEqual(before);

    // The restored database keeps its guards: a signed note still refuses changes.
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await expect(client.query(`UPDATE visit_note SET subjective = 'tampered' WHERE status = 'signed'`)).rejects.toThrow(/signed/);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('refuses to restore over a database that already holds tables, changing nothing', async () => {
    const file = path.join(dir, 'again.dump');
    await backupDatabase(source.url, file);
    const before = await tableFingerprints(source.url);
    await expect(restoreDatabase(source.url, file)).rejects.toBeInstanceOf(RestoreTargetNotEmptyError);
    expect(await tableFingerprints(source.url)).toEqual(before);
  }, 120_000);
});
