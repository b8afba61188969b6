import pg from 'pg';
import {
  cloneDatabase,
  createEmptyDatabase,
  createTemplateDatabase,
  creationTimeOf,
  dropDatabasesOfRun,
  dropStaleTestDatabases,
  newRunId,
  testDatabaseUrl,
} from '../src/testing/test-databases';

async function databaseNames(): Promise<string[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe('test databases', () => {
  it('migrates a template once, clones it in parallel, and drops the whole run', async () => {
    const template = await createTemplateDatabase();
    expect(template.name).toBe(`ims_test_${template.runId}_tpl`);
    try {
      const clones = await Promise.all([cloneDatabase(template.name), cloneDatabase(template.name)]);
      for (const clone of clones) {
        expect(clone.name).toMatch(new RegExp(`^ims_test_${template.runId}_`));
        const client = new pg.Client({ connectionString: clone.url });
        await client.connect();
        const { rows } = await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
        await client.end();
        expect(rows.length).toBeGreaterThan(0);
      }
      await clones[0].drop();
      expect(await databaseNames()).not.toContain(clones[0].name);
    } finally {
      const dropped = await dropDatabasesOfRun(template.runId);
      expect(dropped).toContain(template.name);
    }
    expect((await databaseNames()).filter((name) => name.includes(template.runId))).toEqual([]);
  });

  it('finds stale databases by the time in their name', async () => {
    const now = Date.now();
    expect(creationTimeOf(`ims_test_${newRunId(now)}_tpl`)?.getTime()).toBe(now);
    expect(creationTimeOf('postgres')).toBeUndefined();

    const old = await createEmptyDatabase({ runId: newRunId(now - 7 * 3_600_000) });
    const fresh = await createEmptyDatabase();
    try {
      const dropped = await dropStaleTestDatabases(6);
      expect(dropped).toContain(old.name);
      expect(dropped).not.toContain(fresh.name);
    } finally {
      await old.drop();
      await fresh.drop();
    }
  });

  it('says how to get a PostgreSQL when there is none', async () => {
    const saved = process.env.TEST_DATABASE_URL;
    process.env.TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/postgres';
    try {
      await expect(createEmptyDatabase()).rejects.toThrow(/docker compose up -d db[\s\S]*PostgreSQL 15[\s\S]*TEST_DATABASE_URL/);
    } finally {
      if (saved === undefined) delete process.env.TEST_DATABASE_URL;
      else process.env.TEST_DATABASE_URL = saved;
    }
  });
});
