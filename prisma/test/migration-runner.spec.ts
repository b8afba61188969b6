import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  applyMigrations,
  checksumMatches,
  migrateUrl,
  migrationChecksum,
  PRISMA_MIGRATIONS_TABLE_DDL,
} from '../src/migrate/migration-runner';
import { DEFAULT_MIGRATIONS_DIR, readMigrationsDir } from '../src/migrate/migrations-dir';
import { pgliteExecutor } from '../src/migrate/sql-executor';
import { createEmptyDatabase, type TestDatabase } from '../src/testing/test-databases';
import { copyMigrations } from './helpers';

const migrations = readMigrationsDir(DEFAULT_MIGRATIONS_DIR);
const initName = migrations[0].name;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const bookkeeping = (url: string) =>
  query<MigrationRow>(url, 'SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name');

describe('applyMigrations on PostgreSQL', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  it('applies the init migration to a fresh database, then nothing on a second run', async () => {
    expect(initName).toMatch(/^\d{14}_init$/);
    const first = await migrateUrl(db.url);
    expect(first.applied).toEqual(migrations.map((m) => m.name));

    const [row] = await bookkeeping(db.url);
    expect(row).toMatchObject({ migration_name: initName, applied_steps_count: 1, logs: null, rolled_back_at: null });
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.checksum).toBe(createHash('sha256').update(readFileSync(migrations[0].file)).digest('hex'));
    const tables = await query<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['appointment', 'patient', 'clinic']));
    const extensions = await query<{ extname: string }>(db.url, `SELECT extname FROM pg_extension ORDER BY 1`);
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['btree_gist', 'pg_trgm']));

    const second = await migrateUrl(db.url);
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });
    expect(await bookkeeping(db.url)).toHaveLength(migrations.length);
  });

  it('lets only one of two concurrent runs apply (advisory lock)', async () => {
    const [a, b] = await Promise.all([migrateUrl(db.url), migrateUrl(db.url)]);
    expect([...a.applied, ...b.applied]).toEqual(migrations.map((m) => m.name));
    expect(await bookkeeping(db.url)).toHaveLength(migrations.length);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const copy = copyMigrations();
    try {
      await migrateUrl(db.url, { migrationsDir: copy.dir });
      appendFileSync(path.join(copy.dir, initName, 'migration.sql'), '\n-- edited afterwards\n');
      await expect(migrateUrl(db.url, { migrationsDir: copy.dir })).rejects.toThrow(
        new RegExp(`migration ${initName} was modified after it was applied`),
      );
    } finally {
      copy.remove();
    }
  });

  it('records a failed migration with its logs, rolls it back and blocks further runs until resolved', async () => {
    const copy = copyMigrations();
    try {
      const broken = '29990101000000_broken';
      const file = copy.add(broken, 'CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n');
      await expect(migrateUrl(db.url, { migrationsDir: copy.dir })).rejects.toThrow(
        /Migration 29990101000000_broken failed: relation "no_such_table" does not exist/,
      );

      const rows = await bookkeeping(db.url);
      expect(rows.map((r) => r.migration_name)).toEqual([...migrations.map((m) => m.name), broken]);
      const failed = rows[rows.length - 1];
      expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
      expect(failed.logs).toContain('relation "no_such_table" does not exist');
      const halfDone = await query(db.url, `SELECT to_regclass('half_done') AS t`);
      expect(halfDone).toEqual([{ t: null }]);

      // A failed migration blocks every later run until someone marks it rolled back (as with Prisma).
      writeFileSync(file, 'CREATE TABLE "half_done" (id int);\n');
      await expect(migrateUrl(db.url, { migrationsDir: copy.dir })).rejects.toThrow(
        /migration 29990101000000_broken failed earlier and was not rolled back/,
      );

      await query(db.url, `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1`, [broken]);
      const result = await migrateUrl(db.url, { migrationsDir: copy.dir });
      expect(result.applied).toEqual([broken]);
      const attempts = (await bookkeeping(db.url)).filter((r) => r.migration_name === broken);
      expect(attempts).toHaveLength(2);
      expect(attempts[1].finished_at).toBeInstanceOf(Date);
    } finally {
      copy.remove();
    }
  });

  it('keeps _prisma_migrations exactly as Prisma Migrate creates it', async () => {
    // Prisma's own DDL, read out of the schema engine it ships.
    const wasm = readFileSync(
      path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm'),
    ).toString('latin1');
    const start = wasm.indexOf('CREATE TABLE _prisma_migrations (\n');
    expect(start).toBeGreaterThan(-1);
    const prismaDdl = wasm.slice(start, wasm.indexOf('\n)', start) + 2);
    expect(PRISMA_MIGRATIONS_TABLE_DDL).toBe(`${prismaDdl};`);

    await migrateUrl(db.url);
    const columns = await query(
      db.url,
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', character_maximum_length: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', character_maximum_length: 64, is_nullable: 'NO', column_default: null },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'migration_name', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'logs', data_type: 'text', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', character_maximum_length: null, is_nullable: 'NO', column_default: 'now()' },
      { column_name: 'applied_steps_count', data_type: 'integer', character_maximum_length: null, is_nullable: 'NO', column_default: '0' },
    ]);
    const [pk] = await query<{ def: string }>(
      db.url,
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass`,
    );
    expect(pk.def).toBe('PRIMARY KEY (id)');
  });
});

describe('applyMigrations on PGlite', () => {
  it('migrates an in-memory PGlite with btree_gist and pg_trgm', async () => {
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const db = await PGlite.create({ extensions: { btree_gist, pg_trgm } });
    try {
      const executor = pgliteExecutor(db);
      const first = await applyMigrations(executor);
      expect(first.applied).toEqual(migrations.map((m) => m.name));
      const rows = await executor.query<MigrationRow>('SELECT * FROM _prisma_migrations');
      expect(rows).toHaveLength(migrations.length);
      expect(rows[0].finished_at).toBeInstanceOf(Date);
      expect(rows[0].applied_steps_count).toBe(1);
      expect((await applyMigrations(executor)).applied).toEqual([]);
      const [clinic] = await executor.query<{ n: number }>('SELECT count(*)::int AS n FROM clinic');
      expect(clinic.n).toBe(0);
    } finally {
      await db.close();
    }
  });
});

describe('checksums (as Prisma computes and compares them)', () => {
  it('is the zero-padded sha256 hex of the file', () => {
    expect(migrationChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('tolerates changed line endings and legacy unpadded checksums, nothing else', () => {
    const unix = Buffer.from('ab\ncd\nef\n');
    const windows = Buffer.from('ab\r\ncd\r\nef\r\n');
    expect(checksumMatches(migrationChecksum(unix), windows)).toBe(true);
    expect(checksumMatches(migrationChecksum(windows), unix)).toBe(true);
    // A script whose digest has bytes below 0x10, so the legacy (unpadded) rendering really is shorter than 64.
    const legacyScript = Buffer.from('ab\ncd\nef\ngh\n');
    const digest = createHash('sha256').update(legacyScript).digest();
    const legacy = [...digest].map((byte) => byte.toString(16)).join('');
    expect(legacy.length).toBeLessThan(64);
    expect(checksumMatches(legacy, legacyScript)).toBe(true);
    expect(checksumMatches(migrationChecksum('abc'), Buffer.from('abc\n'))).toBe(false);
  });
});
