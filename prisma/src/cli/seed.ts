import { openPostgres } from '../client/open-database';
import { hasAnyOrganisation, seedDemoClinic } from '../seed/demo-clinic';

/** `npm run db:seed`: seeds the demo clinic into DATABASE_URL (migrating first); refuses a database with data. */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ims npm run db:seed');
    process.exit(2);
  }
  const database = openPostgres({ url, applicationName: 'ims-seed' });
  try {
    const applied = await database.migrate((message) => console.log(message));
    if (applied.length) console.log(`applied ${applied.length} migration(s)`);
    if (await hasAnyOrganisation(database.prisma)) {
      console.log('The database already holds an organisation; not seeding the demo clinic again.');
      return;
    }
    const summary = await seedDemoClinic(database.prisma, { log: (message) => console.log(message) });
    console.log(`Demo clinic seeded: ${JSON.stringify(summary)}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
