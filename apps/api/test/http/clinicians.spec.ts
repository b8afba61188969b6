import { Clinician, ClinicianList, NeedlingAuthorisation } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { ClinicianService } from '../../src/clinicians/clinicians.service';
import { dayIn } from '../../src/clinicians/needling-authorisation';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic, createClinician } from '../support/clinician-factories';

describe('clinicians', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let otherClinicId: string;
  let admin: SignedInAgent;
  let foreign: { orgId: string; clinicId: string; clinicianId: string; authorisationId: string; userId: string };

  const agent = async (roles: Role[], clinicIds = [clinicId]) => {
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds, roles });
    return signIn(testApp, user.email);
  };
  const auditRows = (entityType: string, entityId: string) =>
    testApp.prisma.auditEvent.findMany({ where: { entityType, entityId }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    // Two-factor enforcement is the MFA suite's subject; here admins act on clinicians right after password sign-in.
    testApp = await startTestApp({ MFA_REQUIRED_ROLES: '' });
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    otherClinicId = (await createClinic(testApp.prisma, { organisationId: orgId })).id;
    admin = await agent(['admin'], [clinicId, otherClinicId]);

    const other = await createOrganisation(testApp.prisma);
    const { user, clinician } = await createClinician(testApp.prisma, {
      organisationId: other.organisation.id,
      clinicIds: [other.clinic.id],
      authorisations: [{ validFrom: '2020-01-01', validTo: null }],
    });
    const authorisation = await testApp.prisma.needlingAuthorisation.findFirstOrThrow({ where: { clinicianId: clinician.id } });
    foreign = { orgId: other.organisation.id, clinicId: other.clinic.id, clinicianId: clinician.id, authorisationId: authorisation.id, userId: user.id };
  });
  afterAll(() => testApp.close());

  describe('reading', () => {
    it('lists the organisation’s active clinicians to a receptionist, with clinics, hours and authorisations', async () => {
      const { clinician, user } = await createClinician(testApp.prisma, {
        organisationId: orgId,
        clinicIds: [clinicId],
        name: 'Aaron Listed',
        authorisations: [{ validFrom: '2021-02-03', validTo: null }],
      });
      const { clinician: elsewhere } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [otherClinicId] });
      const { clinician: inactive, user: inactiveUser } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId] });
      await testApp.prisma.user.update({ where: { id: inactiveUser.id }, data: { active: false } });
      const reception = await agent(['receptionist']);

      const all = ClinicianList.parse((await reception.get('/api/clinicians').expect(200)).body).items.map((c) => c.id);
      expect(all).toEqual(expect.arrayContaining([clinician.id, elsewhere.id]));
      expect(all).not.toContain(inactive.id);
      expect(all).not.toContain(foreign.clinicianId);

      const atClinic = ClinicianList.parse((await reception.get(`/api/clinicians?clinicId=${clinicId}`).expect(200)).body).items;
      expect(atClinic.map((c) => c.id)).toContain(clinician.id);
      expect(atClinic.map((c) => c.id)).not.toContain(elsewhere.id);
      const listed = atClinic.find((c) => c.id === clinician.id)!;
      expect(listed).toMatchObject({
        userId: user.id,
        name: 'Aaron Listed',
        clinicIds: [clinicId],
        workingHours: [],
        authorisations: [{ kind: 'ims', issuingBody: 'iSTOP', validFrom: '2021-02-03', validTo: null }],
        imsAuthorisedToday: true,
      });

      const one = Clinician.parse((await reception.get(`/api/clinicians/${clinician.id}`).expect(200)).body);
      expect(one.id).toBe(clinician.id);
    });

    it('computes imsAuthorisedToday on the asked clinic’s calendar day', async () => {
      // UTC+14 and UTC-11 are always on different calendar days, so an authorisation of exactly one day separates them.
      const kiritimati = await createClinic(testApp.prisma, { organisationId: orgId, timeZone: 'Pacific/Kiritimati' });
      const pagoPago = await createClinic(testApp.prisma, { organisationId: orgId, timeZone: 'Pacific/Pago_Pago' });
      const day = dayIn('Pacific/Kiritimati');
      const { clinician } = await createClinician(testApp.prisma, {
        organisationId: orgId,
        clinicIds: [kiritimati.id, pagoPago.id],
        authorisations: [{ validFrom: day, validTo: day }],
      });
      const { clinician: expired } = await createClinician(testApp.prisma, {
        organisationId: orgId,
        clinicIds: [kiritimati.id],
        authorisations: [{ validFrom: '2019-01-01', validTo: '2020-12-31' }, { kind: 'dry_needling', validFrom: '2019-01-01', validTo: null }],
      });
      const physio = await agent(['physiotherapist']);
      const flag = async (clinic: string, id: string) =>
        ClinicianList.parse((await physio.get(`/api/clinicians?clinicId=${clinic}`).expect(200)).body).items.find((c) => c.id === id)!
          .imsAuthorisedToday;

      expect(await flag(kiritimati.id, clinician.id)).toBe(true);
      expect(await flag(pagoPago.id, clinician.id)).toBe(false);
      expect(await flag(kiritimati.id, expired.id)).toBe(false);
    });

    it('answers 404 for another organisation’s clinician or clinic, and for ids that are not ids', async () => {
      const reception = await agent(['receptionist']);
      await reception.get(`/api/clinicians/${foreign.clinicianId}`).expect(404);
      await reception.get(`/api/clinicians?clinicId=${foreign.clinicId}`).expect(404);
      await reception.get('/api/clinicians/not-a-uuid').expect(404);
      await reception.get('/api/clinicians?clinicId=nope').expect(400);
    });

    it('needs a session', async () => {
      await testApp.http.get('/api/clinicians').expect(401);
    });
  });

  describe('making a user a clinician', () => {
    it('creates the profile for a physiotherapist, audited; a second time is 409', async () => {
      const physio = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['physiotherapist'] });
      const response = await admin.post('/api/clinicians', { userId: physio.id, registrationNumber: 'CPTBC-1' }).expect(201);
      const created = Clinician.parse(response.body);
      expect(created).toMatchObject({ userId: physio.id, name: physio.name, registrationNumber: 'CPTBC-1', clinicIds: [clinicId], imsAuthorisedToday: false });
      const [row] = await auditRows('clinician', created.id);
      expect(row).toMatchObject({ action: 'create', organisationId: orgId, detail: expect.objectContaining({ userId: physio.id }) });

      const again = await admin.post('/api/clinicians', { userId: physio.id }).expect(409);
      expect(again.body.conflicts[0]).toMatchObject({ entity: 'clinician', id: created.id });
    });

    it('refuses a user without the physiotherapist role (422) and another organisation’s user (404)', async () => {
      const receptionist = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['receptionist'] });
      const refused = await admin.post('/api/clinicians', { userId: receptionist.id }).expect(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'physiotherapist-role' })]);
      await admin.post('/api/clinicians', { userId: foreign.userId }).expect(404);
      const invalid = await admin.post('/api/clinicians', { userId: 'x' }).expect(400);
      expect(invalid.body.errors[0].path).toBe('userId');
    });

    it('edits name and registration number and audits what changed', async () => {
      const { clinician } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], name: 'Old Name' });
      const response = await admin.patch(`/api/clinicians/${clinician.id}`, { name: 'New Name', registrationNumber: 'R-9' }).expect(200);
      expect(Clinician.parse(response.body)).toMatchObject({ name: 'New Name', registrationNumber: 'R-9' });
      const [row] = await auditRows('clinician', clinician.id);
      expect(row).toMatchObject({
        action: 'update',
        detail: { changes: { displayName: { from: 'Old Name', to: 'New Name' }, registrationNumber: { from: null, to: 'R-9' } } },
      });
      await admin.patch(`/api/clinicians/${clinician.id}`, { name: '' }).expect(400);
    });
  });

  describe('authorisations', () => {
    it('adds one (201, audited) and refuses validTo before validFrom (400 naming validTo)', async () => {
      const { clinician } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId] });
      const body = { kind: 'ims', issuingBody: 'College of Physical Therapists of BC', number: 'DN-77', validFrom: '2000-01-01' };
      const created = NeedlingAuthorisation.parse((await admin.post(`/api/clinicians/${clinician.id}/authorisations`, body).expect(201)).body);
      expect(created).toMatchObject({ ...body, validTo: null });
      const [row] = await auditRows('needling_authorisation', created.id);
      expect(row).toMatchObject({ action: 'create', detail: expect.objectContaining({ clinicianId: clinician.id, kind: 'ims', validFrom: '2000-01-01' }) });

      const fetched = Clinician.parse((await admin.get(`/api/clinicians/${clinician.id}`).expect(200)).body);
      expect(fetched.authorisations).toEqual([created]);
      expect(fetched.imsAuthorisedToday).toBe(true);

      const bad = await admin.post(`/api/clinicians/${clinician.id}/authorisations`, { ...body, validFrom: '2026-05-02', validTo: '2026-05-01' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'validTo' })]);
      const noBody = await admin.post(`/api/clinicians/${clinician.id}/authorisations`, { kind: 'acupuncture', validFrom: 'soon' }).expect(400);
      expect(noBody.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['kind', 'issuingBody', 'validFrom']));
    });

    it('ends one instead of deleting it; only shortens, never before it starts', async () => {
      const { clinician } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], authorisations: [{ validFrom: '2020-01-01', validTo: '2030-12-31' }] });
      const { id } = await testApp.prisma.needlingAuthorisation.findFirstOrThrow({ where: { clinicianId: clinician.id } });
      const endPath = `/api/clinicians/${clinician.id}/authorisations/${id}/end`;

      expect((await admin.post(endPath, { validTo: '2031-01-01' }).expect(400)).body.errors[0].path).toBe('validTo');
      expect((await admin.post(endPath, { validTo: '2019-12-31' }).expect(400)).body.errors[0].path).toBe('validTo');
      const ended = NeedlingAuthorisation.parse((await admin.post(endPath, { validTo: '2021-06-30' }).expect(200)).body);
      expect(ended).toMatchObject({ id, validFrom: '2020-01-01', validTo: '2021-06-30' });
      const [row] = await auditRows('needling_authorisation', id);
      expect(row).toMatchObject({ action: 'end', detail: expect.objectContaining({ changes: { validTo: { from: '2030-12-31', to: '2021-06-30' } } }) });

      await admin.delete(`/api/clinicians/${clinician.id}/authorisations/${id}`).expect(404);
      expect(await testApp.prisma.needlingAuthorisation.count({ where: { id } })).toBe(1);
      // An authorisation of another clinician is not found under this one.
      const { clinician: other } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId] });
      await admin.post(`/api/clinicians/${other.id}/authorisations/${id}/end`, { validTo: '2021-01-01' }).expect(404);
    });

    it('answers "authorised on D" for the signing rule through ClinicianService.authorisationOn', async () => {
      const { clinician } = await createClinician(testApp.prisma, {
        organisationId: orgId,
        clinicIds: [clinicId],
        authorisations: [{ validFrom: '2024-03-01', validTo: '2024-03-31' }, { kind: 'dry_needling', validFrom: '2020-01-01', validTo: null }],
      });
      const service = testApp.app.get(ClinicianService);
      expect(await service.authorisationOn(clinician.id, 'ims', '2024-03-31')).toMatchObject({ kind: 'ims', validTo: '2024-03-31' });
      expect(await service.authorisationOn(clinician.id, 'ims', '2024-04-01')).toBeNull();
      expect(await service.authorisationOn(clinician.id, 'dry_needling', '2031-01-01')).toMatchObject({ kind: 'dry_needling' });
    });
  });

  describe('working hours', () => {
    it('replaces all hours in one go, audited with before and after', async () => {
      const { clinician } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId, otherClinicId] });
      const path = `/api/clinicians/${clinician.id}/working-hours`;
      const first = [
        { clinicId, weekday: 1, start: '08:00', end: '12:00' },
        { clinicId: otherClinicId, weekday: 1, start: '13:00', end: '17:00' },
      ];
      expect(Clinician.parse((await admin.put(path, { hours: first }).expect(200)).body).workingHours).toEqual(first);
      const second = [{ clinicId, weekday: 3, start: '09:30', end: '15:00' }];
      expect(Clinician.parse((await admin.put(path, { hours: second }).expect(200)).body).workingHours).toEqual(second);

      const rows = await auditRows('working_hours', clinician.id);
      expect(rows.map((r) => r.detail)).toEqual([
        expect.objectContaining({ before: [], after: first }),
        expect.objectContaining({ before: first, after: second }),
      ]);
    });

    it('refuses a clinic the clinician does not work at and overlapping entries, changing nothing', async () => {
      const { clinician } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId] });
      const path = `/api/clinicians/${clinician.id}/working-hours`;
      const kept = [{ clinicId, weekday: 2, start: '09:00', end: '17:00' }];
      await admin.put(path, { hours: kept }).expect(200);

      const notMember = await admin.put(path, { hours: [kept[0], { clinicId: otherClinicId, weekday: 4, start: '09:00', end: '10:00' }] }).expect(400);
      expect(notMember.body.errors).toEqual([expect.objectContaining({ path: 'hours.1.clinicId' })]);
      const foreignClinic = await admin.put(path, { hours: [{ clinicId: foreign.clinicId, weekday: 4, start: '09:00', end: '10:00' }] }).expect(400);
      expect(foreignClinic.body.errors).toEqual([expect.objectContaining({ path: 'hours.0.clinicId' })]);
      const overlap = await admin.put(path, { hours: [kept[0], { clinicId, weekday: 2, start: '16:00', end: '18:00' }] }).expect(400);
      expect(overlap.body.errors).toEqual([expect.objectContaining({ path: 'hours.1.start', message: expect.stringContaining('overlaps hours.0') })]);
      const backwards = await admin.put(path, { hours: [{ clinicId, weekday: 8, start: '17:00', end: '09:00' }] }).expect(400);
      expect(backwards.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['hours.0.weekday', 'hours.0.end']));

      expect(Clinician.parse((await admin.get(`/api/clinicians/${clinician.id}`).expect(200)).body).workingHours).toEqual(kept);
    });
  });

  describe('who may write', () => {
    it('refuses every write to receptionists, physiotherapists and managers (403)', async () => {
      const { clinician, user } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], authorisations: [{ validFrom: '2020-01-01', validTo: null }] });
      const { id: authorisationId } = await testApp.prisma.needlingAuthorisation.findFirstOrThrow({ where: { clinicianId: clinician.id } });
      for (const role of ['receptionist', 'physiotherapist', 'manager'] as Role[]) {
        const caller = await agent([role]);
        await caller.post('/api/clinicians', { userId: user.id }).expect(403);
        await caller.patch(`/api/clinicians/${clinician.id}`, { name: 'X' }).expect(403);
        await caller.post(`/api/clinicians/${clinician.id}/authorisations`, { kind: 'ims', issuingBody: 'x', validFrom: '2020-01-01' }).expect(403);
        await caller.post(`/api/clinicians/${clinician.id}/authorisations/${authorisationId}/end`, { validTo: '2020-02-01' }).expect(403);
        await caller.put(`/api/clinicians/${clinician.id}/working-hours`, { hours: [] }).expect(403);
      }
      const unchanged = await testApp.prisma.needlingAuthorisation.findUniqueOrThrow({ where: { id: authorisationId } });
      expect(unchanged.validTo).toBeNull();
    });

    it('answers 404 to an admin for another organisation’s clinician and authorisation, and leaves them alone', async () => {
      const { clinicianId, authorisationId } = foreign;
      await admin.get(`/api/clinicians/${clinicianId}`).expect(404);
      await admin.patch(`/api/clinicians/${clinicianId}`, { name: 'Mine now' }).expect(404);
      await admin.post(`/api/clinicians/${clinicianId}/authorisations`, { kind: 'ims', issuingBody: 'x', validFrom: '2020-01-01' }).expect(404);
      await admin.post(`/api/clinicians/${clinicianId}/authorisations/${authorisationId}/end`, { validTo: '2020-02-01' }).expect(404);
      await admin.put(`/api/clinicians/${clinicianId}/working-hours`, { hours: [] }).expect(404);
      const row = await testApp.prisma.clinician.findUniqueOrThrow({ where: { id: clinicianId }, include: { authorisations: true } });
      expect(row.displayName).not.toBe('Mine now');
      expect(row.authorisations).toHaveLength(1);
      expect(row.authorisations[0].validTo).toBeNull();
    });
  });
});
