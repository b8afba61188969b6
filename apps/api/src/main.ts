import 'reflect-metadata';
import { migrateUrl, openPglite, openPostgres, DEMO_USERS, DEMO_PASSWORD, type Database } from '@ims/prisma';
import { loadConfig, ConfigError, type AppConfig } from './config/app-config';
import { createApp } from './create-app';
import { withAppSecret } from './config/app-secret';

/**
 * Boot: validate config, open the database (PGlite demo mode without DATABASE_URL), migrate, seed the demo on first
 * start, serve, and shut down gracefully on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  keepServingOnStrayRejections();
  const { config, resolved } = withAppSecret(loadConfig());
  if (resolved.source === 'generated') console.log(`[secret] demo mode: generated APP_SECRET in ${resolved.file} (keep it: it unlocks two-factor secrets)`);
  const database = await openDatabase(config);
  const applied = await migrate(config, database);
  if (applied.length) console.log(`[migrate] applied ${applied.length} migration(s)`);
  if (config.demo) await seedDemoOnFirstStart(database);

  const app = await createApp(config, database);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const server = await app.listen(config.PORT, config.HOST);
  installGracefulShutdown(server, config);

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  printBanner(config, port);
}

/** Demo mode seeds the demo clinic into an empty database; the seeds module is loaded only then (see @ims/prisma/seeds). */
async function seedDemoOnFirstStart(database: Database): Promise<void> {
  const { hasAnyOrganisation, seedDemoClinic } = await import('@ims/prisma/seeds');
  if (await hasAnyOrganisation(database.prisma)) return;
  console.log('[seed] first start in demo mode: seeding the demo clinic...');
  const summary = await seedDemoClinic(database.prisma, { log: (message) => console.log(`[seed] ${message}`) });
  console.log(`[seed] done: ${summary.patients} patients, ${summary.appointments} appointments`);
}

/**
 * Migrations run as the schema owner: MIGRATION_DATABASE_URL when set (production: the app's own DATABASE_URL role
 * owns nothing and cannot alter tables), else through the app's connection (demo mode, single-role setups).
 */
async function migrate(config: AppConfig, database: Database): Promise<string[]> {
  const log = (message: string) => console.log(`[migrate] ${message}`);
  if (config.MIGRATION_DATABASE_URL) return (await migrateUrl(config.MIGRATION_DATABASE_URL, { log })).applied;
  return database.migrate(log);
}

async function openDatabase(config: AppConfig): Promise<Database> {
  if (config.DATABASE_URL) {
    return openPostgres({
      url: config.DATABASE_URL,
      poolMax: config.DB_POOL_MAX,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
    });
  }
  console.log(`[db] no DATABASE_URL: embedded PostgreSQL (PGlite) in ${config.pgliteDir}`);
  return openPglite({ dataDir: config.pgliteDir });
}

/**
 * A promise rejected where nobody awaits it (pg-boss 10 completes and fails jobs without awaiting, so a database
 * outage at that moment rejects into the void) would end the process under Node's default. Every request has its own
 * error handling; such a stray rejection is logged and the API keeps serving.
 */
function keepServingOnStrayRejections(): void {
  process.on('unhandledRejection', (reason) => {
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled promise rejection', err: reason instanceof Error ? { message: reason.message, stack: reason.stack } : String(reason) }));
  });
}

/**
 * Stop accepting connections at once, let requests in flight finish (idle keep-alive sockets are closed), and force
 * the exit after SHUTDOWN_TIMEOUT_MS. Nest's shutdown hooks then close the database pool.
 */
function installGracefulShutdown(server: import('node:http').Server, config: AppConfig): void {
  const onSignal = () => {
    server.closeIdleConnections();
    const timer = setTimeout(() => {
      console.error('[shutdown] requests still running after timeout; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

function printBanner(config: AppConfig, port: number): void {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const lines = [`IMS Clinic is running at http://${host}:${port}  (API docs: http://${host}:${port}/api/docs)`];
  if (config.demo) {
    lines.push('Demo mode (embedded PostgreSQL). Sign in with any of these, password: ' + DEMO_PASSWORD);
    for (const user of DEMO_USERS) lines.push(`  ${user.email.padEnd(24)} ${user.roles.join(', ')}`);
  } else {
    lines.push('Database: PostgreSQL from DATABASE_URL');
  }
  const mfaRoles = config.mfaRequiredRoles;
  if (mfaRoles.length > 0) lines.push(`Two-factor sign-in is required for: ${mfaRoles.join(', ')} (MFA_REQUIRED_ROLES)`);
  else if (config.demo) lines.push('Two-factor enforcement is off in demo mode (MFA_REQUIRED_ROLES)');
  else lines.push('Two-factor enforcement is off (MFA_REQUIRED_ROLES is empty)');
  console.log(lines.join('\n'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('[boot] failed:', error);
  process.exit(1);
});
