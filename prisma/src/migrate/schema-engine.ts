import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };
import pg from 'pg';

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm', { with: { 'resolution-mode': 'import' } });

// Node has WebAssembly; the project's `lib` (no DOM) does not declare it.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

// tsc (module: commonjs) rewrites `import()` into `require()`, and Node 20 cannot require this ES module's `.wasm`
// import anyway. So: import the wasm-bindgen glue (`schema_engine_bg.js`, plain ESM) through a real `import()`,
// instantiate the `.wasm` ourselves, and hand the instance to the glue. Under jest a real `import()` is not allowed
// (no vm modules) but jest's `require` turns the glue into CommonJS through SWC (see jest.config.js).
const realImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let enginePromise: Promise<SchemaEngineModule> | undefined;

async function importGlue(glueFile: string): Promise<Record<string, unknown>> {
  try {
    return (await realImport(pathToFileURL(glueFile).href)) as Record<string, unknown>;
  } catch (error) {
    // ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING(_FLAG): we run inside jest's vm.
    if (!String((error as { code?: string }).code).startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING')) throw error;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(glueFile) as Record<string, unknown>;
  }
}

// The engine reports a Rust panic by calling this global before it traps (Prisma's CLI installs the same one).
const panicRegistry = {
  message: '',
  set_message(message: string) {
    this.message = message;
  },
};

/** The last panic message of the schema engine, if it panicked. */
export function takeSchemaEnginePanic(): string | undefined {
  const { message } = panicRegistry;
  panicRegistry.message = '';
  return message || undefined;
}

async function instantiateSchemaEngine(): Promise<SchemaEngineModule> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;
  const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const glueFile = path.join(packageDir, 'schema_engine_bg.js');
  const glue = await importGlue(glueFile);
  const bytes = await readFile(path.join(packageDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': glue,
  });
  (glue.__wbg_set_wasm as (exports: Record<string, unknown>) => void)(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue as unknown as SchemaEngineModule;
}

/** The WebAssembly schema engine's module, instantiated once per process. */
export function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  enginePromise ??= instantiateSchemaEngine();
  return enginePromise;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PgResult = { fields: { dataTypeID: number }[] };
type PatchableQueryable = {
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
  performIO(query: SqlQuery): Promise<PgResult>;
};

/**
 * adapter-pg rejects PostgreSQL's internal `"char"` type (OID 18), which the schema engine reads from pg_catalog
 * (`pg_constraint.contype`) when it describes CHECK and EXCLUDE constraints, and the engine then wants those columns
 * typed as `Character`. Per query, let adapter-pg see them as `text`, then report them as `Character`.
 */
function acceptCharColumns<T extends SqlQueryable>(queryable: T): T {
  const target = queryable as unknown as PatchableQueryable;
  const queryRaw = target.queryRaw;
  const performIO = target.performIO;
  target.queryRaw = async function patchedQueryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const charColumns: number[] = [];
    // A per-call `this`, so concurrent queries on one adapter do not share the list.
    const self = Object.create(queryable, {
      performIO: {
        value: async (io: SqlQuery) => {
          const result = await performIO.call(queryable, io);
          result.fields.forEach((field, index) => {
            if (field.dataTypeID !== PG_CHAR_OID) return;
            charColumns.push(index);
            field.dataTypeID = PG_TEXT_OID;
          });
          return result;
        },
      },
    }) as PatchableQueryable;
    const resultSet = await queryRaw.call(self, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

export const SHADOW_DATABASE_PREFIX = 'ims_shadow_';

/** `url` with its database replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Driver adapter factory for the schema engine: the main connection goes to `url`, each shadow database is a fresh
 * `ims_shadow_*` database on the same server, dropped only after its pool is closed (adapter-pg's own
 * `connectToShadowDb` drops it while its pool still holds connections, which fails).
 */
export class SchemaEngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly pools = new Set<pg.Pool>();
  private readonly shadowDatabases = new Set<string>();

  constructor(private readonly url: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.adapterFor(this.url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `${SHADOW_DATABASE_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await this.admin(`CREATE DATABASE ${quoteIdent(database)}`);
    this.shadowDatabases.add(database);
    return this.adapterFor(withDatabase(this.url, database), () => this.dropShadow(database));
  }

  /** Closes every pool still open and drops every shadow database still there. */
  async close(): Promise<void> {
    await Promise.all([...this.pools].map((pool) => pool.end().catch(() => undefined)));
    this.pools.clear();
    for (const database of [...this.shadowDatabases]) await this.dropShadow(database);
  }

  private async adapterFor(url: string, afterClose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined);
    this.pools.add(pool);
    const adapter = acceptCharColumns(await new PrismaPg(pool).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => acceptCharColumns(await startTransaction(isolationLevel));
    // adapter-pg's executeScript splits the script on every `;`, even inside comments, strings and `$$` function
    // bodies, and may run the pieces on different pooled connections. Send the whole migration as one
    // simple-protocol query instead, as the migration runner does.
    const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        onError(error);
      }
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      if (this.pools.delete(pool)) await pool.end();
      await afterClose?.();
    };
    return adapter;
  }

  private async dropShadow(database: string): Promise<void> {
    if (!this.shadowDatabases.delete(database)) return;
    await this.admin(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/** An engine on `url`'s server with `datamodels` loaded; `close()` frees the engine, its pools and shadow dbs. */
export async function openSchemaEngine(options: {
  url: string;
  datamodels: [string, string][];
}): Promise<{ engine: SchemaEngine; logs: string[]; close(): Promise<void> }> {
  const engineModule = await loadSchemaEngineModule();
  const factory = new SchemaEngineAdapterFactory(options.url);
  const logs: string[] = [];
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: options.datamodels },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    logs,
    async close() {
      engine.free();
      await factory.close();
    },
  };
}
