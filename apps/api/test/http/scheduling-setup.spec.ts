import { AppointmentType, Clinic, OpeningHours, Room, TimeOff, TimeOffList } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic } from '../support/clinician-factories';
import { addLocalDays, createBookingSetup, upcoming } from '../support/appointment-factories';

const ZONE = 'America/Vancouver';

describe('scheduling set-up', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let admin: SignedInAgent;
  let reception: SignedInAgent;
  let foreign: { clinicId: string; clinicianId: string; roomId: string; typeId: string };

  const agent = async (roles: Role[], clinicIds = [clinicId]) => signIn(testApp, (await createUser(testApp.prisma, { organisationId: orgId, clinicIds, roles })).email);
  const auditActions = (entityType: string, entityId: string) =>
    testApp.prisma.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: 'asc' } }).then((rows) => rows.map((r) => r.action));

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    admin = await agent(['admin']);
    reception = await agent(['receptionist']);
    const other = await createOrganisation(testApp.prisma);
    const s = await createBookingSetup(testApp.prisma, { organisationId: other.organisation.id, clinicId: other.clinic.id });
    foreign = { clinicId: other.clinic.id, clinicianId: s.clinician.id, roomId: s.room.id, typeId: s.type.id };
  });
  afterAll(() => testApp.close());

  describe('clinic details', () => {
    it('are edited by an admin, audited, and blank text clears a field', async () => {
      const clinic = await createClinic(testApp.prisma, { organisationId: orgId });
      const patch = { name: 'Kitsilano IMS', timeZone: 'America/Edmonton', address: '1 Main St', phone: '604-555-0100', lateCancelNoticeHours: 48 };
      const updated = Clinic.parse((await admin.patch(`/api/clinics/${clinic.id}`, patch).expect(200)).body);
      expect(updated).toEqual({ id: clinic.id, ...patch });
      const cleared = Clinic.parse((await admin.patch(`/api/clinics/${clinic.id}`, { phone: '  ' }).expect(200)).body);
      expect(cleared).toMatchObject({ name: 'Kitsilano IMS', phone: null, address: '1 Main St' });
      const audits = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'clinic', entityId: clinic.id }, orderBy: { id: 'asc' } });
      expect(audits.map((a) => a.action)).toEqual(['update', 'update']);
      expect(audits[1].detail).toEqual({ changes: { phone: { from: '604-555-0100', to: null } } });
    });

    it('refuses unknown zones and notice over a week (400), non-admins (403) and foreign clinics (404)', async () => {
      expect((await admin.patch(`/api/clinics/${clinicId}`, { timeZone: 'Mars/Olympus' }).expect(400)).body.errors[0].path).toBe('timeZone');
      expect((await admin.patch(`/api/clinics/${clinicId}`, { lateCancelNoticeHours: 169 }).expect(400)).body.errors[0].path).toBe('lateCancelNoticeHours');
      await admin.patch(`/api/clinics/${clinicId}`, {}).expect(400);
      await reception.patch(`/api/clinics/${clinicId}`, { name: 'Mine now' }).expect(403);
      await admin.patch(`/api/clinics/${foreign.clinicId}`, { name: 'Mine now' }).expect(404);
      expect((await testApp.prisma.clinic.findUniqueOrThrow({ where: { id: foreign.clinicId } })).name).not.toBe('Mine now');
    });
  });

  describe('opening hours', () => {
    it('are replaced as a whole by an admin, audited, and read by every role of the clinic', async () => {
      const clinic = await createClinic(testApp.prisma, { organisationId: orgId });
      const hours = [
        { weekday: 6, opensAt: '09:00', closesAt: '13:00' },
        { weekday: 1, opensAt: '07:30', closesAt: '19:00' },
      ];
      const put = OpeningHours.parse((await admin.put(`/api/clinics/${clinic.id}/opening-hours`, { hours }).expect(200)).body);
      expect(put.hours.map((h) => h.weekday)).toEqual([1, 6]);
      const member = await agent(['physiotherapist'], [clinic.id]);
      expect(OpeningHours.parse((await member.get(`/api/clinics/${clinic.id}/opening-hours`).expect(200)).body)).toEqual(put);
      await admin.put(`/api/clinics/${clinic.id}/opening-hours`, { hours: [hours[1]] }).expect(200);
      expect((await member.get(`/api/clinics/${clinic.id}/opening-hours`).expect(200)).body.hours).toEqual([hours[1]]);
      expect(await auditActions('opening_hours', clinic.id)).toEqual(['update', 'update']);
      // A receptionist of another clinic does not see this one.
      await reception.get(`/api/clinics/${clinic.id}/opening-hours`).expect(404);
    });

    it('refuses overlapping entries and closing before opening (400), non-admins (403) and foreign clinics (404)', async () => {
      const overlapping = await admin
        .put(`/api/clinics/${clinicId}/opening-hours`, { hours: [{ weekday: 2, opensAt: '08:00', closesAt: '12:00' }, { weekday: 2, opensAt: '11:00', closesAt: '15:00' }] })
        .expect(400);
      expect(overlapping.body.errors[0].path).toBe('hours.1.opensAt');
      const backwards = await admin.put(`/api/clinics/${clinicId}/opening-hours`, { hours: [{ weekday: 2, opensAt: '12:00', closesAt: '08:00' }] }).expect(400);
      expect(backwards.body.errors[0].path).toBe('hours.0.closesAt');
      await reception.put(`/api/clinics/${clinicId}/opening-hours`, { hours: [] }).expect(403);
      await admin.put(`/api/clinics/${foreign.clinicId}/opening-hours`, { hours: [] }).expect(404);
      await admin.get(`/api/clinics/${foreign.clinicId}/opening-hours`).expect(404);
    });
  });

  describe('time off', () => {
    const monday = upcoming(ZONE, 1, '00:00');
    const period = { startsAt: monday, endsAt: addLocalDays(monday, 2, ZONE), reason: 'course in Vancouver' };

    it('is recorded by an admin, listed to everyone, blocks booking, and is removed by an admin', async () => {
      const s = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId });
      const added = TimeOff.parse((await admin.post(`/api/clinicians/${s.clinician.id}/time-off`, period).expect(201)).body);
      expect(added).toMatchObject({ clinicianId: s.clinician.id, startsAt: period.startsAt, reason: period.reason });
      expect(TimeOffList.parse((await reception.get(`/api/clinicians/${s.clinician.id}/time-off`).expect(200)).body).items).toEqual([added]);

      const booking = { clinicId, clinicianId: s.clinician.id, patientId: s.patient.id, appointmentTypeId: s.type.id, startsAt: addLocalDays(monday, 1, ZONE, '10:00') };
      expect((await reception.post('/api/appointments', booking).expect(422)).body.violations[0].rule).toBe('time-off');

      await reception.delete(`/api/clinicians/${s.clinician.id}/time-off/${added.id}`).expect(403);
      await admin.delete(`/api/clinicians/${s.clinician.id}/time-off/${added.id}`).expect(204);
      await admin.delete(`/api/clinicians/${s.clinician.id}/time-off/${added.id}`).expect(404);
      expect(await auditActions('time_off', added.id)).toEqual(['create', 'delete']);
      await reception.post('/api/appointments', booking).expect(201);
    });

    it('may be recorded by the clinician for themself only', async () => {
      const self = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId });
      const colleague = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId });
      const physio = await signIn(testApp, self.clinicianUser.email);
      await physio.post(`/api/clinicians/${self.clinician.id}/time-off`, period).expect(201);
      await physio.post(`/api/clinicians/${colleague.clinician.id}/time-off`, period).expect(403);
      await reception.post(`/api/clinicians/${self.clinician.id}/time-off`, period).expect(403);
    });

    it('refuses an end before the start (400) and foreign clinicians (404)', async () => {
      const s = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId });
      const backwards = await admin.post(`/api/clinicians/${s.clinician.id}/time-off`, { startsAt: period.endsAt, endsAt: period.startsAt }).expect(400);
      expect(backwards.body.errors[0].path).toBe('endsAt');
      await admin.post(`/api/clinicians/${foreign.clinicianId}/time-off`, period).expect(404);
      await admin.get(`/api/clinicians/${foreign.clinicianId}/time-off`).expect(404);
    });
  });

  describe('rooms', () => {
    it('are added, renamed and retired by an admin, with names unique per clinic (409)', async () => {
      const room = Room.parse((await admin.post('/api/rooms', { clinicId, name: 'Bed 1' }).expect(201)).body);
      expect(room).toMatchObject({ clinicId, name: 'Bed 1', active: true });
      expect((await admin.post('/api/rooms', { clinicId, name: 'Bed 1' }).expect(409)).body.conflicts[0].entity).toBe('room');
      // The same name at another clinic is fine.
      const other = await createClinic(testApp.prisma, { organisationId: orgId });
      await admin.post('/api/rooms', { clinicId: other.id, name: 'Bed 1' }).expect(201);
      await admin.post('/api/rooms', { clinicId, name: 'Bed 2' }).expect(201);
      await admin.patch(`/api/rooms/${room.id}`, { name: 'Bed 2' }).expect(409);
      const retired = Room.parse((await admin.patch(`/api/rooms/${room.id}`, { name: 'Bed one', active: false }).expect(200)).body);
      expect(retired).toMatchObject({ name: 'Bed one', active: false });
      expect(await auditActions('room', room.id)).toEqual(['create', 'update']);
    });

    it('refuses non-admins (403), empty patches (400) and foreign ids (404)', async () => {
      await reception.post('/api/rooms', { clinicId, name: 'Bed 9' }).expect(403);
      const room = (await admin.post('/api/rooms', { clinicId, name: 'Bed 9' }).expect(201)).body;
      await admin.patch(`/api/rooms/${room.id}`, {}).expect(400);
      await admin.patch(`/api/rooms/${foreign.roomId}`, { active: false }).expect(404);
      await admin.post('/api/rooms', { clinicId: foreign.clinicId, name: 'Intruder' }).expect(404);
    });
  });

  describe('appointment types', () => {
    it('are added and edited by an admin; a new duration applies to later bookings only', async () => {
      const s = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId });
      const type = AppointmentType.parse(
        (await admin.post('/api/appointment-types', { clinicId, name: 'IMS initial assessment', kind: 'initial_assessment', durationMinutes: 45 }).expect(201)).body,
      );
      await admin.post('/api/appointment-types', { clinicId, name: 'IMS initial assessment', kind: 'review', durationMinutes: 30 }).expect(409);
      const book = (startsAt: string) =>
        reception.post('/api/appointments', { clinicId, clinicianId: s.clinician.id, patientId: s.patient.id, appointmentTypeId: type.id, startsAt }).expect(201);
      const before = (await book(upcoming(ZONE, 2, '09:00'))).body;
      expect(Date.parse(before.endsAt) - Date.parse(before.startsAt)).toBe(45 * 60_000);

      await admin.patch(`/api/appointment-types/${type.id}`, { durationMinutes: 60 }).expect(200);
      const after = (await book(upcoming(ZONE, 2, '11:00'))).body;
      expect(Date.parse(after.endsAt) - Date.parse(after.startsAt)).toBe(60 * 60_000);
      expect((await reception.get(`/api/appointments/${before.id}`).expect(200)).body.endsAt).toBe(before.endsAt);

      const retired = AppointmentType.parse((await admin.patch(`/api/appointment-types/${type.id}`, { active: false }).expect(200)).body);
      expect(retired.active).toBe(false);
      const refused = await reception
        .post('/api/appointments', { clinicId, clinicianId: s.clinician.id, patientId: s.patient.id, appointmentTypeId: type.id, startsAt: upcoming(ZONE, 3, '09:00') })
        .expect(400);
      expect(refused.body.errors[0].path).toBe('appointmentTypeId');
    });

    it('refuses bad durations (400), non-admins (403) and foreign ids (404)', async () => {
      expect((await admin.post('/api/appointment-types', { clinicId, name: 'Too short', kind: 'review', durationMinutes: 2 }).expect(400)).body.errors[0].path).toBe('durationMinutes');
      await reception.post('/api/appointment-types', { clinicId, name: 'X', kind: 'review', durationMinutes: 30 }).expect(403);
      await admin.patch(`/api/appointment-types/${foreign.typeId}`, { active: false }).expect(404);
    });
  });
});
