import type { Role } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { insertPatient, registration } from '../support/patient-factories';

/** `Idempotency-Key` on POST /api/patients: a retry replays the first response; another body with the key is 422. */
describe('patients: idempotent registration', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let reception: SignedInAgent;

  const agent = async (roles: Role[]) => {
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles });
    return signIn(testApp, user.email);
  };
  const auditRows = (patientId: string, action: string) =>
    testApp.prisma.auditEvent.findMany({ where: { entityType: 'patient', entityId: patientId, action }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    reception = await agent(['receptionist']);
    await insertPatient(testApp.prisma, {
      organisationId: orgId,
      homeClinicId: clinicId,
      firstName: 'Margaret',
      lastName: 'Thornbury',
      dateOfBirth: '1961-03-14',
      phone: '+16045550177',
    });
  });
  afterAll(() => testApp.close());

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, creating one patient', async () => {
      const body = registration(clinicId);
      const first = await reception.post('/api/patients', body).set('Idempotency-Key', 'reg-key-1').expect(201);
      const again = await reception.post('/api/patients', { ...body }).set('Idempotency-Key', 'reg-key-1').expect(201);
      expect(again.body).toEqual(first.body);
      expect(await testApp.prisma.patient.count({ where: { organisationId: orgId, lastName: body.lastName } })).toBe(1);
      expect(await auditRows(first.body.id, 'create')).toHaveLength(1);
    });

    it('answers 422 for the same key with a different body, creating nothing', async () => {
      const body = registration(clinicId);
      await reception.post('/api/patients', body).set('Idempotency-Key', 'reg-key-2').expect(201);
      const other = registration(clinicId);
      const refused = await reception.post('/api/patients', other).set('Idempotency-Key', 'reg-key-2').expect(422);
      expect(refused.body.violations).toEqual([{ rule: 'idempotency-key-reused', message: expect.any(String) }]);
      expect(await testApp.prisma.patient.count({ where: { organisationId: orgId, lastName: other.lastName } })).toBe(0);
    });

    it('serialises concurrent retries with one key into one create', async () => {
      const body = registration(clinicId);
      const responses = await Promise.all([1, 2, 3].map(() => reception.post('/api/patients', body).set('Idempotency-Key', 'reg-key-race')));
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await testApp.prisma.patient.count({ where: { organisationId: orgId, lastName: body.lastName } })).toBe(1);
    });

    it('keeps keys per user, stores nothing for a refused create, and refuses malformed keys', async () => {
      const colleague = await agent(['receptionist']);
      await colleague.post('/api/patients', registration(clinicId)).set('Idempotency-Key', 'reg-key-1').expect(201);

      const body = registration(clinicId, { phone: '604-555-0177', firstName: 'Margaret', lastName: 'Thornbury', dateOfBirth: '1961-03-14' });
      await reception.post('/api/patients', body).set('Idempotency-Key', 'reg-key-dup').expect(409);
      expect(await testApp.prisma.idempotencyKey.count({ where: { key: 'reg-key-dup' } })).toBe(0);

      const bad = await reception.post('/api/patients', registration(clinicId)).set('Idempotency-Key', 'has spaces in it').expect(400);
      expect(bad.body.errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    });
  });
});
