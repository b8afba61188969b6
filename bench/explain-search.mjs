// Where patient search spends its time: seeds the same 200k patients as patient-search.mjs, builds the search SQL
// with the API's own compiled builders (apps/api/dist/patients), and prints EXPLAIN (ANALYZE, BUFFERS) for one query
// of each kind. No load; the database is dropped at the end.
//
//   npm run build && node bench/explain-search.mjs ["query" ...]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createBenchDatabase, seedOrganisation, seedPatients } from './lib/bench-database.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(ROOT, 'apps/api/dist/patients', file));
const { searchStatement } = dist('patient-search-sql.js');
const { searchTermsOf } = dist('search-terms.js');

const QUERIES = process.argv.slice(2).length ? process.argv.slice(2) : ['margaret thopmson', 'thom', 'mar thom', '(604) 555-0123', '1975-03-14', '9000 019 900'];

/** The statement PatientSearchService sends for `q` (first page of 20, archived left out): one statement, no transaction. */
function searchSql(organisationId, q) {
  const terms = searchTermsOf(q);
  const statement = searchStatement({ organisationId, includeArchived: false }, terms, { page: 1, pageSize: 20 });
  return { terms, text: statement.text, values: statement.values };
}

const database = await createBenchDatabase();
const client = new pg.Client({ connectionString: database.url });
try {
  await client.connect();
  const tenant = await seedOrganisation(client);
  await seedPatients(client, { ...tenant, count: Number(process.env.BENCH_PATIENTS ?? 200_000) });
  for (const q of QUERIES) {
    const { terms, text, values } = searchSql(tenant.organisationId, q);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    console.log(`\n===== q = ${JSON.stringify(q)} (${terms.kind}) =====`);
    console.log(rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
} finally {
  await client.end().catch(() => undefined);
  await database.drop();
}
