import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DiffTarget, MigrationList } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };
import { DRIFT_ALLOWLIST, isAllowedDrift, type AllowedDriftEntry } from './drift-allowlist';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, MIGRATION_LOCK_CONTENT, readMigrationsDir } from './migrations-dir';
import { openSchemaEngine, takeSchemaEnginePanic } from './schema-engine';

export interface SchemaDiffOptions {
  /** Any database on the server; shadow databases (`ims_shadow_*`) are created from it and dropped afterwards. */
  url: string;
  migrationsDir?: string;
  schemaPath?: string;
}

/** The migrations folder as Prisma's CLI hands it to the schema engine. */
export function migrationListOf(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    // The engine refuses a folder without a lockfile; an empty folder (first migration) has none yet.
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : MIGRATION_LOCK_CONTENT,
    },
    shadowDbInitScript: '',
    migrationDirectories: readMigrationsDir(migrationsDir).map((migration) => ({
      path: migration.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: migration.bytes.toString('utf8') } },
    })),
  };
}

function engineErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return JSON.stringify(error);
}

/**
 * The SQL that would take a database built by replaying the migrations (on a shadow database) to what schema.prisma
 * describes: the body of the next migration. Empty when they agree.
 */
export async function diffMigrationsToSchema(options: SchemaDiffOptions): Promise<string> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  const schema = readFileSync(schemaPath, 'utf8');
  const { engine, logs, close } = await openSchemaEngine({ url: options.url, datamodels: [[schemaPath, schema]] });
  try {
    const from: DiffTarget = { tag: 'migrations', ...migrationListOf(migrationsDir) };
    const to: DiffTarget = { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] };
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const script = result.stdout ?? '';
    return splitSqlStatements(script).length === 0 ? '' : script;
  } catch (error) {
    const panic = takeSchemaEnginePanic();
    const engineLog = logs.length > 0 ? `\nSchema engine log:\n${logs.join('\n')}` : '';
    const reason = panic ? `panic: ${panic}` : engineErrorMessage(error);
    throw new Error(`Schema engine diff failed: ${reason}${engineLog}`);
  } finally {
    await close();
  }
}

/**
 * Splits a script written by the schema engine into statements. Its scripts end every statement with `;` at the end
 * of a line and put `-- Section` comments on lines of their own; comments are dropped.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of script.split(/\r?\n/)) {
    if (current.length === 0 && (line.trim() === '' || line.trimStart().startsWith('--'))) continue;
    current.push(line);
    if (line.trimEnd().endsWith(';')) {
      statements.push(current.join('\n').trim());
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest !== '') statements.push(rest);
  return statements;
}

export interface FindDriftOptions extends SchemaDiffOptions {
  allowList?: readonly AllowedDriftEntry[];
}

/** Statements of the migrations-to-schema diff that the allow-list does not expect: `[]` when they agree. */
export async function findDrift(options: FindDriftOptions): Promise<string[]> {
  const script = await diffMigrationsToSchema(options);
  return splitSqlStatements(script).filter((statement) => !isAllowedDrift(statement, options.allowList ?? DRIFT_ALLOWLIST));
}
