import { migrateUrl } from '../migrate/migration-runner';
import { redactUrl as redact } from './redact-url';

// Usage: DATABASE_URL=postgresql://... npm run db:migrate   (MIGRATION_DATABASE_URL, the owner's, wins when set)
// Applies pending migrations with Prisma Migrate's bookkeeping; works offline (no native schema engine).

async function main(): Promise<void> {
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set. Set it to the database to migrate, e.g.\n' +
        '  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ims npm run db:migrate\n' +
        '(see .env.example and README).',
    );
    process.exitCode = 2;
    return;
  }
  console.log(`Migrating ${redact(url)}`);
  const { applied, alreadyApplied } = await migrateUrl(url, { log: (message) => console.log(message) });
  if (applied.length === 0) {
    console.log(`Already up to date (${alreadyApplied.length} migrations applied).`);
  } else {
    console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
