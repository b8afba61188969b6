import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_MIGRATIONS_DIR, readMigrationsDir, type MigrationOnDisk } from './migrations-dir';
import { pgExecutor, type SqlExecutor } from './sql-executor';

// Byte for byte the table Prisma Migrate creates (schema engine, PostgreSQL connector), so that a database migrated
// here is accepted by `prisma migrate deploy/status` and the other way round.
export const PRISMA_MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

/** The key Prisma Migrate takes with `pg_advisory_lock`, so our runner and Prisma's never migrate at the same time. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (message: string) => void;
}

export interface ApplyMigrationsResult {
  /** Names applied by this run, in order. */
  applied: string[];
  /** Names that were already applied before this run. */
  alreadyApplied: string[];
}

/** A migration failed, or the recorded history forbids going on. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName?: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

export function migrationChecksum(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// As Prisma's `script_matches_checksum`: tolerate changed line endings (git autocrlf), and recognise the checksums
// without zero padding that old Prisma versions recorded (prisma-engines#1887).
export function checksumMatches(recorded: string, bytes: Buffer): boolean {
  const script = bytes.toString('utf8');
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant).digest();
    const rendered =
      recorded.length !== 0 && recorded.length !== 64
        ? [...digest].map((byte) => byte.toString(16)).join('')
        : digest.toString('hex');
    return rendered === recorded;
  });
}

async function ensureMigrationsTable(executor: SqlExecutor): Promise<void> {
  const [row] = await executor.query<{ exists: string | null }>(
    `SELECT to_regclass('_prisma_migrations')::text AS exists`,
  );
  if (!row?.exists) await executor.exec(PRISMA_MIGRATIONS_TABLE_DDL);
}

function checkHistory(rows: MigrationRow[], onDisk: MigrationOnDisk[]): void {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(', ');
    const logs = failed.map((row) => `--- ${row.migration_name}\n${row.logs ?? '(no logs)'}`).join('\n');
    throw new MigrationError(
      `Refusing to migrate: migration ${names} failed earlier and was not rolled back. Fix the database by hand, ` +
        `then mark it rolled back (prisma migrate resolve --rolled-back <name>, or ` +
        `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL) ` +
        `and run again.\n${logs}`,
      failed[0].migration_name,
    );
  }
  const byName = new Map(onDisk.map((migration) => [migration.name, migration]));
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    const file = byName.get(row.migration_name);
    if (file && !checksumMatches(row.checksum, file.bytes)) {
      throw new MigrationError(
        `Refusing to migrate: migration ${row.migration_name} was modified after it was applied ` +
          `(recorded checksum ${row.checksum}, file ${migrationChecksum(file.bytes)}: ${file.file}). ` +
          `Never edit an applied migration: restore the file and write a new migration instead.`,
        row.migration_name,
      );
    }
  }
}

async function applyOne(executor: SqlExecutor, migration: MigrationOnDisk): Promise<void> {
  const id = randomUUID();
  const checksum = migrationChecksum(migration.bytes);
  // Recorded before the script runs and outside its transaction, as Prisma does, so a failure stays on record.
  await executor.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
    id,
    checksum,
    migration.name,
  ]);
  try {
    await executor.exec('BEGIN');
    await executor.exec(migration.bytes.toString('utf8'));
    // In the same transaction as the script: no window where it is applied but recorded as failed.
    await executor.query(
      `UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1`,
      [id],
    );
    await executor.exec('COMMIT');
  } catch (error) {
    await executor.exec('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    const detail = describePgError(error);
    const logs = `Migration ${migration.name} failed to apply.\n\nDatabase error:\n${message}${detail}`;
    await executor.query(`UPDATE _prisma_migrations SET logs = $1 WHERE id = $2`, [logs, id]);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}${detail}`, migration.name);
  }
}

function describePgError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { code, position, detail, where } = error as Record<string, unknown>;
  const parts = [
    code ? `SQLSTATE ${String(code)}` : '',
    position ? `position ${String(position)}` : '',
    detail ? `detail: ${String(detail)}` : '',
    where ? `where: ${String(where)}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/**
 * Applies the unapplied `<migrationsDir>/<timestamp>_<name>/migration.sql` files in order, keeping Prisma Migrate's
 * `_prisma_migrations` bookkeeping. Each migration runs in its own transaction under Prisma's advisory lock.
 * Refuses to go on after a failed migration or when an applied migration's file changed.
 */
export async function applyMigrations(
  executor: SqlExecutor,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = options.log ?? (() => undefined);
  const onDisk = readMigrationsDir(migrationsDir);

  await executor.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
  try {
    await ensureMigrationsTable(executor);
    const rows = await executor.query<MigrationRow>(
      `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs
         FROM _prisma_migrations ORDER BY started_at, migration_name`,
    );
    checkHistory(rows, onDisk);

    const done = new Set(rows.filter((row) => row.rolled_back_at === null).map((row) => row.migration_name));
    const alreadyApplied = onDisk.filter((migration) => done.has(migration.name)).map((m) => m.name);
    const pending = onDisk.filter((migration) => !done.has(migration.name));
    const applied: string[] = [];
    for (const migration of pending) {
      log(`Applying migration ${migration.name}`);
      await applyOne(executor, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied };
  } finally {
    await executor.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => undefined);
  }
}

/** Opens one connection to `url`, applies the pending migrations, closes it. */
export async function migrateUrl(url: string, options: ApplyMigrationsOptions = {}): Promise<ApplyMigrationsResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations(pgExecutor(client), options);
  } finally {
    await client.end();
  }
}
