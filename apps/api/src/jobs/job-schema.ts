import PgBoss from 'pg-boss';

/** pg-boss keeps its tables in a schema of its own, apart from `public` (which our migrations and drift check own). */
export const JOB_SCHEMA = 'pgboss';

/** A queue the app uses, with its retry and expiry policy; created when the schema is installed. */
export interface QueueDefinition {
  name: string;
  options: Omit<PgBoss.Queue, 'name'>;
}

export interface InstallJobSchemaOptions {
  /** How to reach the database as a role allowed to create the schema (the migration owner, or the only role). */
  connection: { connectionString: string } | { db: PgBoss.Db };
  queues: QueueDefinition[];
  onError: (error: Error) => void;
}

/**
 * Installs or upgrades pg-boss's schema, creates the app's queues and lets the runtime role (`ims_app`, see
 * docs/operations.md) use them. Run with the owner connection (MIGRATION_DATABASE_URL) where the app's own role may
 * not create schemas; with a single role it runs through the app's connection. Every step is idempotent, and on a
 * schema that is already current it needs no DDL at all, so a runtime role can run it on later starts.
 */
export async function installJobSchema(options: InstallJobSchemaOptions): Promise<void> {
  const boss = new PgBoss({
    ...options.connection,
    schema: JOB_SCHEMA,
    max: 1,
    application_name: 'ims-api-jobs-install',
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', options.onError);
  try {
    await boss.start();
    for (const queue of options.queues) await boss.createQueue(queue.name, { ...queue.options, name: queue.name });
    await boss.getDb().executeSql(GRANT_TO_RUNTIME_ROLE, []);
  } catch (error) {
    throw explainInstallError(error);
  } finally {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
  }
}

/**
 * The runtime role reads and writes jobs but owns nothing. Only the schema's owner can grant, so another role
 * (a runtime role starting against an installed schema) skips this.
 */
const GRANT_TO_RUNTIME_ROLE = `
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ims_app')
     AND pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = '${JOB_SCHEMA}'), 'MEMBER') THEN
    GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ims_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ims_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ims_app;
  END IF;
END
$$`;

function explainInstallError(error: unknown): Error {
  const code = (error as { code?: string } | null)?.code;
  if (code !== '42501') return error instanceof Error ? error : new Error(String(error));
  return new Error(
    `The job queue's schema "${JOB_SCHEMA}" is missing or out of date and this database role may not create it ` +
      `(${(error as Error).message}). Set MIGRATION_DATABASE_URL to the schema owner's connection, or grant the ` +
      'role CREATE on the database (docs/operations.md, "Job queue").',
    { cause: error },
  );
}
