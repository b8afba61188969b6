import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createAppointmentType, createBookableClinician, createRoom, upcoming } from '../support/appointment-factories';

const ZONE = 'America/Vancouver';

/**
 * Two screens booking the same slot at the same moment: the database, not the UI, refuses the loser. Every request
 * here is in flight at once (the test app's pool has 5 connections, so they truly contend in PostgreSQL).
 */
describe('appointment races', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let typeId: string;
  let reception: SignedInAgent;

  async function patients(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await testApp.prisma.patient.createMany({
      data: ids.map((id, i) => ({ id, organisationId: orgId, homeClinicId: clinicId, firstName: 'Racer', lastName: `No${i}`, dateOfBirth: new Date('1990-01-01T00:00:00Z') })),
    });
    return ids;
  }
  const clinician = async (name?: string) => (await createBookableClinician(testApp.prisma, { organisationId: orgId, clinicId, name })).clinician.id;
  const book = (body: object) => reception.post('/api/appointments', { clinicId, appointmentTypeId: typeId, ...body }).set('Idempotency-Key', randomUUID());

  /** Exactly one 201, every other answer a 409 naming the winner; never a 5xx. */
  async function expectOneWinner(responses: Response[]) {
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const winners = responses.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    const winnerId = winners[0].body.id;
    const losers = responses.filter((r) => r.status !== 201);
    expect(losers.map((r) => r.status)).toEqual(losers.map(() => 409));
    for (const loser of losers) expect(loser.body.conflicts).toContainEqual(expect.objectContaining({ entity: 'appointment', id: winnerId }));
    return winnerId as string;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    typeId = (await createAppointmentType(testApp.prisma, { organisationId: orgId, clinicId, durationMinutes: 30 })).id;
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['receptionist'] });
    reception = await signIn(testApp, user.email);
  });
  afterAll(() => testApp.close());

  it('50 concurrent bookings of one clinician slot: one 201, 49 409s naming the winner', async () => {
    const clinicianId = await clinician('Dr Contested');
    const patientIds = await patients(50);
    const startsAt = upcoming(ZONE, 3, '10:00');
    const responses = await Promise.all(patientIds.map((patientId) => book({ clinicianId, patientId, startsAt })));
    const winnerId = await expectOneWinner(responses);
    expect(responses.find((r) => r.status === 409)!.body.conflicts[0].message).toMatch(/^Dr Contested already has Racer No\d+ /);
    const active = await testApp.prisma.appointment.findMany({ where: { clinicianId, status: { notIn: ['cancelled', 'no_show'] } } });
    expect(active.map((a) => a.id)).toEqual([winnerId]);
  });

  it('50 concurrent bookings of one room with different clinicians and patients: one wins', async () => {
    const room = await createRoom(testApp.prisma, { organisationId: orgId, clinicId, name: 'Contested room' });
    const patientIds = await patients(50);
    const clinicianIds: string[] = [];
    for (let i = 0; i < 50; i += 1) clinicianIds.push(await clinician());
    const startsAt = upcoming(ZONE, 4, '11:00');
    // Staggered starts: each overlaps the first only partly, so the room constraint is what refuses them.
    const responses = await Promise.all(
      patientIds.map((patientId, i) => book({ clinicianId: clinicianIds[i], patientId, roomId: room.id, startsAt: i % 2 ? upcoming(ZONE, 4, '11:15') : startsAt })),
    );
    const winnerId = await expectOneWinner(responses);
    expect(await testApp.prisma.appointment.count({ where: { roomId: room.id } })).toBe(1);
    expect(responses.find((r) => r.status === 409)!.body.conflicts).toContainEqual(expect.objectContaining({ id: winnerId, message: expect.stringContaining('Contested room is taken by') }));
  });

  it('the same patient with two clinicians at once: one booking, the other 409', async () => {
    const [patientId] = await patients(1);
    const clinicianIds = [await clinician(), await clinician(), await clinician(), await clinician()];
    const responses = await Promise.all(clinicianIds.map((clinicianId) => book({ clinicianId, patientId, startsAt: upcoming(ZONE, 5, '09:00') })));
    await expectOneWinner(responses);
    expect(responses.find((r) => r.status === 409)!.body.conflicts[0].message).toMatch(/^Racer No0 is already booked with /);
  });

  it('the same Idempotency-Key sent 10 times at once books once and replays one body', async () => {
    const clinicianId = await clinician();
    const [patientId] = await patients(1);
    const key = randomUUID();
    const body = { clinicId, appointmentTypeId: typeId, clinicianId, patientId, startsAt: upcoming(ZONE, 2, '12:00') };
    const responses = await Promise.all(Array.from({ length: 10 }, () => reception.post('/api/appointments', body).set('Idempotency-Key', key)));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    for (const response of responses) expect(response.body).toEqual(responses[0].body);
    expect(await testApp.prisma.appointment.count({ where: { patientId } })).toBe(1);
  });

  /**
   * A writer outside the app (or one that skips the app's queueing) holds an uncommitted overlapping row: the booking
   * passes its own check, waits in PostgreSQL's exclusion check, and then gets the constraint's 23P01 as a 409 naming
   * that row once it commits, or succeeds once it rolls back.
   */
  it.each([
    ['commits', 409],
    ['rolls back', 201],
  ])('when a concurrent writer of the same slot %s, the booking answers %i', async (outcome, status) => {
    const clinicianId = await clinician('Dr Waiting');
    const [holderPatient, patientId] = await patients(2);
    const startsAt = upcoming(ZONE, 1, '14:00');
    const holder = new pg.Client({ connectionString: testApp.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const held = await holder.query<{ id: string }>(
        `INSERT INTO appointment (id, organisation_id, clinic_id, patient_id, clinician_id, appointment_type_id, starts_at, ends_at, local_start, time_zone, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz + interval '30 minutes', $6::timestamptz AT TIME ZONE $7, $7, now()) RETURNING id`,
        [orgId, clinicId, holderPatient, clinicianId, typeId, startsAt, ZONE],
      );
      const pending = book({ clinicianId, patientId, startsAt }).then((response) => response);
      await waitUntilABookingWaitsOnALock();
      await holder.query(outcome === 'commits' ? 'COMMIT' : 'ROLLBACK');
      const response = await pending;
      expect(response.status).toBe(status);
      if (status === 409) expect(response.body.conflicts).toEqual([expect.objectContaining({ id: held.rows[0].id, message: expect.stringContaining('Dr Waiting already has Racer') })]);
    } finally {
      await holder.end();
    }
  });

  /** Proves the booking really is blocked behind the held row (not merely slow) before the holder decides. */
  async function waitUntilABookingWaitsOnALock(): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const [row] = await testApp.prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row.waiting > 0) return;
      await sleep(50);
    }
    throw new Error('the booking never waited on the uncommitted overlapping row');
  }
});
