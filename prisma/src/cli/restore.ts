import path from 'node:path';
import { restoreDatabase } from '../backup/pg-backup';
import { redactUrl } from './redact-url';

// Usage: DATABASE_URL=postgresql://.../ims_restored npm run db:restore -- <file>
// Restores into an EMPTY database in one transaction; a database that already has tables is refused.

async function main(): Promise<void> {
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  const fileArg = process.argv[2];
  if (!url || !fileArg) {
    console.error('Usage: DATABASE_URL=postgresql://.../new_empty_database npm run db:restore -- <backup file>');
    process.exitCode = 2;
    return;
  }
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
  console.log(`Restoring ${file} into ${redactUrl(url)}`);
  await restoreDatabase(url, file);
  console.log('Done.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
