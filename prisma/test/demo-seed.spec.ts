import { openPglite, openPostgres, type Database } from '../src/client/open-database';
import { isResponder, type OutcomeMeasure } from '@ims/contracts';
import { seedDemoClinic } from '../src/seed/demo-clinic';
import { createTemplateDatabase, type TemplateDatabase } from '../src/testing/test-databases';

const NOW = new Date('2026-11-24T20:00:00Z');

/** Facts the demo must always hold: the documented logins, no double bookings, clinically coherent consents. */
async function demoFacts(database: Database) {
  const q = <T>(sql: string) => database.prisma.$queryRawUnsafe<T[]>(sql);
  const [counts] = await q<Record<string, number>>(`
    SELECT (SELECT count(*) FROM organisation)::int AS organisations,
           (SELECT count(*) FROM clinic)::int AS clinics,
           (SELECT count(*) FROM patient)::int AS patients,
           (SELECT count(*) FROM patient WHERE search_name = '')::int AS patients_without_search_name,
           (SELECT count(*) FROM appointment WHERE starts_at < now())::int AS past_appointments,
           (SELECT count(*) FROM appointment WHERE starts_at > now())::int AS future_appointments,
           (SELECT count(*) FROM ims_consent WHERE thorax_included AND NOT ('pneumothorax' = ANY(risks_disclosed)))::int AS thorax_without_pneumothorax,
           (SELECT count(*) FROM ims_consent c JOIN patient p ON p.id = c.patient_id
              WHERE date_part('year', age(c.consented_on, p.date_of_birth)) < 19 AND c.given_by = 'patient')::int AS minors_consenting_alone,
           (SELECT count(DISTINCT patient_id) FROM treatment_plan t
              WHERE NOT EXISTS (SELECT 1 FROM ims_consent c WHERE c.patient_id = t.patient_id))::int AS plans_without_consent,
           (SELECT count(*) FROM visit_note WHERE status = 'signed')::int AS signed_notes,
           (SELECT count(*) FROM visit_site)::int AS needling_sites,
           (SELECT count(*) FROM appointment a WHERE a.status = 'completed'
              AND NOT EXISTS (SELECT 1 FROM visit_note v WHERE v.appointment_id = a.id AND v.status = 'signed'))::int AS completed_without_signed_note,
           (SELECT count(*) FROM visit_note v WHERE v.status = 'signed' AND v.needling_done AND NOT EXISTS (
              SELECT 1 FROM ims_consent c WHERE c.patient_id = v.patient_id AND c.consented_on <= v.visit_date
                AND (c.withdrawn_on IS NULL OR c.withdrawn_on > v.visit_date)))::int AS needled_without_consent,
           (SELECT count(*) FROM visit_note v WHERE v.status = 'signed' AND v.needling_done AND NOT EXISTS (
              SELECT 1 FROM needling_authorisation a WHERE a.clinician_id = v.clinician_id AND a.kind = 'ims'
                AND a.valid_from <= v.visit_date AND (a.valid_to IS NULL OR a.valid_to >= v.visit_date)))::int AS needled_without_authorisation,
           (SELECT count(*) FROM visit_site s JOIN muscle m ON m.id = s.muscle_id
              WHERE s.depth_cm NOT BETWEEN m.depth_min_cm AND m.depth_max_cm)::int AS depths_outside_range,
           (SELECT count(*) FROM visit_site s JOIN muscle m ON m.id = s.muscle_id JOIN visit_note v ON v.id = s.visit_note_id
              WHERE m.thorax_risk AND NOT EXISTS (SELECT 1 FROM ims_consent c WHERE c.patient_id = v.patient_id AND c.thorax_included
                AND c.consented_on <= v.visit_date AND (c.withdrawn_on IS NULL OR c.withdrawn_on > v.visit_date)))::int AS thorax_without_consent,
           (SELECT count(*) FROM (SELECT plan_id, max(session_number) AS top, count(*) AS n FROM visit_note
              WHERE session_number IS NOT NULL GROUP BY plan_id) s WHERE s.top <> s.n)::int AS session_number_gaps`);
  const logins = await q<{ email: string; roles: string[] }>(`SELECT email, roles::text[] AS roles FROM app_user ORDER BY email`);
  const authorised = await q<{ email: string }>(`
    SELECT u.email FROM needling_authorisation a JOIN clinician c ON c.id = a.clinician_id JOIN app_user u ON u.id = c.user_id
    WHERE a.kind = 'ims' AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)`);
  return { counts, logins, authorised: authorised.map((row) => row.email) };
}

describe('demo seed', () => {
  let template: TemplateDatabase;
  beforeAll(async () => {
    template = await createTemplateDatabase();
  });
  afterAll(() => template.drop());

  it('seeds the documented demo clinic on PostgreSQL, whose constraints accept it', async () => {
    const database = openPostgres({ url: template.url, poolMax: 2 });
    try {
      const summary = await seedDemoClinic(database.prisma, { now: NOW });
      expect(summary).toMatchObject({ clinics: 2, users: 5, patients: 200 });
      const { counts, logins, authorised } = await demoFacts(database);
      expect(counts).toMatchObject({
        organisations: 1,
        clinics: 2,
        patients: 200,
        patients_without_search_name: 0,
        thorax_without_pneumothorax: 0,
        minors_consenting_alone: 0,
        plans_without_consent: 0,
        completed_without_signed_note: 0,
        needled_without_consent: 0,
        needled_without_authorisation: 0,
        depths_outside_range: 0,
        thorax_without_consent: 0,
        session_number_gaps: 0,
      });
      expect(counts.signed_notes).toBeGreaterThan(100);
      // Baseline and session-4 outcomes tell both stories: some courses reach the MCID, some are flagged for review.
      const pairs = await database.prisma.$queryRawUnsafe<Array<{ measure: OutcomeMeasure; baseline: string; later: string }>>(`
        SELECT b.measure::text AS measure, b.score::text AS baseline, s.score::text AS later
          FROM outcome_record b JOIN outcome_record s ON s.plan_id = b.plan_id AND s.measure = b.measure AND s.timepoint = 'session'
         WHERE b.timepoint = 'baseline'`);
      const responders = pairs.filter((pair) => isResponder(pair.measure, Number(pair.baseline), Number(pair.later))).length;
      expect(responders).toBeGreaterThan(3);
      expect(pairs.length - responders).toBeGreaterThan(2);
      expect(counts.needling_sites).toBeGreaterThan(200);
      expect(counts.past_appointments).toBeGreaterThan(100);
      expect(counts.future_appointments).toBeGreaterThan(50);
      expect(logins.map((login) => login.email)).toEqual([
        'admin@demo.clinic',
        'manager@demo.clinic',
        'physio2@demo.clinic',
        'physio@demo.clinic',
        'reception@demo.clinic',
      ]);
      expect(authorised).toEqual(['physio@demo.clinic']);
    } finally {
      await database.close();
    }
  });

  it('gives the same data for the same day on PGlite (demo mode)', async () => {
    const fingerprint = async () => {
      const database = await openPglite();
      try {
        await database.migrate();
        await seedDemoClinic(database.prisma, { now: NOW });
        const [row] = await database.prisma.$queryRawUnsafe<{ patients: string; appointments: string; notes: string }[]>(`
          SELECT md5(string_agg(first_name || last_name || date_of_birth::text || coalesce(phone, ''), ',' ORDER BY first_name, last_name, date_of_birth)) AS patients,
                 (SELECT md5(string_agg(starts_at::text || status::text, ',' ORDER BY starts_at, status)) FROM appointment) AS appointments,
                 (SELECT md5(string_agg(v.visited_at::text || v.status::text || coalesce(v.pain_before, -1)::text || coalesce(v.session_number, 0)::text || s.sites, ','
                    ORDER BY v.visited_at, v.patient_id))
                    FROM visit_note v, LATERAL (SELECT coalesce(string_agg(m.code || x.depth_cm::text, ';' ORDER BY x.position), '') AS sites
                                                 FROM visit_site x JOIN muscle m ON m.id = x.muscle_id WHERE x.visit_note_id = v.id) s) AS notes
          FROM patient`);
        return row;
      } finally {
        await database.close();
      }
    };
    expect(await fingerprint()).toEqual(await fingerprint());
  });
});
