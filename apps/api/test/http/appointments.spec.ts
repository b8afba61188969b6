import { Appointment, AppointmentHistory, AppointmentList } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic, createPatient } from '../support/clinician-factories';
import { createAppointmentType, createBookableClinician, createBookingSetup, createRoom, upcoming } from '../support/appointment-factories';

const ZONE = 'America/Vancouver';

describe('appointments: booking and reading', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let reception: SignedInAgent;
  let manager: SignedInAgent;

  const agent = async (roles: Role[], clinicIds = [clinicId]) => {
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds, roles });
    return signIn(testApp, user.email);
  };
  const setup = (clinicianName?: string) => createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId, clinicianName });
  const bodyFor = (s: Awaited<ReturnType<typeof setup>>, startsAt: string) => ({
    clinicId,
    patientId: s.patient.id,
    clinicianId: s.clinician.id,
    roomId: s.room.id,
    appointmentTypeId: s.type.id,
    startsAt,
  });
  const audit = (entityId: string) => testApp.prisma.auditEvent.findMany({ where: { entityType: 'appointment', entityId }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    reception = await agent(['receptionist']);
    manager = await agent(['manager']);
  });
  afterAll(() => testApp.close());

  it('books with the type’s length, the clinic’s offset and wall clock, a history entry and an audit row', async () => {
    const s = await setup('Dr Ames');
    const startsAt = upcoming(ZONE, 2, '10:00');
    const response = await reception.post('/api/appointments', bodyFor(s, startsAt)).expect(201);
    const booked = Appointment.parse(response.body);
    expect(booked).toMatchObject({ status: 'booked', version: 1, clinicianName: 'Dr Ames', timeZone: ZONE, roomName: s.room.name, overrideReason: null });
    expect(booked.startsAt).toBe(startsAt);
    expect(booked.startsAt).toMatch(/-0[78]:00$/);
    expect(Date.parse(booked.endsAt) - Date.parse(booked.startsAt)).toBe(30 * 60_000);
    expect(booked.localStart).toBe(startsAt.slice(0, 16));

    const history = AppointmentHistory.parse((await reception.get(`/api/appointments/${booked.id}/history`).expect(200)).body);
    expect(history.items).toEqual([expect.objectContaining({ kind: 'created', toStartsAt: startsAt, toClinicianId: s.clinician.id, changedBy: expect.objectContaining({ name: 'Test User' }) })]);
    expect(await audit(booked.id)).toEqual([expect.objectContaining({ action: 'create', patientId: s.patient.id, clinicId })]);
    expect(Appointment.parse((await reception.get(`/api/appointments/${booked.id}`).expect(200)).body)).toEqual(booked);
  });

  it('lists by range and filters, sorted by start, only in clinics the user works in', async () => {
    const s = await setup();
    const later = (await reception.post('/api/appointments', bodyFor(s, upcoming(ZONE, 3, '11:00'))).expect(201)).body.id;
    const earlier = (await reception.post('/api/appointments', bodyFor(s, upcoming(ZONE, 3, '09:00'))).expect(201)).body.id;
    const from = upcoming(ZONE, 3, '00:00');
    const to = upcoming(ZONE, 3, '23:00');
    const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const list = AppointmentList.parse((await reception.get(`/api/appointments?${query}&clinicianId=${s.clinician.id}`).expect(200)).body);
    expect(list.items.map((a) => a.id)).toEqual([earlier, later]);
    const byPatient = AppointmentList.parse((await reception.get(`/api/appointments?${query}&patientId=${s.patient.id}&status=booked`).expect(200)).body);
    expect(byPatient.items).toHaveLength(2);
    const none = AppointmentList.parse((await reception.get(`/api/appointments?${query}&status=cancelled&clinicianId=${s.clinician.id}`).expect(200)).body);
    expect(none.items).toEqual([]);

    const otherClinic = await createClinic(testApp.prisma, { organisationId: orgId });
    const outsider = await agent(['receptionist'], [otherClinic.id]);
    const seen = AppointmentList.parse((await outsider.get(`/api/appointments?${query}`).expect(200)).body);
    expect(seen.items.map((a) => a.id)).not.toContain(earlier);
    await outsider.get(`/api/appointments/${earlier}`).expect(404);
    await outsider.get(`/api/appointments?${query}&clinicId=${clinicId}`).expect(404);
    // Managers see every clinic of the organisation.
    expect((await manager.get(`/api/appointments/${earlier}`).expect(200)).body.id).toBe(earlier);
    await reception.get(`/api/appointments?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`).expect(400);
  });

  it('lists what overlaps the window, not only what starts in it, each item as the appointment itself reads', async () => {
    const s = await setup('Dr Ward');
    const other = await setup('Dr Ng');
    const nine = (await reception.post('/api/appointments', bodyFor(s, upcoming(ZONE, 4, '09:00'))).expect(201)).body.id;
    const nineThirty = (await reception.post('/api/appointments', bodyFor(s, upcoming(ZONE, 4, '09:30'))).expect(201)).body.id;
    const elsewhere = (await reception.post('/api/appointments', bodyFor(other, upcoming(ZONE, 4, '09:30'))).expect(201)).body.id;
    const window = (from: string, to: string, extra = '') =>
      reception.get(`/api/appointments?from=${encodeURIComponent(upcoming(ZONE, 4, from))}&to=${encodeURIComponent(upcoming(ZONE, 4, to))}&clinicId=${clinicId}${extra}`).expect(200);

    // 09:15-09:45 overlaps both of Dr Ward's (09:00-09:30 started before it) and Dr Ng's; 09:30 itself ends the first.
    const overlapping = AppointmentList.parse((await window('09:15', '09:45')).body).items.map((a) => a.id);
    expect(overlapping).toEqual(expect.arrayContaining([nine, nineThirty, elsewhere]));
    expect(overlapping.indexOf(nine)).toBeLessThan(overlapping.indexOf(nineThirty));
    expect(AppointmentList.parse((await window('09:30', '10:00', `&clinicianId=${s.clinician.id}`)).body).items.map((a) => a.id)).toEqual([nineThirty]);
    expect(AppointmentList.parse((await window('09:00', '10:00', `&roomId=${other.room.id}`)).body).items.map((a) => a.id)).toEqual([elsewhere]);

    // The schedule's name: the preferred name when there is one (a blank one does not count), then the last name.
    await testApp.prisma.patient.update({ where: { id: s.patient.id }, data: { preferredName: 'Bea' } });
    await testApp.prisma.patient.update({ where: { id: other.patient.id }, data: { preferredName: '' } });
    const listed = AppointmentList.parse((await window('09:00', '10:00', `&clinicianId=${s.clinician.id}`)).body).items;
    expect(listed.map((a) => a.patientName)).toEqual([`Bea ${s.patient.lastName}`, `Bea ${s.patient.lastName}`]);
    const otherListed = AppointmentList.parse((await window('09:00', '10:00', `&clinicianId=${other.clinician.id}`)).body).items;
    expect(otherListed.map((a) => a.patientName)).toEqual([`${other.patient.firstName} ${other.patient.lastName}`]);
    for (const item of [...listed, ...otherListed]) {
      expect(item).toEqual(Appointment.parse((await reception.get(`/api/appointments/${item.id}`).expect(200)).body));
    }
  });

  describe('validation', () => {
    it('answers 404 for ids of another organisation, naming the entity', async () => {
      const s = await setup();
      const other = await createOrganisation(testApp.prisma);
      const foreign = await createBookingSetup(testApp.prisma, { organisationId: other.organisation.id, clinicId: other.clinic.id });
      const startsAt = upcoming(ZONE, 2, '13:00');
      const cases: Array<[string, object]> = [
        ['clinic', { clinicId: other.clinic.id }],
        ['patient', { patientId: foreign.patient.id }],
        ['clinician', { clinicianId: foreign.clinician.id }],
        ['room', { roomId: foreign.room.id }],
        ['appointment type', { appointmentTypeId: foreign.type.id }],
      ];
      for (const [entity, change] of cases) {
        const response = await reception.post('/api/appointments', { ...bodyFor(s, startsAt), ...change }).expect(404);
        expect(response.body.detail).toBe(`${entity} not found`);
      }
      await reception.get(`/api/appointments/${foreign.patient.id}`).expect(404);
    });

    it('answers 400 naming the field when the parties do not fit together', async () => {
      const s = await setup();
      const otherClinic = await createClinic(testApp.prisma, { organisationId: orgId });
      const elsewhere = await createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId: otherClinic.id });
      const retired = await createRoom(testApp.prisma, { organisationId: orgId, clinicId, active: false });
      const startsAt = upcoming(ZONE, 2, '14:00');
      const field = async (change: object) => (await reception.post('/api/appointments', { ...bodyFor(s, startsAt), ...change }).expect(400)).body.errors[0].path;
      expect(await field({ clinicianId: elsewhere.clinician.id })).toBe('clinicianId');
      expect(await field({ roomId: elsewhere.room.id })).toBe('roomId');
      expect(await field({ roomId: retired.id })).toBe('roomId');
      expect(await field({ appointmentTypeId: elsewhere.type.id })).toBe('appointmentTypeId');
      expect(await field({ startsAt: '2026-03-09T10:00:00' })).toBe('startsAt');
    });
  });

  describe('booking rules', () => {
    const weekdaysOnly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

    async function restricted() {
      const { clinician } = await createBookableClinician(testApp.prisma, { organisationId: orgId, clinicId, name: 'Dr Nine-to-Five', hours: weekdaysOnly });
      const type = await createAppointmentType(testApp.prisma, { organisationId: orgId, clinicId, durationMinutes: 30 });
      const patient = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId });
      return { clinicId, clinicianId: clinician.id, appointmentTypeId: type.id, patientId: patient.id };
    }

    it('refuses outside working hours with 422 working-hours, also for a slot spilling past the end', async () => {
      const body = await restricted();
      const saturday = await reception.post('/api/appointments', { ...body, startsAt: upcoming(ZONE, 6, '10:00') }).expect(422);
      expect(saturday.body.violations).toEqual([{ rule: 'working-hours', message: expect.stringContaining('Dr Nine-to-Five') }]);
      const spill = await reception.post('/api/appointments', { ...body, startsAt: upcoming(ZONE, 1, '16:45') }).expect(422);
      expect(spill.body.violations[0].rule).toBe('working-hours');
      await reception.post('/api/appointments', { ...body, startsAt: upcoming(ZONE, 1, '16:30') }).expect(201);
    });

    it('lets a manager override with a reason, stored and audited; refuses an override from reception with 403', async () => {
      const body = await restricted();
      const startsAt = upcoming(ZONE, 6, '10:00');
      await reception.post('/api/appointments', { ...body, startsAt, overrideReason: 'patient flying out Monday' }).expect(403);
      const physio = await agent(['physiotherapist']);
      await physio.post('/api/appointments', { ...body, startsAt, overrideReason: 'patient flying out Monday' }).expect(403);
      const withoutReason = await manager.post('/api/appointments', { ...body, startsAt }).expect(422);
      expect(withoutReason.body.violations[0].rule).toBe('working-hours');

      const booked = (await manager.post('/api/appointments', { ...body, startsAt, overrideReason: 'patient flying out Monday' }).expect(201)).body;
      expect(booked.overrideReason).toBe('patient flying out Monday');
      const row = await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } });
      expect(row.overriddenById).not.toBeNull();
      const actions = (await audit(booked.id)).map((a) => a.action);
      expect(actions).toEqual(['create', 'override']);
      const override = (await audit(booked.id))[1];
      expect(override.detail).toMatchObject({ reason: 'patient flying out Monday', rules: [expect.objectContaining({ kind: 'working_hours' })] });
    });

    it("refuses a manager's ordinary booking (their only booking write is an override), with or without a reason", async () => {
      const body = await restricted();
      const startsAt = upcoming(ZONE, 2, '10:00');
      const refused = await manager.post('/api/appointments', { ...body, startsAt, overrideReason: 'just in case' }).expect(403);
      expect(refused.body.detail).toMatch(/Managers book only to override/);
      await manager.post('/api/appointments', { ...body, startsAt }).expect(403);
      expect(await testApp.prisma.appointment.count({ where: { patientId: body.patientId, startsAt: new Date(startsAt) } })).toBe(0);
    });

    it('refuses outside opening hours and during time off (422), both overridable by a manager', async () => {
      const body = await restricted();
      const clinic = await createClinic(testApp.prisma, { organisationId: orgId });
      // Opening hours of another clinic restrict nothing here; this clinic's own do.
      await testApp.prisma.clinicOpeningHours.create({
        data: { organisationId: orgId, clinicId: clinic.id, weekday: 2, opensAt: new Date('1970-01-01T12:00:00Z'), closesAt: new Date('1970-01-01T13:00:00Z') },
      });
      await testApp.prisma.clinicOpeningHours.create({
        data: { organisationId: orgId, clinicId, weekday: 2, opensAt: new Date('1970-01-01T11:00:00Z'), closesAt: new Date('1970-01-01T19:00:00Z') },
      });
      try {
        const early = await reception.post('/api/appointments', { ...body, startsAt: upcoming(ZONE, 2, '10:00') }).expect(422);
        expect(early.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['opening-hours']);

        const startsAt = upcoming(ZONE, 2, '14:00');
        await testApp.prisma.clinicianTimeOff.create({
          data: {
            organisationId: orgId,
            clinicianId: body.clinicianId,
            startsAt: new Date(Date.parse(startsAt) - 3_600_000),
            endsAt: new Date(Date.parse(startsAt) + 3_600_000),
            reason: 'course',
            createdById: (await testApp.prisma.clinician.findUniqueOrThrow({ where: { id: body.clinicianId } })).userId,
          },
        });
        const off = await reception.post('/api/appointments', { ...body, startsAt }).expect(422);
        expect(off.body.violations).toEqual([{ rule: 'time-off', message: expect.stringContaining('is off from') }]);
        await manager.post('/api/appointments', { ...body, startsAt, overrideReason: 'only slot before surgery' }).expect(201);
      } finally {
        await testApp.prisma.clinicOpeningHours.deleteMany({ where: { clinicId } });
      }
    });
  });

  it('refuses booking the same clinician twice with 409 naming the appointment, back-to-back is fine', async () => {
    const s = await setup('Dr Busy');
    const startsAt = upcoming(ZONE, 4, '10:00');
    const first = (await reception.post('/api/appointments', bodyFor(s, startsAt)).expect(201)).body;
    const patient = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId, lastName: 'Second' });
    const overlapping = await reception
      .post('/api/appointments', { ...bodyFor(s, upcoming(ZONE, 4, '10:15')), patientId: patient.id, roomId: null })
      .expect(409);
    expect(overlapping.body.conflicts).toEqual([{ entity: 'appointment', id: first.id, message: expect.stringMatching(/^Dr Busy already has Pat .+ \d{4}-\d\d-\d\d 10:00-10:30$/) }]);
    await reception.post('/api/appointments', { ...bodyFor(s, upcoming(ZONE, 4, '10:30')), patientId: patient.id }).expect(201);
  });

  it('replays an idempotent booking retried 10 times: created once, same body', async () => {
    const s = await setup();
    const body = bodyFor(s, upcoming(ZONE, 5, '15:00'));
    const responses = [];
    for (let i = 0; i < 10; i += 1) responses.push(await reception.post('/api/appointments', body).set('Idempotency-Key', 'book-once-1').expect(201));
    // The replay is the stored first response (jsonb keeps no key order, so compare as values).
    for (const response of responses.slice(1)) expect(response.body).toEqual(responses[0].body);
    expect(await testApp.prisma.appointment.count({ where: { patientId: s.patient.id } })).toBe(1);
    const reused = await reception.post('/api/appointments', { ...body, startsAt: upcoming(ZONE, 5, '16:00') }).set('Idempotency-Key', 'book-once-1').expect(422);
    expect(reused.body.violations[0].rule).toBe('idempotency-key-reused');
  });
});
