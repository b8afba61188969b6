import { AuditPage } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { AuditService } from '../../src/audit/audit.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createPatient } from '../support/clinician-factories';

describe('audit read side', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let admin: SignedInAgent;
  let adminId: string;

  const agent = async (roles: Role[], organisationId = orgId, clinic = clinicId) => {
    const user = await createUser(testApp.prisma, { organisationId, clinicIds: [clinic], roles });
    return { user, http: await signIn(testApp, user.email) };
  };
  const page = (response: { body: unknown }) => AuditPage.parse(response.body);

  beforeAll(async () => {
    testApp = await startTestApp({ MFA_REQUIRED_ROLES: '' });
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    const signedIn = await agent(['admin']);
    admin = signedIn.http;
    adminId = signedIn.user.id;
  });
  afterAll(() => testApp.close());

  describe('GET /api/audit', () => {
    it('searches the admin’s organisation only, newest first, with every filter', async () => {
      const other = await createOrganisation(testApp.prisma);
      const patient = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId });
      const entityId = `probe-${Date.now()}`;
      // Explicit, distinct times (inserting is all the audit table allows), so from/to and the order are exact.
      await testApp.prisma.auditEvent.createMany({
        data: [
          { organisationId: orgId, userId: adminId, action: 'create', entityType: 'probe', entityId, detail: { n: 1 }, at: new Date('2026-01-05T10:00:00Z') },
          { organisationId: orgId, userId: adminId, action: 'update', entityType: 'probe', entityId, patientId: patient.id, detail: { n: 2 }, at: new Date('2026-01-05T11:00:00Z') },
          { organisationId: other.organisation.id, action: 'update', entityType: 'probe', entityId, at: new Date('2026-01-05T12:00:00Z') },
        ],
      });

      const all = page(await admin.get(`/api/audit?entityType=probe&entityId=${entityId}`).expect(200));
      expect(all.total).toBe(2);
      expect(all.items.map((e) => e.detail)).toEqual([{ n: 2 }, { n: 1 }]);
      expect(all.items[0]).toMatchObject({ userId: adminId, action: 'update', patientId: patient.id, entityType: 'probe', entityId });

      expect(page(await admin.get(`/api/audit?entityId=${entityId}&action=create`).expect(200)).items.map((e) => e.action)).toEqual(['create']);
      expect(page(await admin.get(`/api/audit?patientId=${patient.id}`).expect(200)).items.map((e) => e.detail)).toEqual([{ n: 2 }]);
      const byUser = page(await admin.get(`/api/audit?userId=${adminId}&entityType=probe`).expect(200));
      expect(byUser.items.every((e) => e.userId === adminId)).toBe(true);
      expect(byUser.total).toBe(2);

      // `from` is inclusive, `to` exclusive; offsets are honoured (11:00Z is 03:00 in Vancouver).
      const since = page(await admin.get(`/api/audit?entityId=${entityId}&from=${encodeURIComponent('2026-01-05T03:00:00-08:00')}`).expect(200));
      expect(since.items.map((e) => e.detail)).toEqual([{ n: 2 }]);
      const until = page(await admin.get(`/api/audit?entityId=${entityId}&to=2026-01-05T11:00:00Z`).expect(200));
      expect(until.items.map((e) => e.detail)).toEqual([{ n: 1 }]);

      const second = page(await admin.get(`/api/audit?entityId=${entityId}&pageSize=1&page=2`).expect(200));
      expect(second).toMatchObject({ total: 2, items: [expect.objectContaining({ detail: { n: 1 } })] });
    });

    it('shows the admin’s own sign-in, and never another organisation’s rows', async () => {
      const foreignAdmin = await createOrganisation(testApp.prisma);
      const outsider = await agent(['admin'], foreignAdmin.organisation.id, foreignAdmin.clinic.id);
      const ownLogins = page(await admin.get(`/api/audit?action=login&userId=${adminId}`).expect(200));
      expect(ownLogins.total).toBeGreaterThanOrEqual(1);

      const seenByOutsider = page(await outsider.http.get('/api/audit?pageSize=200').expect(200));
      expect(seenByOutsider.items.length).toBeGreaterThan(0);
      const organisationIds = await testApp.prisma.auditEvent.findMany({
        where: { id: { in: seenByOutsider.items.map((e) => BigInt(e.id)) } },
        select: { organisationId: true },
      });
      expect(new Set(organisationIds.map((row) => row.organisationId))).toEqual(new Set([foreignAdmin.organisation.id]));
      expect(page(await outsider.http.get(`/api/audit?userId=${adminId}`).expect(200))).toEqual({ items: [], total: 0 });
    });

    it('is for admins only, and validates its filters', async () => {
      for (const role of ['receptionist', 'physiotherapist', 'manager'] as Role[]) {
        await (await agent([role])).http.get('/api/audit').expect(403);
      }
      await testApp.http.get('/api/audit').expect(401);
      const bad = await admin.get('/api/audit?userId=nope&from=yesterday&pageSize=1000').expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['userId', 'from', 'pageSize']));
    });
  });

  describe('GET /api/patients/:id/access-log', () => {
    it('lists the patient’s rows newest first, and records that it was read', async () => {
      const patient = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId });
      const neighbour = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId });
      const audit = testApp.app.get(AuditService);
      await audit.record({ id: adminId, organisationId: orgId }, { action: 'read', entityType: 'patient', entityId: patient.id, patientId: patient.id });
      await audit.record({ id: adminId, organisationId: orgId }, { action: 'read', entityType: 'patient', entityId: neighbour.id, patientId: neighbour.id });
      const { user: physio, http } = await agent(['physiotherapist']);

      const first = page(await http.get(`/api/patients/${patient.id}/access-log`).expect(200));
      expect(first.items.every((e) => e.patientId === patient.id)).toBe(true);
      expect(first.items[0]).toMatchObject({ action: 'read', entityType: 'access_log', userId: physio.id, patientId: patient.id });
      expect(first.items.map((e) => e.entityType)).toEqual(['access_log', 'patient']);

      const second = page(await http.get(`/api/patients/${patient.id}/access-log`).expect(200));
      expect(second.total).toBe(3);
      expect(second.items.map((e) => e.entityType)).toEqual(['access_log', 'access_log', 'patient']);
      expect(Number(second.items[0].id)).toBeGreaterThan(Number(second.items[1].id));
    });

    it('is for physiotherapists, managers and admins; receptionists get 403', async () => {
      const patient = await createPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId });
      await (await agent(['manager'])).http.get(`/api/patients/${patient.id}/access-log`).expect(200);
      await admin.get(`/api/patients/${patient.id}/access-log`).expect(200);
      await (await agent(['receptionist'])).http.get(`/api/patients/${patient.id}/access-log`).expect(403);
      expect(await testApp.prisma.auditEvent.count({ where: { patientId: patient.id, entityType: 'access_log' } })).toBe(2);
    });

    it('answers 404 for another organisation’s patient and leaves no trace there', async () => {
      const other = await createOrganisation(testApp.prisma);
      const foreignPatient = await createPatient(testApp.prisma, { organisationId: other.organisation.id, homeClinicId: other.clinic.id });
      const { http } = await agent(['physiotherapist']);
      const response = await http.get(`/api/patients/${foreignPatient.id}/access-log`).expect(404);
      expect(JSON.stringify(response.body)).not.toContain(foreignPatient.lastName);
      await http.get('/api/patients/not-a-uuid/access-log').expect(404);
      expect(await testApp.prisma.auditEvent.count({ where: { patientId: foreignPatient.id } })).toBe(0);
    });
  });
});
