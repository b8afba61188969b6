import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Rows for PostgreSQL's COPY (text format) and the bulk-load routine around it. COPY streams rows with no statement
 * per row; building a table's indexes, exclusion constraints and foreign keys once after the load is several times
 * faster than maintaining them row by row (what pg_restore does too).
 */

/** A column value. jsonb columns take their JSON text (a string), so an array is always a PostgreSQL array. */
export type CopyValue = string | number | boolean | Date | null | undefined | ReadonlyArray<string | number>;

const SPECIAL = /[\\\t\n\r]/;
const escapeText = (text: string) =>
  SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;

/** A PostgreSQL array literal: `{"a","b \"c\""}` for text (and enums, uuids), `{1,2}` for numbers. */
const arrayLiteral = (items: ReadonlyArray<string | number>) =>
  `{${items.map((item) => (typeof item === 'number' ? String(item) : `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;

/** One value in COPY text form: \N for null, ISO instants, t/f, array literals. */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escapeText(arrayLiteral(value));
}

/** Rows of one table waiting to be copied; every row copied also feeds the run's digest (same rows, same digest). */
export class CopyBuffer {
  private lines: string[] = [];
  rows = 0;
  /** Time spent in COPY (the database's side of the load), for the summary. */
  copyMs = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    private readonly digest: Hash,
  ) {}

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    let line = copyText(values[0]);
    for (let i = 1; i < values.length; i += 1) line += `\t${copyText(values[i])}`;
    this.lines.push(line);
    this.rows += 1;
  }

  get pending(): number {
    return this.lines.length;
  }

  /** Streams the waiting rows into the table with one COPY and forgets them. */
  async flush(client: pg.Client): Promise<void> {
    if (this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    const started = Date.now();
    const stream = client.query(copyFrom(`COPY "${this.table}" (${this.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(chunks(lines, (chunk) => this.digest.update(this.table).update(chunk))), stream);
    this.copyMs += Date.now() - started;
  }
}

/** The rows as text in chunks of 2,000 lines, each also fed to `seen` (the digest). */
function* chunks(lines: string[], seen: (chunk: string) => void): Generator<string> {
  for (let i = 0; i < lines.length; i += 2_000) {
    const chunk = `${lines.slice(i, i + 2_000).join('\n')}\n`;
    seen(chunk);
    yield chunk;
  }
}

export function newDigest(): Hash {
  return createHash('sha256');
}

interface SuspendedObject {
  table: string;
  name: string;
  definition: string;
  kind: 'constraint' | 'index' | 'foreign-key';
}

/**
 * Drops the indexes, primary/unique/exclusion constraints and foreign keys of `tables` (and foreign keys pointing at
 * them), except `keep`, and returns a function that recreates every one from its own saved definition, in an order
 * that works: keys and exclusion constraints, then indexes, then foreign keys (each validated over all rows, so a
 * row breaking one fails the whole load); it returns the seconds each took. CHECK constraints and triggers stay in force during the load.
 * Run inside a transaction: if anything fails, the rollback restores the schema as it was.
 */
export async function suspendIndexes(
  client: pg.Client,
  tables: readonly string[],
  keep: readonly string[],
): Promise<(log?: (message: string) => void) => Promise<Record<string, number>>> {
  const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype = 'f' AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))
      ORDER BY conrelid::regclass::text, conname`,
    [tables],
  );
  const { rows: constraints } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'x') AND conrelid::regclass::text = ANY($1) AND NOT (conname = ANY($2))
      ORDER BY conrelid::regclass::text, conname`,
    [tables, keep],
  );
  const { rows: indexes } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT i.indrelid::regclass::text AS table, c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid::regclass::text = ANY($1) AND NOT (c.relname = ANY($2))
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
      ORDER BY 1, 2`,
    [tables, keep],
  );
  const suspended: SuspendedObject[] = [
    ...constraints.map((row) => ({ ...row, kind: 'constraint' as const })),
    ...indexes.map((row) => ({ ...row, kind: 'index' as const })),
    ...foreignKeys.map((row) => ({ ...row, kind: 'foreign-key' as const })),
  ];
  for (const object of [...suspended].reverse()) {
    if (object.kind === 'index') await client.query(`DROP INDEX "${object.name}"`);
    else await client.query(`ALTER TABLE "${object.table}" DROP CONSTRAINT "${object.name}"`);
  }
  return async (log = (_message: string) => undefined) => {
    const seconds: Record<string, number> = {};
    for (const object of suspended) {
      const started = Date.now();
      if (object.kind === 'index') await client.query(object.definition);
      else await client.query(`ALTER TABLE "${object.table}" ADD CONSTRAINT "${object.name}" ${object.definition}`);
      seconds[object.name] = Math.round((Date.now() - started) / 100) / 10;
      if (seconds[object.name] >= 1) log(`  ${object.name}: ${seconds[object.name]} s`);
    }
    return seconds;
  };
}
