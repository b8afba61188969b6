import { openPglite, openPostgres, type Database } from '../src/client/open-database';
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
              WHERE NOT EXISTS (SELECT 1 FROM ims_consent c WHERE c.patient_id = t.patient_id))::int AS plans_without_consent`);
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
      });
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
        const [row] = await database.prisma.$queryRawUnsafe<{ patients: string; appointments: string }[]>(`
          SELECT md5(string_agg(first_name || last_name || date_of_birth::text || coalesce(phone, ''), ',' ORDER BY first_name, last_name, date_of_birth)) AS patients,
                 (SELECT md5(string_agg(starts_at::text || status::text, ',' ORDER BY starts_at, status)) FROM appointment) AS appointments
          FROM patient`);
        return row;
      } finally {
        await database.close();
      }
    };
    expect(await fingerprint()).toEqual(await fingerprint());
  });
});
