import pg from 'pg';
import { openPostgres, type Database } from '@ims/prisma';
import { cloneDatabase, type TestDatabase } from '@ims/prisma/testing';
import { createOrganisation } from '../support/factories';
import { createClinician, createPatient } from '../support/clinician-factories';
import { createAppointmentType } from '../support/clinic-setup-factories';
import { insertAppointment } from '../support/appointment-factories';

/**
 * appointment_day_figures is kept by statement triggers on appointment. After every kind of write (one booking,
 * many in one statement, status changes, a late cancellation, a move to another clinician and across midnight,
 * an update that counts nothing, a delete) the kept figures must equal a recount of the appointments themselves.
 */
describe('appointment day figures in the database', () => {
  let database: TestDatabase;
  let db: Database;
  let sql: pg.Client;
  let ids: { org: string; clinic: string; patient: string; first: string; second: string; type: string };

  /** The figures recounted from the appointments, as the reports define them, beside the kept ones. */
  const both = async () => {
    const recount = await sql.query(`
      SELECT clinic_id::text, clinician_id::text, (starts_at AT TIME ZONE time_zone)::date::text AS day,
        count(*)::int AS appointments, count(*) FILTER (WHERE status = 'completed')::int AS delivered,
        coalesce(sum(round(extract(epoch FROM ends_at - starts_at) * 1000)) FILTER (WHERE status IN ('booked', 'arrived', 'completed')), 0)::bigint::text AS held_ms,
        count(*) FILTER (WHERE status IN ('arrived', 'completed', 'no_show') OR (status = 'cancelled' AND late_cancellation))::int AS due,
        count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
        count(*) FILTER (WHERE status = 'cancelled' AND late_cancellation)::int AS late_cancellations
      FROM appointment WHERE organisation_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, [ids.org]);
    const kept = await sql.query(`
      SELECT clinic_id::text, clinician_id::text, local_day::text AS day, appointments, delivered, held_ms::text, due, no_shows, late_cancellations
      FROM appointment_day_figures WHERE clinic_id = $1 AND appointments > 0 ORDER BY 1, 2, 3`, [ids.clinic]);
    return { kept: kept.rows, recount: recount.rows };
  };
  const expectInStep = async () => {
    const { kept, recount } = await both();
    expect(kept).toEqual(recount);
    return kept;
  };
  const book = (clinicianId: string, startsAt: string, status: 'booked' | 'completed' | 'no_show' = 'booked') =>
    insertAppointment(db.prisma, { organisationId: ids.org, clinicId: ids.clinic, patientId: ids.patient, clinicianId, appointmentTypeId: ids.type, startsAt: new Date(startsAt), status });

  beforeAll(async () => {
    database = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB!);
    db = openPostgres({ url: database.url, poolMax: 2 });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const { organisation, clinic } = await createOrganisation(db.prisma);
    const base = { organisationId: organisation.id, clinicIds: [clinic.id] };
    ids = {
      org: organisation.id,
      clinic: clinic.id,
      patient: (await createPatient(db.prisma, { organisationId: organisation.id, homeClinicId: clinic.id })).id,
      first: (await createClinician(db.prisma, base)).clinician.id,
      second: (await createClinician(db.prisma, base)).clinician.id,
      type: (await createAppointmentType(db.prisma, { organisationId: organisation.id, clinicId: clinic.id })).id,
    };
  });
  afterAll(async () => {
    await sql?.end();
    await db?.close();
    await database?.drop();
  });

  it('follows bookings, status changes, moves and deletes, on the local day of each start', async () => {
    // 23:30 in Vancouver (PST) on 10 March is 07:30 UTC on the 11th: it counts on the 10th.
    const late = await book(ids.first, '2027-03-11T07:30:00Z', 'completed');
    await book(ids.first, '2027-03-10T17:00:00Z', 'no_show');
    const kept = await expectInStep();
    expect(kept).toEqual([expect.objectContaining({ day: '2027-03-10', appointments: 2, delivered: 1, due: 2, no_shows: 1, held_ms: String(30 * 60_000) })]);

    const morning = await book(ids.first, '2027-03-12T17:00:00Z');
    await sql.query(`UPDATE appointment SET status = 'arrived' WHERE id = $1`, [morning.id]);
    await expectInStep();
    await sql.query(`UPDATE appointment SET status = 'cancelled', late_cancellation = true WHERE id = $1`, [morning.id]);
    await expectInStep();
    // Notes and a version bump count nothing: the kept row is untouched.
    await sql.query(`UPDATE appointment SET notes = 'Bring the referral', version = version + 1 WHERE clinic_id = $1`, [ids.clinic]);
    await expectInStep();
    // A move to the other clinician and across midnight takes its counts from one day to the other.
    await sql.query(`UPDATE appointment SET clinician_id = $2, starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = $1`, [late.id, ids.second]);
    const moved = await expectInStep();
    expect(moved).toEqual(expect.arrayContaining([expect.objectContaining({ clinician_id: ids.second, day: '2027-03-11', delivered: 1 })]));
    await sql.query(`DELETE FROM appointment WHERE id = $1`, [morning.id]);
    await expectInStep();
  });

  it('counts many rows written in one statement once each', async () => {
    await sql.query(
      `INSERT INTO appointment (id, organisation_id, clinic_id, patient_id, clinician_id, appointment_type_id, starts_at, ends_at, local_start, time_zone, status, updated_at)
       SELECT gen_random_uuid(), $1, $2, $3, $4, $5, t, t + interval '45 minutes', (t AT TIME ZONE 'America/Vancouver'), 'America/Vancouver',
         (ARRAY['booked', 'completed', 'cancelled']::appointment_status[])[1 + i % 3], now()
       FROM generate_series(0, 29) i, LATERAL (SELECT timestamptz '2027-04-01 16:00Z' + i * interval '1 day' AS t) s`,
      [ids.org, ids.clinic, ids.patient, ids.second, ids.type],
    );
    await sql.query(`UPDATE appointment SET status = 'completed' WHERE clinician_id = $1 AND status = 'booked'`, [ids.second]);
    await expectInStep();
  });

  it('refuses direct writes to the figures (42501)', async () => {
    await expect(sql.query(`UPDATE appointment_day_figures SET delivered = delivered + 1`)).rejects.toMatchObject({ code: '42501' });
    await expect(sql.query(`INSERT INTO appointment_day_figures (clinic_id, clinician_id, local_day) VALUES ($1, $2, '2030-01-01')`, [ids.clinic, ids.first])).rejects.toMatchObject({ code: '42501' });
    await expect(sql.query(`DELETE FROM appointment_day_figures`)).rejects.toMatchObject({ code: '42501' });
    await expectInStep();
  });
});
