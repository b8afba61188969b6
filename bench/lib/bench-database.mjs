import { randomBytes } from 'node:crypto';
import pg from 'pg';
import argon2 from 'argon2';
import { migrateUrl, searchFieldsOf } from '@ims/prisma';
import { FIRST_NAMES, LAST_NAMES } from './names.mjs';

// The bench's own database on the test server: created, migrated, seeded, dropped at the end. Only databases named
// ims_bench_* are ever created or dropped.

export const BENCH_PREFIX = 'ims_bench_';
const serverUrl = () => process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

function urlFor(database) {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function withServer(work) {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates and migrates a fresh database; `drop()` removes it, closing whatever is still connected. BENCH_MIGRATIONS_DIR
 * migrates from another directory (prisma/migrations plus a proposed migration) to measure a change before adopting it.
 */
export async function createBenchDatabase() {
  const name = `${BENCH_PREFIX}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = urlFor(name);
  const drop = () => withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  try {
    await migrateUrl(url, { log: () => undefined, migrationsDir: process.env.BENCH_MIGRATIONS_DIR || undefined });
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, drop };
}

export const BENCH_PASSWORD = 'bench-password-not-secret-1';

/** One organisation, three clinics, a receptionist to sign in as. */
export async function seedOrganisation(client) {
  const { rows: [organisation] } = await client.query(`INSERT INTO organisation (id, name) VALUES (gen_random_uuid(), 'Bench Physio Group') RETURNING id`);
  const { rows: clinics } = await client.query(
    `INSERT INTO clinic (id, organisation_id, name, time_zone)
     SELECT gen_random_uuid(), $1, 'Bench clinic ' || n, 'America/Vancouver' FROM generate_series(1, 3) AS n RETURNING id`,
    [organisation.id],
  );
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const email = `reception@${organisation.id.slice(0, 8)}.bench`;
  const { rows: [user] } = await client.query(
    `INSERT INTO app_user (id, organisation_id, email, name, password_hash, roles, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'Bench Receptionist', $3, '{receptionist}', now()) RETURNING id`,
    [organisation.id, email, hash],
  );
  for (const clinic of clinics) {
    await client.query('INSERT INTO user_clinic (organisation_id, user_id, clinic_id) VALUES ($1, $2, $3)', [organisation.id, user.id, clinic.id]);
  }
  return { organisationId: organisation.id, clinicIds: clinics.map((clinic) => clinic.id), email };
}

/**
 * `count` patients from generate_series, deterministic in the row number: names from the lists above (so each
 * first+last pair is shared by ~10 people, as common names are), dates of birth over 1930-2017, BC phone numbers,
 * BC-style health numbers, an email on every third, 2% archived. The search columns are computed in SQL exactly as
 * searchFieldsOf computes them (checked by verifySearchColumns). The GIN and GiST indexes (trigrams, name keys) are
 * dropped for the load and rebuilt from their own definitions: building one once is far faster than maintaining it
 * row by row.
 */
export async function seedPatients(client, { organisationId, clinicIds, count }) {
  const { rows: indexes } = await client.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'patient' AND indexdef ~* 'USING (gin|gist) '`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  await client.query(
    `INSERT INTO patient (id, organisation_id, home_clinic_id, first_name, last_name, date_of_birth, phone, email,
       health_number, health_number_issuer, archived_at, search_name, phone_digits, health_number_key, updated_at)
     SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + i % 3], f, l, dob, phone,
       CASE WHEN i % 3 = 0 THEN lower(replace(f, '''', '')) || '.' || lower(replace(replace(l, '''', ''), ' ', '')) || i || '@example.org' END,
       hn, 'BC MSP', CASE WHEN i % 50 = 0 THEN now() END,
       lower(f || ' ' || l), substr(phone, 2) || ' ' || substr(phone, 3), replace(hn, ' ', ''), now()
     FROM (
       SELECT i,
         ($3::text[])[1 + ((i::bigint * 2654435761) % array_length($3::text[], 1))::int] AS f,
         ($4::text[])[1 + ((i::bigint * 40503 + i / 7) % array_length($4::text[], 1))::int] AS l,
         date '1930-01-01' + ((i::bigint * 48271) % 32000)::int AS dob,
         '+1' || (ARRAY['604', '778', '250', '236'])[1 + i % 4] || (2000000 + (i::bigint * 69621) % 8000000)::text AS phone,
         substr(s, 1, 4) || ' ' || substr(s, 5, 3) || ' ' || substr(s, 8, 3) AS hn
       FROM generate_series(1, $5::int) AS i, LATERAL (SELECT '9' || lpad(i::text, 9, '0') AS s) AS k
     ) AS generated`,
    [organisationId, clinicIds, FIRST_NAMES, LAST_NAMES, count],
  );
  for (const index of indexes) await client.query(index.indexdef);
  await client.query('ANALYZE patient');
}

/** The seeded search columns must be what the application would have written: compare a sample with searchFieldsOf. */
export async function verifySearchColumns(client) {
  const { rows } = await client.query(
    `SELECT first_name, last_name, phone, health_number, search_name, phone_digits, health_number_key FROM patient TABLESAMPLE SYSTEM (2) LIMIT 2000`,
  );
  const wrong = rows.filter((row) => {
    const expected = searchFieldsOf({ firstName: row.first_name, lastName: row.last_name, phone: row.phone, healthNumber: row.health_number });
    return expected.searchName !== row.search_name || expected.phoneDigits !== row.phone_digits || expected.healthNumberKey !== row.health_number_key;
  });
  if (rows.length === 0 || wrong.length > 0) throw new Error(`seeded search columns differ from searchFieldsOf: ${JSON.stringify(wrong.slice(0, 3))}`);
  return rows.length;
}
