import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateUrl } from '../migrate/migration-runner';

// Test databases: a template migrated once per run, then one clone per test file (CREATE DATABASE ... TEMPLATE).
// TEST_DATABASE_URL only serves to create and drop databases named `ims_test_*`; nothing else on that server is
// ever touched, and the app's own DATABASE_URL is never read here.

export const TEST_DATABASE_PREFIX = 'ims_test_';
const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const TIME_DIGITS = 9;
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', '57P03']);

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

export interface TemplateDatabase extends TestDatabase {
  runId: string;
}

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** `url` of the test server pointing at `database`. */
export function testDatabaseUrlFor(database: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** A run id: the creation time in base 36 (so stale databases can be found by name) and a random part. */
export function newRunId(now = Date.now()): string {
  return now.toString(36).padStart(TIME_DIGITS, '0') + randomBytes(4).toString('hex').slice(0, 6);
}

/** When the run that created `name` started, or undefined for a name that is not ours. */
export function creationTimeOf(name: string): Date | undefined {
  const match = new RegExp(`^${TEST_DATABASE_PREFIX}([0-9a-z]{${TIME_DIGITS}})`).exec(name);
  if (!match) return undefined;
  const time = parseInt(match[1], 36);
  return Number.isFinite(time) ? new Date(time) : undefined;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable TEST_DATABASE_URL)';
  }
}

function notReachable(error: unknown): Error {
  const reason = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
  return new Error(
    `PostgreSQL is not reachable at ${redact(testDatabaseUrl())} (${reason}).\n` +
      'The database tests need a PostgreSQL 15 server they may create databases on:\n' +
      '  - with Docker: `docker compose up -d db` (see README), or\n' +
      '  - a local PostgreSQL 15,\n' +
      'then set TEST_DATABASE_URL=postgresql://USER[:PASSWORD]@HOST:PORT/postgres (a role with CREATEDB).',
    { cause: error },
  );
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && CONNECTION_ERROR_CODES.has(code)) throw notReachable(error);
    if (error instanceof AggregateError) throw notReachable(error);
    throw error;
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function assertOurs(name: string): void {
  if (!name.startsWith(TEST_DATABASE_PREFIX)) {
    throw new Error(`Refusing to touch database ${name}: test databases start with ${TEST_DATABASE_PREFIX}`);
  }
}

async function dropDatabase(name: string): Promise<void> {
  assertOurs(name);
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

function handle(name: string): TestDatabase {
  return { name, url: testDatabaseUrlFor(name), drop: () => dropDatabase(name) };
}

/** A new empty database `ims_test_<runId>_<suffix>`. */
export async function createEmptyDatabase(options: { runId?: string; suffix?: string } = {}): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${options.runId ?? newRunId()}_${options.suffix ?? randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return handle(name);
}

/** Creates `ims_test_<runId>_tpl` and applies every migration to it, once per run; its connection is closed. */
export async function createTemplateDatabase(
  options: { runId?: string; migrationsDir?: string } = {},
): Promise<TemplateDatabase> {
  const runId = options.runId ?? newRunId();
  const database = await createEmptyDatabase({ runId, suffix: 'tpl' });
  try {
    await migrateUrl(database.url, { migrationsDir: options.migrationsDir });
  } catch (error) {
    await database.drop().catch(() => undefined);
    throw error;
  }
  return { ...database, runId };
}

const SOURCE_IN_USE = '55006';
const CLONE_ATTEMPTS = 10;

/**
 * A new database copied from `templateName` (CREATE DATABASE ... TEMPLATE), named after the template's run so that
 * {@link dropDatabasesOfRun} finds it. Retries while another session briefly holds the template.
 */
export async function cloneDatabase(templateName: string): Promise<TestDatabase> {
  assertOurs(templateName);
  const base = templateName.replace(/_tpl$/, '');
  const name = `${base}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(templateName)}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== SOURCE_IN_USE || attempt >= CLONE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return handle(name);
}

async function listTestDatabases(): Promise<string[]> {
  return withAdmin(async (client) => {
    const result = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname`,
      [TEST_DATABASE_PREFIX],
    );
    return result.rows.map((row) => row.datname);
  });
}

/** Drops every database of the run `runId` (its template and clones); returns their names. */
export async function dropDatabasesOfRun(runId: string): Promise<string[]> {
  const prefix = `${TEST_DATABASE_PREFIX}${runId}_`;
  const names = (await listTestDatabases()).filter((name) => name.startsWith(prefix));
  for (const name of names) await dropDatabase(name);
  return names;
}

/** Drops test databases left behind by runs that started more than `olderThanHours` ago; returns their names. */
export async function dropStaleTestDatabases(olderThanHours = 6): Promise<string[]> {
  const cutoff = Date.now() - olderThanHours * 3_600_000;
  const stale = (await listTestDatabases()).filter((name) => {
    const created = creationTimeOf(name);
    return created !== undefined && created.getTime() < cutoff;
  });
  for (const name of stale) await dropDatabase(name);
  return stale;
}
