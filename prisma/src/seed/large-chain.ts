import { createHash } from 'node:crypto';
import * as argon2 from 'argon2';
import type pg from 'pg';
import { Charting, OutcomeWriter, type CatalogueMuscle } from './large-chain-charting';
import { LARGE_CHAIN_PASSWORD, resolveLargeChainOptions, type LargeChainOptions } from './large-chain-config';
import { newDigest, suspendIndexes } from './large-chain-copy';
import { writeChainSetup, writePatients } from './large-chain-people';
import { IdMint } from './large-chain-random';
import { writeClinicianSchedule, writeWaitlist } from './large-chain-schedule';
import { BULK_TABLES, KEPT_DURING_LOAD, LOAD_ORDER, chainBuffers, type ChainBuffers, type ChainTable } from './large-chain-tables';
import { seededFaker } from './seed-random';

export interface LargeChainSummary {
  options: LargeChainOptions;
  organisationId: string;
  /** Rows written per table. */
  rows: Record<ChainTable, number>;
  /** SHA-256 of every row in the order written: the same options give the same digest. */
  digest: string;
  /** Seconds per phase and in all. */
  seconds: Record<string, number>;
  /** Seconds spent in COPY per table (the database's side of the load: triggers, CHECKs, kept indexes). */
  copySeconds: Partial<Record<ChainTable, number>>;
  /** Seconds each index, key, exclusion constraint and foreign key took to rebuild and check. */
  rebuildSeconds: Record<string, number>;
}

export class DatabaseNotEmptyError extends Error {}

/**
 * Builds a whole clinic chain (see large-chain-config.ts for its size) into the database `client` is connected to,
 * deterministically: every row is a function of the options. Rows are streamed with COPY in one transaction while
 * the big tables' indexes, keys, exclusion constraints and foreign keys are set aside; they are rebuilt from their
 * own definitions before the commit, which checks every row against them (no double booking slips through) and
 * leaves the schema exactly as the migrations made it. Visit notes are written as drafts with their sites, then
 * signed in one statement (the database refuses sites of a signed note). Refuses a database that already holds an
 * organisation. Ends with VACUUM ANALYZE so plans and index-only scans see the data as a settled database would.
 */
export async function seedLargeChain(
  client: pg.Client,
  requested: Partial<LargeChainOptions> = {},
  log: (message: string) => void = () => undefined,
): Promise<LargeChainSummary> {
  const options = resolveLargeChainOptions(requested);
  const started = Date.now();
  const seconds: Record<string, number> = {};
  let phaseStarted = started;
  const phase = (name: string) => {
    const now = Date.now();
    seconds[name] = Math.round((now - phaseStarted) / 100) / 10;
    phaseStarted = now;
    log(`${name}: ${seconds[name]} s`);
  };

  const { rows: [{ organisations }] } = await client.query<{ organisations: number }>('SELECT count(*)::int AS organisations FROM organisation');
  if (organisations > 0) throw new DatabaseNotEmptyError(`the database already holds ${organisations} organisation(s): the large chain is built into an empty, migrated database only`);
  const { rows: muscles } = await client.query<CatalogueMuscle>(
    `SELECT id, code, region::text AS region, sided, levelled, depth_min_cm::float8 AS "depthMinCm", depth_max_cm::float8 AS "depthMaxCm", thorax_risk AS "thoraxRisk"
       FROM muscle ORDER BY code`,
  );
  if (muscles.length === 0) throw new Error('the muscle catalogue is empty: migrate the database first');
  // The parameters the API hashes passwords with (apps/api/src/auth/password-hasher.ts), so signing in costs what it
  // costs for real accounts; a fixed salt, so the same options give the same rows, password hashes included.
  const salt = createHash('sha256').update(`large-chain-${options.seed}`).digest().subarray(0, 16);
  const passwordHash = await argon2.hash(LARGE_CHAIN_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, salt });

  const digest = newDigest();
  const buffers = chainBuffers(digest);
  const ids = new IdMint();
  const flush = async () => {
    for (const table of LOAD_ORDER) await buffers[table].flush(client);
  };

  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL statement_timeout = 0`);
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await client.query(`SET LOCAL synchronous_commit = off`);
    const restore = await suspendIndexes(client, BULK_TABLES, KEPT_DURING_LOAD);
    phase('indexes and keys of the big tables set aside');

    const setup = await writeChainSetup(buffers, options, ids, passwordHash);
    const patients = writePatients(buffers, options, ids, setup, seededFaker(options.seed));
    await flush();
    phase(`organisation, ${setup.clinics.length} clinics, ${setup.clinicians.length} clinicians and ${patients.length} patients`);

    const charting = new Charting(buffers, ids, setup.organisationId, muscles);
    const outcomes = new OutcomeWriter(buffers, ids, setup.organisationId, options.seed);
    const context = { options, setup, ids, buffers, charting, outcomes, patients };
    const patientsOf: number[][] = setup.clinicians.map(() => []);
    patients.forEach((patient, index) => patientsOf[patient.clinician].push(index));
    for (const clinic of setup.clinics) {
      for (const clinician of setup.clinicians.filter((c) => c.homeClinic === clinic.index)) {
        writeClinicianSchedule(context, clinician, patientsOf[clinician.index]);
        // Copied in batches of ~50k appointments (with their notes and sites), so memory stays bounded.
        if (buffers.appointment.pending >= 50_000) await flush();
      }
      await flush();
      log(`  ${clinic.info.name}: ${buffers.appointment.rows} appointments, ${buffers.visit_note.rows} visit notes so far (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    writeWaitlist(buffers, options, ids, setup, patients);
    await flush();
    phase(`schedules: ${buffers.appointment.rows} appointments, ${buffers.treatment_plan.rows} plans, ${buffers.visit_note.rows} notes, ${buffers.visit_site.rows} sites, ${buffers.outcome_record.rows} outcomes`);

    const signed = await client.query(`UPDATE visit_note SET status = 'signed' WHERE organisation_id = $1 AND status = 'draft' AND signed_at IS NOT NULL`, [setup.organisationId]);
    phase(`${signed.rowCount} visit notes signed`);
    const rebuildSeconds = await restore(log);
    phase('indexes, exclusion constraints and foreign keys rebuilt and checked');
    await client.query('COMMIT');
    phase('committed');

    for (const table of BULK_TABLES) await client.query(`VACUUM (ANALYZE) "${table}"`);
    await client.query('ANALYZE');
    phase('VACUUM ANALYZE');
    seconds.total = Math.round((Date.now() - started) / 100) / 10;
    const copySeconds = Object.fromEntries(LOAD_ORDER.filter((table) => buffers[table].copyMs >= 100).map((table) => [table, Math.round(buffers[table].copyMs / 100) / 10]));
    return { options, organisationId: setup.organisationId, rows: rowCounts(buffers), digest: digest.digest('hex'), seconds, copySeconds, rebuildSeconds };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function rowCounts(buffers: ChainBuffers): Record<ChainTable, number> {
  return Object.fromEntries(LOAD_ORDER.map((table) => [table, buffers[table].rows])) as Record<ChainTable, number>;
}
