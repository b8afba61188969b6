// Where patient search spends its time: seeds the same 200k patients as patient-search.mjs, builds the search SQL
// with the API's own compiled builders (apps/api/dist/patients), prepares it as the API does (a named statement,
// FastSql.preparedRows) and prints EXPLAIN (ANALYZE, BUFFERS) of the plan PostgreSQL then settles on, generic or
// custom, for one query of each kind. No load; the database is dropped at the end.
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

/** A parameter value as an SQL literal, for EXECUTE's argument list (strings and string arrays, numbers). */
function literal(client, value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `ARRAY[${value.map((item) => client.escapeLiteral(String(item))).join(', ')}]::text[]`;
  return client.escapeLiteral(String(value));
}

const database = await createBenchDatabase();
const client = new pg.Client({ connectionString: database.url });
try {
  await client.connect();
  const tenant = await seedOrganisation(client);
  await seedPatients(client, { ...tenant, count: Number(process.env.BENCH_PATIENTS ?? 200_000) });
  for (const [index, q] of QUERIES.entries()) {
    const { terms, text, values } = searchSql(tenant.organisationId, q);
    // As the API runs it: a named statement, executed more than five times, after which PostgreSQL keeps a generic
    // plan when it costs no more than the custom ones (else it plans each execution anew, "custom plan" below).
    const name = `explain_search_${index}`;
    for (let run = 0; run < 6; run++) await client.query({ name, text, values });
    const args = values.map((value) => literal(client, value)).join(', ');
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE ${name}(${args})`);
    const plan = rows.map((row) => row['QUERY PLAN']);
    // A custom plan has the values written in; a generic one shows $n (the organisation is in every statement).
    const generic = !plan.some((line) => line.includes(tenant.organisationId));
    console.log(`\n===== q = ${JSON.stringify(q)} (${terms.kind}, ${generic ? 'generic plan' : 'custom plan'}) =====`);
    console.log(plan.join('\n'));
  }
} finally {
  await client.end().catch(() => undefined);
  await database.drop();
}
