import { WaitlistEntry, WaitlistList, WaitlistOffers } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic, createClinician, createPatient } from '../support/clinician-factories';
import { createAppointmentType } from '../support/clinic-setup-factories';

describe('waitlist', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let otherClinicId: string;
  let clinicianId: string;
  let otherClinicianId: string;
  let typeId: string;
  let reception: SignedInAgent;
  let foreign: { clinicId: string; patientId: string; entryId: string };

  const agent = async (roles: Role[], clinicIds = [clinicId]) => {
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds, roles });
    return signIn(testApp, user.email);
  };
  const patient = async (lastName?: string) => (await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId, lastName })).id;
  const addEntry = async (body: Record<string, unknown>) => WaitlistEntry.parse((await reception.post('/api/waitlist', { clinicId, ...body }).expect(201)).body);

  /** An appointment row as the booking service leaves it (the booking routes are another suite's subject). */
  async function appointment(options: { patientId: string; clinicianId?: string; startsAt: string; minutes?: number; status?: 'booked' | 'cancelled' | 'no_show' }) {
    const startsAt = new Date(options.startsAt);
    return testApp.prisma.appointment.create({
      data: {
        organisationId: orgId,
        clinicId,
        patientId: options.patientId,
        clinicianId: options.clinicianId ?? clinicianId,
        appointmentTypeId: typeId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + (options.minutes ?? 30) * 60_000),
        localStart: new Date(options.startsAt.slice(0, 19) + 'Z'),
        timeZone: 'America/Vancouver',
        status: options.status ?? 'booked',
      },
    });
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    otherClinicId = (await createClinic(testApp.prisma, { organisationId: orgId })).id;
    clinicianId = (await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], name: 'Dana Physio' })).clinician.id;
    otherClinicianId = (await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId] })).clinician.id;
    typeId = (await createAppointmentType(testApp.prisma, { organisationId: orgId, clinicId })).id;
    reception = await agent(['receptionist']);

    const other = await createOrganisation(testApp.prisma);
    const otherPatient = await createPatient(testApp.prisma, { organisationId: other.organisation.id, homeClinicId: other.clinic.id, lastName: 'Foreigner' });
    const otherUser = await createUser(testApp.prisma, { organisationId: other.organisation.id, clinicIds: [other.clinic.id], roles: ['receptionist'] });
    const entry = await testApp.prisma.waitlistEntry.create({
      data: { organisationId: other.organisation.id, clinicId: other.clinic.id, patientId: otherPatient.id, createdById: otherUser.id },
    });
    foreign = { clinicId: other.clinic.id, patientId: otherPatient.id, entryId: entry.id };
  });
  afterAll(() => testApp.close());

  it('adds an entry (201, audited) and lists entries by priority, then longest waiting', async () => {
    const later = await addEntry({ patientId: await patient('Later'), priority: 3 });
    const urgent = await addEntry({
      patientId: await patient('Urgent'),
      priority: 1,
      preferredClinicianIds: [clinicianId],
      preferredWeekdays: [4, 2, 2],
      earliestTime: '09:00',
      latestTime: '12:00',
      appointmentTypeId: typeId,
      notes: 'Can come at short notice',
    });
    const earlier = await addEntry({ patientId: await patient('Earlier'), priority: 3 });
    expect(urgent).toMatchObject({ priority: 1, preferredWeekdays: [2, 4], earliestTime: '09:00', latestTime: '12:00', patientName: 'Pat Urgent' });
    expect(urgent.createdAt).toMatch(/[-+]0[78]:00$/);

    const list = WaitlistList.parse((await reception.get(`/api/waitlist?clinicId=${clinicId}`).expect(200)).body).items.map((e) => e.id);
    expect(list.filter((id) => [later.id, urgent.id, earlier.id].includes(id))).toEqual([urgent.id, later.id, earlier.id]);
    const audit = await testApp.prisma.auditEvent.findFirst({ where: { entityType: 'waitlist_entry', entityId: urgent.id, action: 'create' } });
    expect(audit).toMatchObject({ patientId: urgent.patientId, clinicId });
  });

  it('refuses bad input with 400 naming the field, and unknown or foreign clinic and patient with 404', async () => {
    const patientId = await patient();
    const bad = await reception.post('/api/waitlist', { clinicId, patientId, earliestTime: '14:00', latestTime: '09:00', preferredClinicianIds: [foreign.patientId] }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['latestTime', 'preferredClinicianIds.0']);
    const badType = await reception.post('/api/waitlist', { clinicId, patientId, priority: 9 }).expect(400);
    expect(badType.body.errors[0].path).toBe('priority');
    await reception.post('/api/waitlist', { clinicId: foreign.clinicId, patientId }).expect(404);
    await reception.post('/api/waitlist', { clinicId, patientId: foreign.patientId }).expect(404);
    // A receptionist of one clinic does not keep another clinic's waitlist.
    await reception.post('/api/waitlist', { clinicId: otherClinicId, patientId }).expect(404);
    await reception.get(`/api/waitlist?clinicId=${otherClinicId}`).expect(404);
  });

  it('removes an entry softly with a reason from the query or the body (204), then it is gone (404)', async () => {
    const first = await addEntry({ patientId: await patient() });
    const second = await addEntry({ patientId: await patient() });
    await reception.delete(`/api/waitlist/${first.id}?reason=Booked%20elsewhere`).expect(204);
    await testApp.http
      .delete(`/api/waitlist/${second.id}`)
      .set('Cookie', reception.cookie)
      .set('X-CSRF-Token', reception.csrfToken)
      .send({ reason: 'No longer needs treatment' })
      .expect(204);
    const rows = await testApp.prisma.waitlistEntry.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.removedReason, r.removedAt !== null])).toEqual([
      ['Booked elsewhere', true],
      ['No longer needs treatment', true],
    ]);
    const ids = WaitlistList.parse((await reception.get('/api/waitlist').expect(200)).body).items.map((e) => e.id);
    expect(ids).not.toContain(first.id);
    await reception.delete(`/api/waitlist/${first.id}`).expect(404);
    await reception.delete(`/api/waitlist/${foreign.entryId}`).expect(404);
    await reception.delete('/api/waitlist/not-a-uuid').expect(404);
    expect(await testApp.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: foreign.entryId } })).toMatchObject({ removedAt: null });
  });

  it('lets a manager read but not change the waitlist, and an admin do neither (403)', async () => {
    const manager = await agent(['manager']);
    await manager.get('/api/waitlist').expect(200);
    await manager.post('/api/waitlist', { clinicId, patientId: await patient() }).expect(403);
    const admin = await agent(['admin']);
    await admin.get('/api/waitlist').expect(403);
    await admin.get(`/api/waitlist/offers?clinicId=${clinicId}&from=2026-06-01T00:00:00Z&to=2026-06-08T00:00:00Z`).expect(403);
  });

  describe('offers', () => {
    // Tuesday 2026-06-16 and the days around it, Vancouver (PDT, -07:00); a fresh clinician keeps other tests apart.
    const window = 'from=2026-06-15T00:00:00-07:00&to=2026-06-20T00:00:00-07:00';
    let physio: string;

    beforeAll(async () => {
      physio = (await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId] })).clinician.id;
    });

    it('offers a slot freed by a cancellation to the entries that match it, best first, and not once it is rebooked', async () => {
      const cancelled = await appointment({ patientId: await patient(), clinicianId: physio, startsAt: '2026-06-16T10:00:00-07:00', status: 'cancelled' });
      const anyone = await addEntry({ patientId: await patient('Anyone'), priority: 4 });
      const tuesdayMorning = await addEntry({ patientId: await patient('Tuesday'), priority: 2, preferredWeekdays: [2], earliestTime: '09:00', latestTime: '11:00', preferredClinicianIds: [physio] });
      const wrongDay = await addEntry({ patientId: await patient('Thursday'), preferredWeekdays: [4] });
      const afternoons = await addEntry({ patientId: await patient('Afternoon'), earliestTime: '13:00' });
      const otherPhysio = await addEntry({ patientId: await patient('OtherPhysio'), preferredClinicianIds: [otherClinicianId] });
      const busyPatient = await patient('Busy');
      await appointment({ patientId: busyPatient, clinicianId: otherClinicianId, startsAt: '2026-06-16T09:45:00-07:00' });
      const busy = await addEntry({ patientId: busyPatient, priority: 1 });

      const offers = WaitlistOffers.parse((await reception.get(`/api/waitlist/offers?clinicId=${clinicId}&${window}`).expect(200)).body).items;
      const offer = offers.find((o) => o.slot.appointmentId === cancelled.id);
      expect(offer?.slot).toMatchObject({ clinicianId: physio, startsAt: '2026-06-16T10:00:00-07:00', endsAt: '2026-06-16T10:30:00-07:00', freedBy: 'cancelled', appointmentTypeId: typeId });
      const offered = offer!.entries.map((e) => e.id);
      expect(offered.indexOf(tuesdayMorning.id)).toBeLessThan(offered.indexOf(anyone.id));
      expect(offered).toEqual(expect.arrayContaining([tuesdayMorning.id, anyone.id]));
      expect(offered).not.toEqual(expect.arrayContaining([wrongDay.id]));
      for (const refused of [wrongDay, afternoons, otherPhysio, busy]) expect(offered).not.toContain(refused.id);

      // Booked again: the slot is no longer free, so nothing is offered for it.
      await appointment({ patientId: anyone.patientId, clinicianId: physio, startsAt: '2026-06-16T10:00:00-07:00' });
      const after = WaitlistOffers.parse((await reception.get(`/api/waitlist/offers?clinicId=${clinicId}&${window}`).expect(200)).body).items;
      expect(after.find((o) => o.slot.appointmentId === cancelled.id)).toBeUndefined();
    });

    it('offers the slots left by a no-show and by a move (from the move history), and none outside the window', async () => {
      const noShow = await appointment({ patientId: await patient(), clinicianId: physio, startsAt: '2026-06-17T14:00:00-07:00', status: 'no_show' });
      const moved = await appointment({ patientId: await patient(), clinicianId: physio, startsAt: '2026-06-25T09:00:00-07:00' });
      await testApp.prisma.appointmentChange.create({
        data: { organisationId: orgId, clinicId, appointmentId: moved.id, kind: 'moved', fromStartsAt: new Date('2026-06-18T16:00:00Z'), toStartsAt: moved.startsAt, fromClinicianId: physio, toClinicianId: physio },
      });
      await appointment({ patientId: await patient(), clinicianId: physio, startsAt: '2026-06-22T10:00:00-07:00', status: 'cancelled' });
      const entry = await addEntry({ patientId: await patient('Flexible'), preferredClinicianIds: [physio] });

      const offers = WaitlistOffers.parse((await reception.get(`/api/waitlist/offers?clinicId=${clinicId}&${window}`).expect(200)).body).items;
      const mine = offers.filter((o) => o.slot.clinicianId === physio && o.entries.some((e) => e.id === entry.id));
      expect(mine.map((o) => [o.slot.freedBy, o.slot.startsAt])).toEqual(
        expect.arrayContaining([
          ['no_show', '2026-06-17T14:00:00-07:00'],
          ['moved', '2026-06-18T09:00:00-07:00'],
        ]),
      );
      expect(mine.find((o) => o.slot.appointmentId === noShow.id)).toBeDefined();
      expect(mine.some((o) => o.slot.startsAt.startsWith('2026-06-22'))).toBe(false);
      // Sorted by time.
      expect(mine.map((o) => o.slot.startsAt)).toEqual([...mine.map((o) => o.slot.startsAt)].sort());
    });

    it('validates the window (400) and hides other clinics and organisations (404)', async () => {
      const bad = await reception.get(`/api/waitlist/offers?clinicId=${clinicId}&from=2026-06-20T00:00:00Z&to=2026-06-15T00:00:00Z`).expect(400);
      expect(bad.body.errors[0].path).toBe('to');
      const long = await reception.get(`/api/waitlist/offers?clinicId=${clinicId}&from=2026-06-01T00:00:00Z&to=2026-08-15T00:00:00Z`).expect(400);
      expect(long.body.errors[0].path).toBe('to');
      await reception.get(`/api/waitlist/offers?clinicId=${foreign.clinicId}&${window}`).expect(404);
      await reception.get(`/api/waitlist/offers?clinicId=${otherClinicId}&${window}`).expect(404);
    });
  });
});
