import { createMigration } from '../migrate/create-migration';

// Usage: npm run db:migration:new -- <name> [--empty]
// Diffs the migrations (replayed on a throwaway ims_shadow_* database) against schema.prisma and writes the next
// migration. Only needs a PostgreSQL server to create the shadow database on.

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const empty = args.includes('--empty');
  const name = args.filter((arg) => !arg.startsWith('--')).join('_');
  if (!name) {
    console.error('Usage: npm run db:migration:new -- <name> [--empty]');
    process.exitCode = 2;
    return;
  }
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_URL;
  const created = await createMigration({ name, url, empty });
  if (!created) {
    console.log('No changes: the migrations already match schema.prisma.');
    return;
  }
  console.log(`Wrote ${created.file}`);
  if (empty) console.log('Write its SQL by hand, then list what schema.prisma cannot express in drift-allowlist.ts.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
