import { SeriesCommitResponse, SeriesPreviewResponse } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic, createClinician, createPatient } from '../support/clinician-factories';
import { createAppointmentType } from '../support/clinic-setup-factories';

const time = (clock: string) => new Date(`1970-01-01T${clock}:00Z`);

describe('course booking (appointment series)', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let typeId: string;
  let reception: SignedInAgent;
  let foreign: { clinicId: string; patientId: string };

  const agent = async (roles: Role[], clinicIds = [clinicId]) => signIn(testApp, (await createUser(testApp.prisma, { organisationId: orgId, clinicIds, roles })).email);
  const patient = async (homeClinicId = clinicId) => (await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId })).id;

  /** A clinician of `clinic` working `hours` ("HH:MM-HH:MM") on the given ISO weekdays. */
  async function clinician(options: { clinic?: string; weekdays?: number[]; hours?: string } = {}) {
    const clinic = options.clinic ?? clinicId;
    const { clinician: row } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinic] });
    const [start, end] = (options.hours ?? '08:00-18:00').split('-');
    await testApp.prisma.workingHours.createMany({
      data: (options.weekdays ?? [1, 2, 3, 4, 5]).map((weekday) => ({ organisationId: orgId, clinicId: clinic, clinicianId: row.id, weekday, startTime: time(start), endTime: time(end) })),
    });
    return row.id;
  }

  const body = (fields: { clinicianId: string; patientId: string; firstStartsAt: string; count: number; weekdays?: number[]; intervalDays?: number; [key: string]: unknown }) => ({
    clinicId,
    appointmentTypeId: typeId,
    ...(fields.intervalDays ? {} : { weekdays: [2] }),
    ...fields,
  });
  const preview = async (as: SignedInAgent, request: object) => SeriesPreviewResponse.parse((await as.post('/api/appointments/series/preview', request).expect(200)).body);

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    typeId = (await createAppointmentType(testApp.prisma, { organisationId: orgId, clinicId, durationMinutes: 30 })).id;
    reception = await agent(['receptionist']);
    const other = await createOrganisation(testApp.prisma);
    const otherPatient = await createPatient(testApp.prisma, { organisationId: other.organisation.id, homeClinicId: other.clinic.id });
    foreign = { clinicId: other.clinic.id, patientId: otherPatient.id };
  });
  afterAll(() => testApp.close());

  describe('preview', () => {
    it('keeps a weekly Tuesday 10:00 at 10:00 Vancouver time across the March change (-08:00 → -07:00)', async () => {
      const result = await preview(reception, body({ clinicianId: await clinician(), patientId: await patient(), firstStartsAt: '2027-03-09T10:00:00-08:00', count: 3 }));
      expect(result.timeZone).toBe('America/Vancouver');
      expect(result.occurrences.map((o) => [o.startsAt, o.localStart, o.available, o.dst])).toEqual([
        ['2027-03-09T10:00:00-08:00', '2027-03-09T10:00', true, null],
        ['2027-03-16T10:00:00-07:00', '2027-03-16T10:00', true, null],
        ['2027-03-23T10:00:00-07:00', '2027-03-23T10:00', true, null],
      ]);
      expect(result.occurrences[1].endsAt).toBe('2027-03-16T10:30:00-07:00');
    });

    it('marks a taken session unavailable, names the appointment, and proposes same-day then next-day alternatives', async () => {
      const physio = await clinician();
      const holder = await bookDirect({ clinicianId: physio, patientId: await patient(), startsAt: '2027-05-11T10:00:00-07:00' });
      const result = await preview(reception, body({ clinicianId: physio, patientId: await patient(), firstStartsAt: '2027-05-04T10:00:00-07:00', count: 3 }));
      const [first, taken, third] = result.occurrences;
      expect([first.available, taken.available, third.available]).toEqual([true, false, true]);
      expect(taken.conflicts).toEqual([expect.objectContaining({ kind: 'clinician', appointmentId: holder.id })]);
      expect(taken.alternatives.map((a) => a.startsAt)).toEqual(['2027-05-11T09:30:00-07:00', '2027-05-11T10:30:00-07:00', '2027-05-12T10:00:00-07:00']);
      expect(first.alternatives).toEqual([]);
    });

    it('reports working hours and time off as conflicts, and books every N days', async () => {
      const physio = await clinician({ weekdays: [1, 2, 3, 4, 5], hours: '09:00-12:00' });
      await testApp.prisma.clinicianTimeOff.create({
        data: { organisationId: orgId, clinicianId: physio, startsAt: new Date('2027-06-04T00:00:00-07:00'), endsAt: new Date('2027-06-05T00:00:00-07:00'), createdById: (await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['admin'] })).id },
      });
      const result = await preview(reception, body({ clinicianId: physio, patientId: await patient(), firstStartsAt: '2027-06-01T11:00:00-07:00', intervalDays: 3, count: 3 }));
      expect(result.occurrences.map((o) => o.localStart)).toEqual(['2027-06-01T11:00', '2027-06-04T11:00', '2027-06-07T11:00']);
      expect(result.occurrences[1].conflicts.map((c) => c.kind)).toEqual(['time_off']);
      expect(result.occurrences[1].alternatives.length).toBeGreaterThan(0);
      expect(result.occurrences[1].alternatives.every((a) => !a.startsAt.startsWith('2027-06-04'))).toBe(true);
      expect(result.occurrences.map((o) => o.available)).toEqual([true, false, true]);
    });

    it('flags the spring-forward gap as skipped_hour (unavailable, not moved) and the fall-back hour as repeated_hour', async () => {
      const nightOwl = await clinician({ weekdays: [7], hours: '00:00-06:00' });
      const spring = await preview(reception, body({ clinicianId: nightOwl, patientId: await patient(), firstStartsAt: '2027-03-07T02:30:00-08:00', weekdays: [7], count: 2 }));
      const skipped = spring.occurrences[1];
      expect(skipped).toMatchObject({ localStart: '2027-03-14T02:30', dst: 'skipped_hour', available: false });
      expect(skipped.alternatives.length).toBeGreaterThan(0);
      // Every alternative exists on the wall clock: none inside 02:00-03:00 on the change day.
      expect(skipped.alternatives.some((a) => /^2027-03-14T02:/.test(a.startsAt))).toBe(false);

      const autumn = await preview(reception, body({ clinicianId: nightOwl, patientId: await patient(), firstStartsAt: '2027-10-31T01:30:00-07:00', weekdays: [7], count: 2 }));
      expect(autumn.occurrences[1]).toMatchObject({ startsAt: '2027-11-07T01:30:00-07:00', dst: 'repeated_hour', available: true });
    });

    it('refuses more sessions than the plan has left (422 plan-sessions), counting only active bookings', async () => {
      const physio = await clinician();
      const patientId = await patient();
      const plan = await testApp.prisma.treatmentPlan.create({
        data: { organisationId: orgId, clinicId, patientId, clinicianId: physio, condition: 'neck_pain', primaryMeasure: 'NDI', plannedSessions: 4, status: 'active' },
      });
      await bookDirect({ clinicianId: physio, patientId, startsAt: '2027-07-01T10:00:00-07:00', planId: plan.id });
      await bookDirect({ clinicianId: physio, patientId, startsAt: '2027-07-02T10:00:00-07:00', planId: plan.id, status: 'cancelled' });
      const request = body({ clinicianId: physio, patientId, planId: plan.id, firstStartsAt: '2027-07-06T10:00:00-07:00', count: 4 });
      const refused = await reception.post('/api/appointments/series/preview', request).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'plan-sessions' })]);
      await reception.post('/api/appointments/series/preview', { ...request, count: 3 }).expect(200);
    });

    it('validates the pattern (400), hides foreign clinics and patients (404) and refuses admins (403)', async () => {
      const physio = await clinician();
      const ok = body({ clinicianId: physio, patientId: await patient(), firstStartsAt: '2027-05-04T10:00:00-07:00', count: 2 });
      const both = await reception.post('/api/appointments/series/preview', { ...ok, intervalDays: 7 }).expect(400);
      expect(both.body.errors[0].path).toBe('weekdays');
      await reception.post('/api/appointments/series/preview', { ...ok, count: 31 }).expect(400);
      await reception.post('/api/appointments/series/preview', { ...ok, clinicId: foreign.clinicId }).expect(404);
      await reception.post('/api/appointments/series/preview', { ...ok, patientId: foreign.patientId }).expect(404);
      const admin = await agent(['admin']);
      await admin.post('/api/appointments/series/preview', ok).expect(403);
      await admin.post('/api/appointments/series', { ...ok, occurrences: [{ startsAt: ok.firstStartsAt }] }).expect(403);
    });
  });

  describe('commit', () => {
    it('books the chosen sessions (an alternative included) with one seriesId, history and one audit row; a retry replays', async () => {
      const physio = await clinician();
      const patientId = await patient();
      await bookDirect({ clinicianId: physio, patientId: await patient(), startsAt: '2027-09-14T10:00:00-07:00' });
      const request = body({ clinicianId: physio, patientId, firstStartsAt: '2027-09-07T10:00:00-07:00', count: 3 });
      const proposal = await preview(reception, request);
      const chosen = proposal.occurrences.map((o) => ({ startsAt: o.available ? o.startsAt : o.alternatives[0].startsAt }));
      const commit = { ...request, occurrences: chosen };

      const first = await reception.post('/api/appointments/series', commit).set('Idempotency-Key', 'course-1').expect(201);
      const result = SeriesCommitResponse.parse(first.body);
      expect(result.appointments.map((a) => a.startsAt)).toEqual(['2027-09-07T10:00:00-07:00', '2027-09-14T09:30:00-07:00', '2027-09-21T10:00:00-07:00']);
      expect(result.appointments.every((a) => a.seriesId === result.seriesId && a.status === 'booked' && a.timeZone === 'America/Vancouver')).toBe(true);
      const ids = result.appointments.map((a) => a.id);
      expect(await testApp.prisma.appointmentChange.count({ where: { appointmentId: { in: ids }, kind: 'created' } })).toBe(3);
      const audit = await testApp.prisma.auditEvent.findMany({ where: { action: 'create_series', entityId: result.seriesId } });
      expect(audit).toHaveLength(1);
      expect(audit[0].detail).toMatchObject({ count: 3, appointmentIds: ids });

      const replay = await reception.post('/api/appointments/series', commit).set('Idempotency-Key', 'course-1').expect(201);
      expect(replay.body).toEqual(first.body);
      expect(await testApp.prisma.appointment.count({ where: { patientId } })).toBe(3);
      const reused = await reception.post('/api/appointments/series', { ...commit, occurrences: chosen.slice(0, 2) }).set('Idempotency-Key', 'course-1').expect(422);
      expect(reused.body.violations[0].rule).toBe('idempotency-key-reused');
    });

    it('stores London sessions at 10:00 local across the March change and keeps the zone', async () => {
      const london = await createClinic(testApp.prisma, { organisationId: orgId, timeZone: 'Europe/London' });
      const londonType = (await createAppointmentType(testApp.prisma, { organisationId: orgId, clinicId: london.id, durationMinutes: 45 })).id;
      const physio = await clinician({ clinic: london.id });
      const londoner = await agent(['receptionist'], [london.id]);
      const request = { clinicId: london.id, appointmentTypeId: londonType, clinicianId: physio, patientId: await patient(london.id), firstStartsAt: '2027-03-22T10:00:00Z', weekdays: [1], count: 2 };
      const proposal = await preview(londoner, request);
      expect(proposal.occurrences.map((o) => o.startsAt)).toEqual(['2027-03-22T10:00:00+00:00', '2027-03-29T10:00:00+01:00']);
      const result = SeriesCommitResponse.parse((await londoner.post('/api/appointments/series', { ...request, occurrences: proposal.occurrences.map(({ startsAt }) => ({ startsAt })) }).expect(201)).body);
      const rows = await testApp.prisma.appointment.findMany({ where: { seriesId: result.seriesId }, orderBy: { startsAt: 'asc' } });
      expect(rows.map((r) => [r.startsAt.toISOString(), r.localStart.toISOString().slice(0, 16), r.timeZone])).toEqual([
        ['2027-03-22T10:00:00.000Z', '2027-03-22T10:00', 'Europe/London'],
        ['2027-03-29T09:00:00.000Z', '2027-03-29T10:00', 'Europe/London'],
      ]);
      expect(result.appointments[1].endsAt).toBe('2027-03-29T10:45:00+01:00');
    });

    it('books nothing when one session was taken since the preview: 409 naming the session and the appointment', async () => {
      const physio = await clinician();
      const patientId = await patient();
      const request = body({ clinicianId: physio, patientId, firstStartsAt: '2027-10-05T10:00:00-07:00', count: 3 });
      const proposal = await preview(reception, request);
      expect(proposal.occurrences.every((o) => o.available)).toBe(true);
      const holder = await bookDirect({ clinicianId: physio, patientId: await patient(), startsAt: '2027-10-12T10:15:00-07:00' });
      const refused = await reception.post('/api/appointments/series', { ...request, occurrences: proposal.occurrences.map(({ startsAt }) => ({ startsAt })) }).expect(409);
      expect(refused.body.detail).toContain('Session 2 (2027-10-12T10:00:00-07:00)');
      expect(refused.body.conflicts).toEqual([expect.objectContaining({ entity: 'appointment', id: holder.id })]);
      expect(await testApp.prisma.appointment.count({ where: { patientId } })).toBe(0);
    });

    it('two screens racing for overlapping courses: one books every session, the other books nothing', async () => {
      const physio = await clinician();
      const [patientA, patientB] = [await patient(), await patient()];
      const sessions = ['2027-11-02T10:00:00-07:00', '2027-11-09T10:00:00-08:00', '2027-11-16T10:00:00-08:00'];
      const courseOf = (patientId: string, starts: string[]) => ({ ...body({ clinicianId: physio, patientId, firstStartsAt: starts[0], count: starts.length }), occurrences: starts.map((startsAt) => ({ startsAt })) });
      // B overlaps A only on the last session (10:15 against 10:00-10:30).
      const [a, b] = await Promise.all([
        reception.post('/api/appointments/series', courseOf(patientA, sessions)),
        reception.post('/api/appointments/series', courseOf(patientB, ['2027-11-15T10:00:00-08:00', '2027-11-16T10:15:00-08:00'])),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.conflicts[0].id).toEqual(expect.any(String));
      const counts = [await testApp.prisma.appointment.count({ where: { patientId: patientA } }), await testApp.prisma.appointment.count({ where: { patientId: patientB } })];
      expect(counts).toEqual(a.status === 201 ? [3, 0] : [0, 2]);
    });

    it('refuses rule breaks with 422 unless a manager overrides with a reason (stored); others may not override (403)', async () => {
      const physio = await clinician({ hours: '09:00-12:00' });
      const request = { ...body({ clinicianId: physio, patientId: await patient(), firstStartsAt: '2027-08-03T11:45:00-07:00', count: 2 }) };
      const commit = { ...request, occurrences: [{ startsAt: '2027-08-03T11:45:00-07:00' }, { startsAt: '2027-08-10T11:00:00-07:00' }] };
      const refused = await reception.post('/api/appointments/series', commit).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'working-hours', message: expect.stringContaining('Session 1') })]);
      await reception.post('/api/appointments/series', { ...commit, overrideReason: 'Patient only free then' }).expect(403);
      const manager = await agent(['manager']);
      const result = SeriesCommitResponse.parse((await manager.post('/api/appointments/series', { ...commit, overrideReason: 'Patient only free then' }).expect(201)).body);
      expect(result.appointments.map((a) => a.overrideReason)).toEqual(['Patient only free then', null]);
    });

    it('refuses sessions of one course that overlap each other, or more sessions than count (400)', async () => {
      const request = body({ clinicianId: await clinician(), patientId: await patient(), firstStartsAt: '2027-08-03T10:00:00-07:00', count: 2 });
      const overlapping = await reception.post('/api/appointments/series', { ...request, occurrences: [{ startsAt: '2027-08-03T10:00:00-07:00' }, { startsAt: '2027-08-03T10:15:00-07:00' }] }).expect(400);
      expect(overlapping.body.errors[0].path).toBe('occurrences.1.startsAt');
      const tooMany = await reception.post('/api/appointments/series', { ...request, count: 1, occurrences: [{ startsAt: '2027-08-03T10:00:00-07:00' }, { startsAt: '2027-08-10T10:00:00-07:00' }] }).expect(400);
      expect(tooMany.body.errors[0].path).toBe('occurrences');
    });
  });

  /** An existing appointment, as another screen booked it earlier. */
  async function bookDirect(options: { clinicianId: string; patientId: string; startsAt: string; planId?: string; status?: 'booked' | 'cancelled' }) {
    const startsAt = new Date(options.startsAt);
    return testApp.prisma.appointment.create({
      data: {
        organisationId: orgId,
        clinicId,
        patientId: options.patientId,
        clinicianId: options.clinicianId,
        appointmentTypeId: typeId,
        planId: options.planId ?? null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        localStart: new Date(`${options.startsAt.slice(0, 19)}Z`),
        timeZone: 'America/Vancouver',
        status: options.status ?? 'booked',
      },
    });
  }
});
