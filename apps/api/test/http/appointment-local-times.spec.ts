import { Appointment, AppointmentHistory, SeriesCommitResponse, SeriesPreviewResponse } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createBookingSetup } from '../support/appointment-factories';

/**
 * The web sends the clinic's wall-clock time (`localStartsAt`) and the API resolves it with its own zone rules, so a
 * browser whose tz data differs cannot shift a booking. Dates are in July (-07:00 in Vancouver under every tz data
 * release) and the gap is 2026-03-08 02:00-03:00, which every release skips.
 */
describe('appointments booked by the clinic’s wall-clock time', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let reception: SignedInAgent;

  const setup = () => createBookingSetup(testApp.prisma, { organisationId: orgId, clinicId });
  const bodyFor = (s: Awaited<ReturnType<typeof setup>>, start: Record<string, string>) => ({
    clinicId,
    patientId: s.patient.id,
    clinicianId: s.clinician.id,
    roomId: s.room.id,
    appointmentTypeId: s.type.id,
    ...start,
  });

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    reception = await signIn(testApp, (await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['receptionist'] })).email);
  });
  afterAll(() => testApp.close());

  it('books localStartsAt at that wall-clock time with the server’s offset, and stores it', async () => {
    const s = await setup();
    const booked = Appointment.parse((await reception.post('/api/appointments', bodyFor(s, { localStartsAt: '2027-07-05T18:15' })).expect(201)).body);
    expect(booked.localStart).toBe('2027-07-05T18:15');
    expect(booked.startsAt).toBe('2027-07-05T18:15:00-07:00');
    expect(booked.endsAt).toBe('2027-07-05T18:45:00-07:00');
    const row = await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(row.startsAt.toISOString()).toBe('2027-07-06T01:15:00.000Z');
    expect(row.localStart.toISOString().slice(0, 16)).toBe('2027-07-05T18:15');
  });

  it('refuses a wall-clock time the clocks skip with 422 nonexistent-local-time naming the field', async () => {
    const s = await setup();
    const gap = await reception.post('/api/appointments', bodyFor(s, { localStartsAt: '2026-03-08T02:30' })).expect(422);
    expect(gap.body.violations).toEqual([{ rule: 'nonexistent-local-time', message: expect.stringContaining('localStartsAt: 2026-03-08T02:30') }]);
    expect(await testApp.prisma.appointment.count({ where: { patientId: s.patient.id } })).toBe(0);
  });

  it('refuses both forms at once, neither, and a local time with an offset (400 naming the field)', async () => {
    const s = await setup();
    const both = await reception.post('/api/appointments', bodyFor(s, { startsAt: '2027-07-05T10:00:00-07:00', localStartsAt: '2027-07-05T10:00' })).expect(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ path: 'localStartsAt', message: expect.stringContaining('not both') })]);
    const neither = await reception.post('/api/appointments', bodyFor(s, {})).expect(400);
    expect(neither.body.errors).toEqual([expect.objectContaining({ path: 'startsAt' })]);
    const offset = await reception.post('/api/appointments', bodyFor(s, { localStartsAt: '2027-07-05T10:00-07:00' })).expect(400);
    expect(offset.body.errors).toEqual([expect.objectContaining({ path: 'localStartsAt' })]);
  });

  it('moves to localStartsAt, keeping the length and the history; a skipped time is 422', async () => {
    const s = await setup();
    const booked = Appointment.parse((await reception.post('/api/appointments', bodyFor(s, { localStartsAt: '2027-07-06T09:00' })).expect(201)).body);
    const moved = Appointment.parse((await reception.patch(`/api/appointments/${booked.id}`).send({ version: booked.version, localStartsAt: '2027-07-07T14:45' }).expect(200)).body);
    expect(moved).toMatchObject({ localStart: '2027-07-07T14:45', startsAt: '2027-07-07T14:45:00-07:00', endsAt: '2027-07-07T15:15:00-07:00', version: booked.version + 1 });
    const history = AppointmentHistory.parse((await reception.get(`/api/appointments/${booked.id}/history`).expect(200)).body);
    expect(history.items.at(-1)).toMatchObject({ kind: 'moved', fromStartsAt: '2027-07-06T09:00:00-07:00', toStartsAt: '2027-07-07T14:45:00-07:00' });

    const gap = await reception.patch(`/api/appointments/${booked.id}`).send({ version: moved.version, localStartsAt: '2026-03-08T02:15' }).expect(422);
    expect(gap.body.violations[0].rule).toBe('nonexistent-local-time');
  });

  it('previews and commits a course from firstLocalStartsAt, sessions given by wall clock or as previewed', async () => {
    const s = await setup();
    const request = {
      clinicId,
      patientId: s.patient.id,
      clinicianId: s.clinician.id,
      appointmentTypeId: s.type.id,
      firstLocalStartsAt: '2027-07-05T10:00',
      weekdays: [1],
      count: 3,
    };
    const proposal = SeriesPreviewResponse.parse((await reception.post('/api/appointments/series/preview', request).expect(200)).body);
    expect(proposal.occurrences.map((o) => [o.localStart, o.startsAt, o.available])).toEqual([
      ['2027-07-05T10:00', '2027-07-05T10:00:00-07:00', true],
      ['2027-07-12T10:00', '2027-07-12T10:00:00-07:00', true],
      ['2027-07-19T10:00', '2027-07-19T10:00:00-07:00', true],
    ]);
    const occurrences = [{ localStartsAt: '2027-07-05T10:00' }, { startsAt: proposal.occurrences[1].startsAt }, { localStartsAt: '2027-07-19T11:30' }];
    const result = SeriesCommitResponse.parse((await reception.post('/api/appointments/series', { ...request, occurrences }).expect(201)).body);
    expect(result.appointments.map((a) => [a.localStart, a.startsAt])).toEqual([
      ['2027-07-05T10:00', '2027-07-05T10:00:00-07:00'],
      ['2027-07-12T10:00', '2027-07-12T10:00:00-07:00'],
      ['2027-07-19T11:30', '2027-07-19T11:30:00-07:00'],
    ]);
    const audit = await testApp.prisma.auditEvent.findFirstOrThrow({ where: { action: 'create_series', entityId: result.seriesId } });
    expect(audit.detail).toMatchObject({ startsAt: result.appointments.map((a) => a.startsAt) });
  });

  it('refuses a course whose first local time or a chosen session falls in a skipped hour (422 naming the field)', async () => {
    const s = await setup();
    const request = { clinicId, patientId: s.patient.id, clinicianId: s.clinician.id, appointmentTypeId: s.type.id, weekdays: [7], count: 2 };
    const first = await reception.post('/api/appointments/series/preview', { ...request, firstLocalStartsAt: '2026-03-08T02:30' }).expect(422);
    expect(first.body.violations).toEqual([{ rule: 'nonexistent-local-time', message: expect.stringContaining('firstLocalStartsAt') }]);
    const commit = { ...request, firstLocalStartsAt: '2027-07-04T10:00', occurrences: [{ localStartsAt: '2027-07-04T10:00' }, { localStartsAt: '2026-03-08T02:30' }] };
    const session = await reception.post('/api/appointments/series', commit).expect(422);
    expect(session.body.violations).toEqual([{ rule: 'nonexistent-local-time', message: expect.stringContaining('occurrences.1.localStartsAt') }]);
    const both = await reception.post('/api/appointments/series/preview', { ...request, firstLocalStartsAt: '2027-07-04T10:00', firstStartsAt: '2027-07-04T10:00:00-07:00' }).expect(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ path: 'firstLocalStartsAt' })]);
  });
});
