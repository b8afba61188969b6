import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Backups are plain pg_dump custom-format archives: any PostgreSQL operator can restore them without this app. */
export async function backupDatabase(url: string, file: string): Promise<void> {
  // --no-owner: the restoring role owns what it restores. Grants to the runtime role ims_app are kept.
  await run('pg_dump', ['--format=custom', '--compress=6', '--no-owner', `--file=${file}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
}

/** Names of the tables in the target's public schema (empty for a new database). */
export async function publicTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** The archive grants rights to ims_app (see the first migration); roles are cluster-wide, so a new cluster lacks it. */
async function ensureRuntimeRole(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ims_app') THEN CREATE ROLE ims_app NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  } finally {
    await client.end();
  }
}

export class RestoreTargetNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(`the target database already holds ${tables.length} table(s) (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', ...' : ''}); restore into a new, empty database`);
  }
}

/**
 * Restores an archive into an EMPTY database, in one transaction (all or nothing). Restoring over live data is refused:
 * a clinic's records must never be silently replaced; create a new database, restore, check, then switch to it.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const existing = await publicTables(url);
  if (existing.length > 0) throw new RestoreTargetNotEmptyError(existing);
  await ensureRuntimeRole(url);
  await run('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', `--dbname=${url}`, file], { maxBuffer: 16 * 1024 * 1024 });
}
