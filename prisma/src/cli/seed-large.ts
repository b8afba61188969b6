import pg from 'pg';
import { migrateUrl } from '../migrate/migration-runner';
import { LARGE_CHAIN_LOGINS, LARGE_CHAIN_PASSWORD, resolveLargeChainOptions, type LargeChainOptions } from '../seed/large-chain-config';
import { DatabaseNotEmptyError, seedLargeChain } from '../seed/large-chain';
import { redactUrl } from './redact-url';

const USAGE = `Usage: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ims_large_chain npm run db:seed:large [-- options]

Builds a whole clinic chain for benchmarks into DATABASE_URL (migrated first; it must hold no organisation yet):
10 clinics, 200 clinicians, 200,000 patients and ~2M appointments over ~2.4 years, with plans, signed visit notes
and outcomes. Deterministic: the same options give the same rows. Takes minutes; use a database of its own.

Options (defaults in brackets):
  --anchor=YYYY-MM-DD            the chain's "today" [today in Vancouver]
  --seed=N                       [20261124]
  --clinics=N                    [10, at most 12]
  --clinicians-per-clinic=N      [20]
  --patients=N                   [200000]
  --weeks-back=N --weeks-ahead=N [124, 8]
`;

const FLAGS: Record<string, keyof LargeChainOptions> = {
  anchor: 'anchorDate',
  seed: 'seed',
  clinics: 'clinics',
  'clinicians-per-clinic': 'cliniciansPerClinic',
  patients: 'patients',
  'weeks-back': 'weeksBack',
  'weeks-ahead': 'weeksAhead',
};

function parseArgs(args: string[]): Partial<LargeChainOptions> {
  const options: Partial<Record<keyof LargeChainOptions, string | number>> = {};
  for (const arg of args) {
    const match = /^--([a-z-]+)=(.+)$/.exec(arg);
    const key = match ? FLAGS[match[1]] : undefined;
    if (!match || !key) throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
    options[key] = key === 'anchorDate' ? match[2] : Number(match[2]);
    if (typeof options[key] === 'number' && !Number.isFinite(options[key])) throw new Error(`${arg}: not a number`);
  }
  return options as Partial<LargeChainOptions>;
}

/** The database a URL names (host, port, database), to make sure two URLs point at the same one. */
const databaseOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}/${decodeURIComponent(parsed.pathname.slice(1))}`;
};

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL is not set.\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  // Setting the indexes aside needs the tables' owner: the migration role when there is one, for the same database.
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || url;
  if (databaseOf(ownerUrl) !== databaseOf(url)) throw new Error('MIGRATION_DATABASE_URL names another database than DATABASE_URL: refusing');
  const options = resolveLargeChainOptions(parseArgs(process.argv.slice(2)));
  console.log(`Seeding the large chain into ${redactUrl(url)} with ${JSON.stringify(options)}`);
  await migrateUrl(ownerUrl, { log: (message) => console.log(message) });
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'ims-seed-large' });
  await client.connect();
  try {
    const summary = await seedLargeChain(client, options, (message) => console.log(message));
    console.log(`\nLarge chain seeded in ${summary.seconds.total} s: ${JSON.stringify(summary.rows)}`);
    console.log(`COPY seconds per table: ${JSON.stringify(summary.copySeconds)}`);
    console.log(`digest ${summary.digest}`);
    console.log(`Sign in as ${LARGE_CHAIN_LOGINS.manager}, ${LARGE_CHAIN_LOGINS.receptionist(1)} or ${LARGE_CHAIN_LOGINS.physiotherapist(1)} (password ${LARGE_CHAIN_PASSWORD}).`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseNotEmptyError ? `Refused: ${error.message}` : error);
  process.exitCode = 1;
});
