import path from 'node:path';
import { backupDatabase } from '../backup/pg-backup';
import { redactUrl } from './redact-url';

// Usage: DATABASE_URL=postgresql://... npm run db:backup [-- <file>]   (default ./backups/ims-<timestamp>.dump)
// A pg_dump custom-format archive; MIGRATION_DATABASE_URL (the owner's) wins when set, as it can read every table.

async function main(): Promise<void> {
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set: the database to back up, e.g.\n  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ims npm run db:backup');
    process.exitCode = 2;
    return;
  }
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2] ?? `backups/ims-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(path.dirname(file), { recursive: true });
  console.log(`Backing up ${redactUrl(url)} to ${file}`);
  await backupDatabase(url, file);
  console.log('Done.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
