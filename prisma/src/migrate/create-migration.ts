import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, MIGRATION_LOCK_CONTENT } from './migrations-dir';
import { diffMigrationsToSchema } from './schema-diff';

export interface CreateMigrationOptions {
  /** Free text; becomes the snake_case part of the directory name. */
  name: string;
  /** Any database on the server to create the shadow database from. */
  url: string;
  migrationsDir?: string;
  schemaPath?: string;
  /** Write an empty migration for hand-written SQL instead of the schema diff. */
  empty?: boolean;
  now?: Date;
}

export interface CreatedMigration {
  name: string;
  file: string;
  sql: string;
}

export function snakeCase(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (snake === '') throw new Error(`Migration name "${name}" has no letters or digits`);
  return snake;
}

/** `yyyymmddHHMMSS` in UTC, as Prisma names migration directories. */
export function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Writes `<migrationsDir>/<timestamp>_<name>/migration.sql` with the SQL that brings the migrations up to
 * schema.prisma (and `migration_lock.toml` when missing). Returns null, writing nothing, when there is no change.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration | null> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const sql = options.empty
    ? '-- Hand-written migration: add its objects to src/migrate/drift-allowlist.ts if schema.prisma cannot express them.\n'
    : await diffMigrationsToSchema({
        url: options.url,
        migrationsDir,
        schemaPath: options.schemaPath ?? DEFAULT_SCHEMA_PATH,
      });
  if (sql === '') return null;

  const name = `${migrationTimestamp(options.now ?? new Date())}_${snakeCase(options.name)}`;
  const dir = path.join(migrationsDir, name);
  if (existsSync(dir)) throw new Error(`Migration directory ${dir} already exists`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'migration.sql');
  writeFileSync(file, sql);
  const lockFile = path.join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockFile)) writeFileSync(lockFile, MIGRATION_LOCK_CONTENT);
  return { name, file, sql };
}
