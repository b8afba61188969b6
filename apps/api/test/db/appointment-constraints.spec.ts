import pg from 'pg';
import { openPostgres, type Database } from '@ims/prisma';
import { cloneDatabase, type TestDatabase } from '@ims/prisma/testing';
import { createOrganisation } from '../support/factories';
import { createClinician, createPatient } from '../support/clinician-factories';
import { createAppointmentType, createRoom } from '../support/clinic-setup-factories';

/**
 * The database itself refuses double bookings: exclusion constraints per clinician, room and patient over
 * tstzrange [starts_at, ends_at), ignoring cancelled and no-show rows. Proved with raw SQL, not the app's code.
 */
describe('appointment exclusion constraints', () => {
  let database: TestDatabase;
  let prisma: Database;
  let sql: pg.Client;
  let ids: { org: string; clinic: string; type: string; roomA: string; roomB: string; drA: string; drB: string; pat1: string; pat2: string; pat3: string };

  const insert = (o: { clinician: string; patient: string; room?: string | null; start: string; end: string; status?: string }) =>
    sql.query(
      `INSERT INTO appointment (id, organisation_id, clinic_id, patient_id, clinician_id, room_id, appointment_type_id, starts_at, ends_at, local_start, time_zone, status, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, ($7::timestamptz AT TIME ZONE 'America/Vancouver'), 'America/Vancouver', $9::appointment_status, now())
       RETURNING id`,
      [ids.org, ids.clinic, o.patient, o.clinician, o.room ?? null, ids.type, o.start, o.end, o.status ?? 'booked'],
    );
  const refusal = async (statement: Promise<unknown>) => {
    try {
      await statement;
    } catch (error) {
      return { code: (error as { code?: string }).code, constraint: (error as { constraint?: string }).constraint };
    }
    throw new Error('expected the database to refuse the insert, but it ran');
  };

  beforeAll(async () => {
    database = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB!);
    prisma = openPostgres({ url: database.url, poolMax: 2 });
    const client = prisma.prisma;
    const { organisation, clinic } = await createOrganisation(client);
    const org = organisation.id;
    const base = { organisationId: org, clinicId: clinic.id };
    ids = {
      org,
      clinic: clinic.id,
      type: (await createAppointmentType(client, base)).id,
      roomA: (await createRoom(client, base)).id,
      roomB: (await createRoom(client, base)).id,
      drA: (await createClinician(client, { organisationId: org, clinicIds: [clinic.id] })).clinician.id,
      drB: (await createClinician(client, { organisationId: org, clinicIds: [clinic.id] })).clinician.id,
      pat1: (await createPatient(client, { organisationId: org, homeClinicId: clinic.id })).id,
      pat2: (await createPatient(client, { organisationId: org, homeClinicId: clinic.id })).id,
      pat3: (await createPatient(client, { organisationId: org, homeClinicId: clinic.id })).id,
    };
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    // 10:00-10:30 on 2026-06-01 (Vancouver, -07:00): Dr A with patient 1 in room A.
    await insert({ clinician: ids.drA, patient: ids.pat1, room: ids.roomA, start: '2026-06-01T10:00:00-07:00', end: '2026-06-01T10:30:00-07:00' });
  });
  afterAll(async () => {
    await sql?.end();
    await prisma?.close();
    await database?.drop();
  });

  it('refuses the same clinician in an overlapping slot (23P01)', async () => {
    expect(await refusal(insert({ clinician: ids.drA, patient: ids.pat2, start: '2026-06-01T10:29:00-07:00', end: '2026-06-01T10:59:00-07:00' }))).toEqual({
      code: '23P01',
      constraint: 'appointment_no_clinician_overlap',
    });
  });

  it('refuses the same room in an overlapping slot (23P01)', async () => {
    expect(await refusal(insert({ clinician: ids.drB, patient: ids.pat2, room: ids.roomA, start: '2026-06-01T09:45:00-07:00', end: '2026-06-01T10:15:00-07:00' }))).toEqual({
      code: '23P01',
      constraint: 'appointment_no_room_overlap',
    });
  });

  it('refuses the same patient with another clinician at the same time (23P01)', async () => {
    expect(await refusal(insert({ clinician: ids.drB, patient: ids.pat1, room: ids.roomB, start: '2026-06-01T10:10:00-07:00', end: '2026-06-01T10:20:00-07:00' }))).toEqual({
      code: '23P01',
      constraint: 'appointment_no_patient_overlap',
    });
  });

  it('refuses an overlap written as a move (UPDATE), not only as an insert', async () => {
    const other = (await insert({ clinician: ids.drA, patient: ids.pat3, start: '2026-06-01T12:00:00-07:00', end: '2026-06-01T12:30:00-07:00' })).rows[0].id;
    const move = sql.query(`UPDATE appointment SET starts_at = '2026-06-01T10:15:00-07:00', ends_at = '2026-06-01T10:45:00-07:00' WHERE id = $1`, [other]);
    expect((await refusal(move)).code).toBe('23P01');
  });

  it('allows back-to-back slots for the same clinician, room and patient', async () => {
    const after = await insert({ clinician: ids.drA, patient: ids.pat1, room: ids.roomA, start: '2026-06-01T10:30:00-07:00', end: '2026-06-01T11:00:00-07:00' });
    const before = await insert({ clinician: ids.drA, patient: ids.pat1, room: ids.roomA, start: '2026-06-01T09:30:00-07:00', end: '2026-06-01T10:00:00-07:00' });
    expect(after.rowCount).toBe(1);
    expect(before.rowCount).toBe(1);
  });

  it('allows overlapping a cancelled or no-show appointment, and refuses reinstating it over the new one', async () => {
    const slot = { start: '2026-06-02T14:00:00-07:00', end: '2026-06-02T14:30:00-07:00' };
    const cancelled = (await insert({ clinician: ids.drB, patient: ids.pat2, room: ids.roomB, ...slot, status: 'cancelled' })).rows[0].id;
    await insert({ clinician: ids.drB, patient: ids.pat3, room: ids.roomB, ...slot, status: 'no_show' });
    expect((await insert({ clinician: ids.drB, patient: ids.pat2, room: ids.roomB, ...slot })).rowCount).toBe(1);
    const reinstate = sql.query(`UPDATE appointment SET status = 'booked' WHERE id = $1`, [cancelled]);
    expect((await refusal(reinstate)).code).toBe('23P01');
  });

  it('refuses an appointment that ends before it starts (23514)', async () => {
    expect((await refusal(insert({ clinician: ids.drB, patient: ids.pat3, start: '2026-06-03T10:00:00-07:00', end: '2026-06-03T09:00:00-07:00' }))).code).toBe('23514');
  });
});
