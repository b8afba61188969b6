import { Appointment, AppointmentHistory } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { AppointmentEvents } from '../../src/appointments/appointment-events';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic, createPatient } from '../support/clinician-factories';
import { createBookingSetup, insertAppointment, upcoming } from '../support/appointment-factories';

const ZONE = 'America/Vancouver';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('appointment lifecycle', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let reception: SignedInAgent;
  let manager: SignedInAgent;
  let receptionistId: string;
  const changed: string[][] = [];

  const setup = () => createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId });
  /** An appointment starting `offsetMs` from now (negative: already started), written straight to the table. */
  async function appointmentAt(offsetMs: number, options: { clinic?: string; minutes?: number } = {}) {
    const s = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId: options.clinic ?? clinicId });
    const startsAt = new Date(Math.floor((Date.now() + offsetMs) / 1000) * 1000);
    return insertAppointment(testApp.prisma, {
      organisationId: orgId,
      clinicId: options.clinic ?? clinicId,
      patientId: s.patient.id,
      clinicianId: s.clinician.id,
      appointmentTypeId: s.type.id,
      startsAt,
      minutes: options.minutes,
    });
  }
  const history = async (id: string) => AppointmentHistory.parse((await reception.get(`/api/appointments/${id}/history`).expect(200)).body).items;

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    const receptionist = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['receptionist'] });
    receptionistId = receptionist.id;
    reception = await signIn(testApp, receptionist.email);
    manager = await signIn(testApp, (await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['manager'] })).email);
    // A real listener on the real hook, as the reminders feature subscribes: it sees every change in its transaction.
    testApp.app.get(AppointmentEvents).subscribe(async (ids: string[], tx: Prisma.TransactionClient) => {
      const rows = await tx.appointment.findMany({ where: { id: { in: ids } }, select: { id: true, notes: true } });
      if (rows.some((row) => row.notes === 'listener refuses')) throw new Error('listener refused the change');
      changed.push(ids);
    });
  });
  afterAll(() => testApp.close());

  describe('arrival', () => {
    it('marks an arrival on the day, with who changed the status, a new version, history, audit and the change hook', async () => {
      const appointment = await appointmentAt(-MINUTE);
      const arrived = Appointment.parse((await reception.post(`/api/appointments/${appointment.id}/arrive`, { version: 1 }).expect(200)).body);
      expect(arrived).toMatchObject({ status: 'arrived', version: 2 });
      const row = await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
      expect(row.statusChangedById).toBe(receptionistId);
      expect((await history(appointment.id)).map((h) => h.kind)).toEqual(['arrived']);
      expect(await testApp.prisma.auditEvent.count({ where: { entityId: appointment.id, action: 'arrive' } })).toBe(1);
      expect(changed).toContainEqual([appointment.id]);
    });

    it('refuses an arrival on another day and a second arrival (422 status-transition)', async () => {
      const later = await appointmentAt(3 * 24 * HOUR);
      expect((await reception.post(`/api/appointments/${later.id}/arrive`, { version: 1 }).expect(422)).body.violations[0].rule).toBe('status-transition');
      const today = await appointmentAt(-MINUTE);
      await reception.post(`/api/appointments/${today.id}/arrive`, { version: 1 }).expect(200);
      await reception.post(`/api/appointments/${today.id}/arrive`, { version: 2 }).expect(422);
    });
  });

  describe('no-show', () => {
    it('is refused before the start and recorded after it, freeing the slot', async () => {
      const upcomingOne = await appointmentAt(2 * HOUR);
      await reception.post(`/api/appointments/${upcomingOne.id}/no-show`, { version: 1 }).expect(422);
      const started = await appointmentAt(-10 * MINUTE);
      const noShow = (await reception.post(`/api/appointments/${started.id}/no-show`, { version: 1 }).expect(200)).body;
      expect(noShow).toMatchObject({ status: 'no_show', version: 2 });
      // The same clinician's slot is free again: the exclusion constraint ignores no-shows.
      const patient = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId });
      const { organisationId, clinicianId, appointmentTypeId, startsAt } = started;
      await insertAppointment(testApp.prisma, { organisationId, clinicId, clinicianId, appointmentTypeId, startsAt, patientId: patient.id });
      await reception.post(`/api/appointments/${started.id}/cancel`, { version: 2, reason: 'too late' }).expect(422);
    });
  });

  describe('cancellation', () => {
    it('needs a reason (400) and records who, why and the version', async () => {
      const appointment = await appointmentAt(72 * HOUR);
      const missing = await reception.post(`/api/appointments/${appointment.id}/cancel`, { version: 1 }).expect(400);
      expect(missing.body.errors[0].path).toBe('reason');
      const cancelled = (await reception.post(`/api/appointments/${appointment.id}/cancel`, { version: 1, reason: 'patient has flu' }).expect(200)).body;
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'patient has flu', lateCancellation: false, version: 2 });
      expect((await history(appointment.id))[0]).toMatchObject({ kind: 'cancelled', reason: 'patient has flu', changedBy: { id: receptionistId } });
      await reception.post(`/api/appointments/${appointment.id}/arrive`, { version: 2 }).expect(422);
    });

    it("is late inside the clinic's notice period and in time just outside it", async () => {
      const inTime = await appointmentAt(24 * HOUR + 2 * MINUTE);
      const late = await appointmentAt(24 * HOUR - 2 * MINUTE);
      expect((await reception.post(`/api/appointments/${inTime.id}/cancel`, { version: 1, reason: 'r' }).expect(200)).body.lateCancellation).toBe(false);
      expect((await reception.post(`/api/appointments/${late.id}/cancel`, { version: 1, reason: 'r' }).expect(200)).body.lateCancellation).toBe(true);

      const strict = await createClinic(testApp.prisma, { organisationId: orgId });
      await testApp.prisma.clinic.update({ where: { id: strict.id }, data: { lateCancelNoticeHours: 48 } });
      const strictOne = await appointmentAt(30 * HOUR, { clinic: strict.id });
      // Cancelling is the front desk's, not a manager's (a manager's only booking write is an override).
      await manager.post(`/api/appointments/${strictOne.id}/cancel`, { version: 1, reason: 'r' }).expect(403);
      const bothClinics = await signIn(
        testApp,
        (await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId, strict.id], roles: ['receptionist'] })).email,
      );
      // 30 hours ahead is late where 48 hours' notice is asked.
      expect((await bothClinics.post(`/api/appointments/${strictOne.id}/cancel`, { version: 1, reason: 'r' }).expect(200)).body.lateCancellation).toBe(true);
    });

    it('is refused once the appointment has ended', async () => {
      const ended = await appointmentAt(-2 * HOUR);
      expect((await reception.post(`/api/appointments/${ended.id}/cancel`, { version: 1, reason: 'r' }).expect(422)).body.violations[0].rule).toBe('status-transition');
    });
  });

  it('has no public route to complete an appointment', async () => {
    const appointment = await appointmentAt(-MINUTE);
    await reception.post(`/api/appointments/${appointment.id}/complete`, { version: 1 }).expect(404);
  });

  it('refuses a stale version with 409 and leaves the appointment as it was', async () => {
    const appointment = await appointmentAt(48 * HOUR);
    await reception.post(`/api/appointments/${appointment.id}/cancel`, { version: 7, reason: 'r' }).expect(409);
    await reception.patch(`/api/appointments/${appointment.id}`, { version: 0, notes: 'x' }).expect(409);
    expect((await reception.get(`/api/appointments/${appointment.id}`).expect(200)).body).toMatchObject({ status: 'booked', version: 1 });
    await reception.patch(`/api/appointments/${appointment.id}`, { notes: 'x' }).expect(400);
  });

  describe('moving', () => {
    it('moves time, clinician and room, keeping from and to in the history', async () => {
      const s = await setup();
      const other = await setup();
      const first = upcoming(ZONE, 2, '10:00');
      const booked = (await reception.post('/api/appointments', { clinicId, patientId: s.patient.id, clinicianId: s.clinician.id, roomId: s.room.id, appointmentTypeId: s.type.id, startsAt: first }).expect(201)).body;
      const second = upcoming(ZONE, 3, '15:30');
      const moved = Appointment.parse(
        (await reception.patch(`/api/appointments/${booked.id}`, { version: 1, startsAt: second, clinicianId: other.clinician.id, roomId: other.room.id, reason: 'patient asked' }).expect(200)).body,
      );
      expect(moved).toMatchObject({ version: 2, startsAt: second, clinicianId: other.clinician.id, roomId: other.room.id, localStart: second.slice(0, 16) });
      expect(Date.parse(moved.endsAt) - Date.parse(moved.startsAt)).toBe(30 * MINUTE);
      const items = await history(booked.id);
      expect(items.map((h) => h.kind)).toEqual(['created', 'moved']);
      expect(items[1]).toMatchObject({
        fromStartsAt: first,
        toStartsAt: second,
        fromClinicianId: s.clinician.id,
        toClinicianId: other.clinician.id,
        fromRoomId: s.room.id,
        toRoomId: other.room.id,
        reason: 'patient asked',
      });
      expect(await testApp.prisma.auditEvent.count({ where: { entityId: booked.id, action: 'move' } })).toBe(1);
      expect(changed).toContainEqual([booked.id]);
    });

    it('refuses moving onto another appointment (409 naming it), outside hours (422) and a cancelled one (422)', async () => {
      const s = await setup();
      const body = { clinicId, clinicianId: s.clinician.id, appointmentTypeId: s.type.id };
      const blocker = (await reception.post('/api/appointments', { ...body, patientId: s.patient.id, startsAt: upcoming(ZONE, 4, '10:00') }).expect(201)).body;
      const patient = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId });
      const mover = (await reception.post('/api/appointments', { ...body, patientId: patient.id, startsAt: upcoming(ZONE, 4, '11:00') }).expect(201)).body;
      const clash = await reception.patch(`/api/appointments/${mover.id}`, { version: 1, startsAt: upcoming(ZONE, 4, '10:15') }).expect(409);
      expect(clash.body.conflicts).toEqual([expect.objectContaining({ id: blocker.id })]);
      // Back-to-back with itself is fine: a move never conflicts with the appointment being moved.
      await reception.patch(`/api/appointments/${mover.id}`, { version: 1, startsAt: upcoming(ZONE, 4, '11:15') }).expect(200);

      const night = upcoming(ZONE, 4, '22:00');
      expect((await reception.patch(`/api/appointments/${mover.id}`, { version: 2, startsAt: night }).expect(422)).body.violations[0].rule).toBe('working-hours');
      const overridden = (await manager.patch(`/api/appointments/${mover.id}`, { version: 2, startsAt: night, overrideReason: 'night shift agreed' }).expect(200)).body;
      expect(overridden.overrideReason).toBe('night shift agreed');

      await reception.post(`/api/appointments/${mover.id}/cancel`, { version: 3, reason: 'r' }).expect(200);
      expect((await reception.patch(`/api/appointments/${mover.id}`, { version: 4, startsAt: upcoming(ZONE, 5, '10:00') }).expect(422)).body.violations[0].rule).toBe('status-transition');
    });

    it('rolls the change back when a listener of the change hook fails', async () => {
      const appointment = await appointmentAt(48 * HOUR);
      await reception.patch(`/api/appointments/${appointment.id}`, { version: 1, notes: 'listener refuses' }).expect(500);
      expect((await reception.get(`/api/appointments/${appointment.id}`).expect(200)).body).toMatchObject({ version: 1, notes: null });
    });
  });

  it("answers 404 for another organisation's appointment on every lifecycle route", async () => {
    const other = await createOrganisation(testApp.prisma);
    const s = await createBookingSetup(testApp.prisma, { organisationId: other.organisation.id, clinicId: other.clinic.id });
    const foreign = await insertAppointment(testApp.prisma, {
      organisationId: other.organisation.id,
      clinicId: other.clinic.id,
      patientId: s.patient.id,
      clinicianId: s.clinician.id,
      appointmentTypeId: s.type.id,
      startsAt: new Date(Date.now() + HOUR),
    });
    await reception.get(`/api/appointments/${foreign.id}`).expect(404);
    await reception.get(`/api/appointments/${foreign.id}/history`).expect(404);
    await reception.patch(`/api/appointments/${foreign.id}`, { version: 1, notes: 'x' }).expect(404);
    for (const action of ['arrive', 'no-show']) await reception.post(`/api/appointments/${foreign.id}/${action}`, { version: 1 }).expect(404);
    await reception.post(`/api/appointments/${foreign.id}/cancel`, { version: 1, reason: 'r' }).expect(404);
    expect((await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: foreign.id } })).version).toBe(1);
  });
});
