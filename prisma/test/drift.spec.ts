import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_SCHEMA_PATH } from '../src/migrate/migrations-dir';
import { diffMigrationsToSchema, findDrift, splitSqlStatements } from '../src/migrate/schema-diff';
import { createEmptyDatabase, testDatabaseUrl, type TestDatabase } from '../src/testing/test-databases';
import { copyMigrations } from './helpers';

async function shadowDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'ims\\_shadow\\_%'`,
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe('schema.prisma vs migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    // The engine's main connection; shadow databases are created from it on the same server.
    db = await createEmptyDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('agree: replaying the migrations gives what schema.prisma describes', async () => {
    const before = await shadowDatabases();
    expect(await findDrift({ url: db.url })).toEqual([]);
    // The shadow database is gone once the diff is done (other suites may be diffing at the same time).
    expect((await shadowDatabases()).filter((name) => !before.includes(name))).toEqual([]);
  });

  it('detects a field and a model added to schema.prisma without a migration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ims-schema-'));
    try {
      const schemaPath = path.join(dir, 'schema.prisma');
      const schema = readFileSync(DEFAULT_SCHEMA_PATH, 'utf8')
        .replace(/(model Patient \{\n)/, '$1  nickname String?\n')
        .concat('\nmodel Referral {\n  id     String @id @db.Uuid\n  source String\n\n  @@map("referral")\n}\n');
      writeFileSync(schemaPath, schema);

      const drift = await findDrift({ url: db.url, schemaPath });
      expect(drift).toEqual(
        expect.arrayContaining([
          'ALTER TABLE "patient" ADD COLUMN     "nickname" TEXT;',
          expect.stringMatching(/^CREATE TABLE "referral" \(\n\s+"id" UUID NOT NULL,\n\s+"source" TEXT NOT NULL,/),
        ]),
      );
      expect(drift).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tolerates what the allow-list expects from hand-written migrations, and nothing more', async () => {
    const copy = copyMigrations();
    try {
      // An exclusion constraint, a CHECK, a plpgsql trigger function (`;` inside $$) and a trigram index.
      copy.add('29990101000000_hand_written', readFileSync(path.join(__dirname, 'fixtures/hand-written/migration.sql'), 'utf8'));
      const script = await diffMigrationsToSchema({ url: db.url, migrationsDir: copy.dir });
      expect(splitSqlStatements(script)).toEqual(['DROP INDEX "fixture_patient_last_name_trgm";']);
      expect(await findDrift({ url: db.url, migrationsDir: copy.dir })).toEqual([]);

      copy.add('29990102000000_unexpected', 'CREATE INDEX "patient_email_idx" ON "patient" ("email");\n');
      expect(await findDrift({ url: db.url, migrationsDir: copy.dir })).toEqual(['DROP INDEX "patient_email_idx";']);
    } finally {
      copy.remove();
    }
  });
});

describe('splitSqlStatements', () => {
  it('splits a schema engine script into statements without its section comments', () => {
    const script = '-- CreateEnum\nCREATE TYPE "a" AS ENUM (\'x\');\n\n-- CreateTable\nCREATE TABLE "t" (\n    "id" INT\n);\n';
    expect(splitSqlStatements(script)).toEqual(['CREATE TYPE "a" AS ENUM (\'x\');', 'CREATE TABLE "t" (\n    "id" INT\n);']);
    expect(splitSqlStatements('-- This is an empty migration.')).toEqual([]);
  });
});
