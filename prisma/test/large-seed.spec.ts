import pg from 'pg';
import { visitContentHash } from '../src/visits/visit-content-hash';
import { searchFieldsOf } from '../src/patients/search-fields';
import { DatabaseNotEmptyError, seedLargeChain, type LargeChainSummary } from '../src/seed/large-chain';
import type { LargeChainOptions } from '../src/seed/large-chain-config';
import { cloneDatabase, createTemplateDatabase, type TemplateDatabase, type TestDatabase } from '../src/testing/test-databases';

// `npm run db:seed:large` at a tiny scale: the same generator and bulk load as the 2M-appointment chain, small enough
// for every test run. History crosses the spring daylight-saving change (2026-03-08 in Vancouver and Calgary).
const TINY: Partial<LargeChainOptions> = { anchorDate: '2026-03-18', seed: 7, clinics: 3, cliniciansPerClinic: 1, patients: 240, weeksBack: 12, weeksAhead: 3 };

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every constraint, index and trigger of the schema, as PostgreSQL prints them. */
async function schemaOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(`
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated AS line FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
    ORDER BY 1`);
  return rows.map((row) => row.line);
}

/** The chain's rows in a stable order, hashed per table: equal fingerprints mean equal data. */
async function fingerprint(client: pg.Client): Promise<Record<string, string>> {
  const tables = ['patient', 'app_user', 'treatment_plan', 'appointment', 'appointment_change', 'ims_consent', 'visit_note', 'visit_site', 'visit_adverse_event', 'outcome_record', 'waitlist_entry', 'clinician_time_off'];
  const result: Record<string, string> = {};
  for (const table of tables) {
    const { rows: [row] } = await client.query<{ md5: string }>(`SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) AS md5 FROM "${table}" t`);
    result[table] = row.md5;
  }
  return result;
}

/** Facts the chain must hold, each counted so a failure says how many rows break it. */
async function violations(client: pg.Client): Promise<Record<string, number>> {
  const { rows: [row] } = await client.query<Record<string, number>>(`
    SELECT
      (SELECT count(*) FROM appointment a WHERE a.status = 'completed'
         AND NOT EXISTS (SELECT 1 FROM visit_note v WHERE v.appointment_id = a.id AND v.status = 'signed'))::int AS completed_without_signed_note,
      (SELECT count(*) FROM visit_note v JOIN appointment a ON a.id = v.appointment_id WHERE v.status = 'signed' AND a.status <> 'completed')::int AS signed_note_of_uncompleted,
      (SELECT count(*) FROM visit_note v WHERE v.status = 'draft' AND v.signed_at IS NOT NULL)::int AS unsigned_with_signature,
      (SELECT count(*) FROM visit_note v WHERE v.status = 'signed' AND v.needling_done AND NOT EXISTS (
         SELECT 1 FROM ims_consent c WHERE c.patient_id = v.patient_id AND c.consented_on <= v.visit_date
           AND (c.withdrawn_on IS NULL OR c.withdrawn_on > v.visit_date)))::int AS needled_without_consent,
      (SELECT count(*) FROM visit_note v WHERE v.status = 'signed' AND v.needling_done AND NOT EXISTS (
         SELECT 1 FROM needling_authorisation a WHERE a.clinician_id = v.clinician_id AND a.kind = 'ims'
           AND a.valid_from <= v.visit_date AND (a.valid_to IS NULL OR a.valid_to >= v.visit_date)))::int AS needled_without_authorisation,
      (SELECT count(*) FROM visit_note v WHERE v.status = 'signed' AND v.needling_done
         AND NOT EXISTS (SELECT 1 FROM visit_site s WHERE s.visit_note_id = v.id))::int AS needled_without_sites,
      (SELECT count(*) FROM visit_site s JOIN muscle m ON m.id = s.muscle_id
         WHERE s.depth_cm NOT BETWEEN m.depth_min_cm AND m.depth_max_cm OR m.thorax_risk)::int AS sites_out_of_range_or_thoracic,
      (SELECT count(*) FROM (SELECT plan_id, max(session_number) AS top, count(*) AS n FROM visit_note
         WHERE session_number IS NOT NULL GROUP BY plan_id) s WHERE s.top <> s.n)::int AS session_number_gaps,
      (SELECT count(*) FROM visit_note v JOIN appointment a ON a.id = v.appointment_id
         WHERE v.visited_at <> a.starts_at OR v.visit_date <> (a.starts_at AT TIME ZONE a.time_zone)::date)::int AS note_times_off_appointment,
      (SELECT count(*) FROM appointment a WHERE a.local_start <> (a.starts_at AT TIME ZONE a.time_zone))::int AS local_start_mismatch,
      (SELECT count(*) FROM appointment a JOIN clinic c ON c.id = a.clinic_id WHERE a.time_zone <> c.time_zone)::int AS zone_not_clinics,
      (SELECT count(*) FROM appointment a WHERE NOT EXISTS (
         SELECT 1 FROM working_hours w WHERE w.clinician_id = a.clinician_id AND w.clinic_id = a.clinic_id
           AND w.weekday = extract(isodow FROM a.local_start) AND a.local_start::time >= w.start_time
           AND (a.ends_at AT TIME ZONE a.time_zone)::time <= w.end_time))::int AS outside_working_hours,
      (SELECT count(*) FROM appointment a JOIN clinician_time_off t ON t.clinician_id = a.clinician_id
         WHERE a.starts_at < t.ends_at AND a.ends_at > t.starts_at AND a.status <> 'cancelled')::int AS during_leave,
      (SELECT count(*) FROM appointment a WHERE a.created_at >= a.starts_at OR a.created_at > '2026-03-18T12:00:00-07:00'
         OR (a.status_changed_at IS NOT NULL AND a.status_changed_at < a.created_at))::int AS impossible_timeline,
      (SELECT count(*) FROM appointment a WHERE a.status IN ('booked') AND a.starts_at < '2026-03-18T12:00:00-07:00')::int AS booked_in_the_past,
      (SELECT count(*) FROM appointment a WHERE a.status IN ('completed', 'no_show') AND a.starts_at > '2026-03-18T12:00:00-07:00')::int AS attended_in_the_future,
      (SELECT count(*) FROM treatment_plan p WHERE p.status = 'completed' AND (p.ended_on IS NULL
         OR EXISTS (SELECT 1 FROM appointment a WHERE a.plan_id = p.id AND a.status IN ('booked', 'arrived'))))::int AS completed_plan_still_booked,
      (SELECT count(*) FROM outcome_record o WHERE o.timepoint = 'session' AND o.session_number <> 4)::int AS review_outcome_not_at_session_4,
      (SELECT count(*) FROM patient p WHERE p.search_name = '' OR p.phone_digits = '' OR p.health_number_key IS NULL)::int AS patients_without_search_columns,
      (SELECT count(*) - count(DISTINCT health_number_key) FROM patient)::int AS duplicate_health_numbers`);
  return row;
}

describe('large chain seed (npm run db:seed:large) at a tiny scale', () => {
  let template: TemplateDatabase;
  let first: TestDatabase;
  let summary: LargeChainSummary;
  let schemaBefore: string[];

  beforeAll(async () => {
    template = await createTemplateDatabase();
    first = await cloneDatabase(template.name);
    summary = await withClient(first.url, async (client) => {
      schemaBefore = await schemaOf(client);
      return seedLargeChain(client, TINY);
    });
  }, 120_000);
  afterAll(async () => {
    await first?.drop();
    await template?.drop();
  });

  it('writes a whole chain that every constraint accepts, and leaves the schema as the migrations made it', async () => {
    await withClient(first.url, async (client) => {
      expect(await schemaOf(client)).toEqual(schemaBefore);
      const { rows: [counts] } = await client.query<Record<string, number>>(`
        SELECT (SELECT count(*) FROM organisation)::int AS organisations, (SELECT count(*) FROM clinic)::int AS clinics,
               (SELECT count(DISTINCT time_zone) FROM clinic)::int AS zones, (SELECT count(*) FROM clinician)::int AS clinicians,
               (SELECT count(*) FROM patient)::int AS patients, (SELECT count(*) FROM appointment)::int AS appointments`);
      expect(counts).toEqual({ organisations: 1, clinics: 3, zones: 2, clinicians: 3, patients: 240, appointments: summary.rows.appointment });
      expect(summary.rows.appointment).toBeGreaterThan(500);
      expect(await violations(client)).toEqual(Object.fromEntries(Object.keys(await violations(client)).map((key) => [key, 0])));
    });
  });

  it('has the mix of a real clinic: every appointment status, late cancellations, courses at every stage, outcomes at each time point', async () => {
    await withClient(first.url, async (client) => {
      const list = async (sql: string) => (await client.query<{ value: string }>(sql)).rows.map((row) => row.value);
      expect(await list(`SELECT DISTINCT status::text AS value FROM appointment ORDER BY 1`)).toEqual(expect.arrayContaining(['booked', 'cancelled', 'completed', 'no_show']));
      expect(await list(`SELECT DISTINCT late_cancellation::text AS value FROM appointment WHERE status = 'cancelled' ORDER BY 1`)).toEqual(['false', 'true']);
      expect(await list(`SELECT DISTINCT status::text AS value FROM treatment_plan ORDER BY 1`)).toEqual(expect.arrayContaining(['active', 'completed', 'discontinued']));
      expect(await list(`SELECT DISTINCT timepoint::text AS value FROM outcome_record ORDER BY 1`)).toEqual(['baseline', 'discharge', 'session']);
      const { rows: [share] } = await client.query<{ completed: number; cancelled: number }>(`
        SELECT avg((status = 'completed')::int)::float8 AS completed, avg((status = 'cancelled')::int)::float8 AS cancelled
          FROM appointment WHERE starts_at < '2026-03-18T12:00:00-07:00'`);
      expect(share.completed).toBeGreaterThan(0.7);
      expect(share.cancelled).toBeGreaterThan(0.04);
      expect(share.cancelled).toBeLessThan(0.2);
    });
  });

  it('signs each note with the hash the app computes from its content, and stores search columns as searchFieldsOf does', async () => {
    await withClient(first.url, async (client) => {
      const { rows: notes } = await client.query(`
        SELECT v.*, v.visit_date::text AS visit_day, coalesce((SELECT json_agg(json_build_object('muscleId', s.muscle_id, 'code', m.code, 'side', s.side, 'level', s.level, 'gaugeMm', s.gauge_mm::text,
                 'lengthMm', s.length_mm, 'depthCm', s.depth_cm::text, 'depthAckReason', s.depth_ack_reason, 'technique', s.technique, 'twitch', s.twitch,
                 'tolerance', s.tolerance) ORDER BY s.position) FROM visit_site s JOIN muscle m ON m.id = s.muscle_id WHERE s.visit_note_id = v.id), '[]') AS sites,
               coalesce((SELECT json_agg(json_build_object('kind', e.kind, 'detail', e.detail) ORDER BY e.position) FROM visit_adverse_event e WHERE e.visit_note_id = v.id), '[]') AS events
          FROM visit_note v WHERE v.status = 'signed' ORDER BY v.needling_done DESC, v.id LIMIT 40`);
      expect(notes.length).toBe(40);
      for (const note of notes) {
        const recomputed = visitContentHash({
          id: note.id, appointmentId: note.appointment_id, patientId: note.patient_id, clinicianId: note.clinician_id, planId: note.plan_id,
          visitedAt: note.visited_at, visitDate: new Date(`${note.visit_day}T00:00:00Z`), painBefore: note.pain_before, painAfter: note.pain_after, subjective: note.subjective,
          objective: note.objective, assessment: note.assessment, plan: note.plan, advice: note.advice, screeningChanges: note.screening_changes,
          needlingDone: note.needling_done, minutesSpent: note.minutes_spent, needlesOpened: note.needles_opened, needlesRemoved: note.needles_removed,
          needlesRetained: note.needles_retained, needlesDisposed: note.needles_disposed,
          sites: note.sites.map((site: Record<string, string>) => ({ ...site, muscle: { code: site.code }, gaugeMm: { toFixed: () => site.gaugeMm }, depthCm: { toFixed: () => site.depthCm } })),
          adverseEvents: note.events,
        } as Parameters<typeof visitContentHash>[0]);
        expect(recomputed).toBe(note.content_hash);
      }
      const { rows: patients } = await client.query(`SELECT first_name, last_name, middle_name, preferred_name, phone, health_number, search_name, phone_digits, health_number_key FROM patient ORDER BY id LIMIT 50`);
      for (const patient of patients) {
        const expected = searchFieldsOf({ firstName: patient.first_name, lastName: patient.last_name, middleName: patient.middle_name, preferredName: patient.preferred_name, phone: patient.phone, healthNumber: patient.health_number });
        expect({ searchName: patient.search_name, phoneDigits: patient.phone_digits, healthNumberKey: patient.health_number_key }).toEqual(expected);
      }
    });
  });

  it('refuses overlapping bookings afterwards: the exclusion constraints were rebuilt, not dropped', async () => {
    await withClient(first.url, async (client) => {
      const { rows: [booked] } = await client.query(`SELECT * FROM appointment WHERE status = 'booked' ORDER BY id LIMIT 1`);
      const { rows: [other] } = await client.query(`SELECT id FROM patient WHERE id <> $1 ORDER BY id LIMIT 1`, [booked.patient_id]);
      await expect(
        client.query(
          `INSERT INTO appointment (id, organisation_id, clinic_id, patient_id, clinician_id, appointment_type_id, starts_at, ends_at, local_start, time_zone)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [booked.organisation_id, booked.clinic_id, other.id, booked.clinician_id, booked.appointment_type_id, booked.starts_at, booked.ends_at, booked.local_start, booked.time_zone],
        ),
      ).rejects.toMatchObject({ code: '23P01', constraint: 'appointment_no_clinician_overlap' });
    });
  });

  it('gives the same rows for the same options and other rows for another seed', async () => {
    const second = await cloneDatabase(template.name);
    const third = await cloneDatabase(template.name);
    try {
      const again = await withClient(second.url, (client) => seedLargeChain(client, TINY));
      expect(again.digest).toBe(summary.digest);
      expect(again.rows).toEqual(summary.rows);
      expect(await withClient(second.url, fingerprint)).toEqual(await withClient(first.url, fingerprint));
      const other = await withClient(third.url, (client) => seedLargeChain(client, { ...TINY, seed: 8 }));
      expect(other.digest).not.toBe(summary.digest);
    } finally {
      await second.drop();
      await third.drop();
    }
  }, 120_000);

  it('refuses a database that already holds an organisation, and leaves it as it was', async () => {
    await withClient(first.url, async (client) => {
      const before = await fingerprint(client);
      await expect(seedLargeChain(client, TINY)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
      expect(await fingerprint(client)).toEqual(before);
    });
  });
});
