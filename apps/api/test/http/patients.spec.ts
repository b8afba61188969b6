import { DuplicateCheckResponse, Patient, PatientSearchResult } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinic } from '../support/clinician-factories';
import { insertPatient, registration } from '../support/patient-factories';

/** Registration, its field rules, duplicates, reading and editing (idempotent creates: patients-idempotency.spec.ts). */
describe('patients: registration and editing', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let foreign: { orgId: string; clinicId: string; patientId: string };
  let reception: SignedInAgent;

  const agent = async (roles: Role[]) => {
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles });
    return signIn(testApp, user.email);
  };
  const auditRows = (patientId: string, action?: string) =>
    testApp.prisma.auditEvent.findMany({ where: { entityType: 'patient', entityId: patientId, ...(action ? { action } : {}) }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    reception = await agent(['receptionist']);
    const other = await createOrganisation(testApp.prisma);
    const patient = await insertPatient(testApp.prisma, { organisationId: other.organisation.id, homeClinicId: other.clinic.id, firstName: 'Foreign', lastName: 'Person' });
    foreign = { orgId: other.organisation.id, clinicId: other.clinic.id, patientId: patient.id };
  });
  afterAll(() => testApp.close());

  describe('field rules (400 naming the field)', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a missing first name', { firstName: undefined }, 'firstName'],
      ['a blank last name', { lastName: '   ' }, 'lastName'],
      ['a first name over 100 characters', { firstName: 'A'.repeat(101) }, 'firstName'],
      ['a preferred name over 100 characters', { preferredName: 'B'.repeat(101) }, 'preferredName'],
      ['a missing date of birth', { dateOfBirth: undefined }, 'dateOfBirth'],
      ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      ['an impossible date of birth', { dateOfBirth: '1990-02-30' }, 'dateOfBirth'],
      ['a date of birth before 1900', { dateOfBirth: '1899-12-31' }, 'dateOfBirth'],
      ['a date of birth that is not YYYY-MM-DD', { dateOfBirth: '02/04/1980' }, 'dateOfBirth'],
      ['an impossible phone', { phone: '123' }, 'phone'],
      ['an impossible alternative phone', { phoneAlt: '+1 555 0000 00000' }, 'phoneAlt'],
      ["an impossible emergency contact's phone", { emergencyContact: { name: 'Kim', phone: 'call me' } }, 'emergencyContact.phone'],
      ['a malformed email', { email: 'someone@' }, 'email'],
      ['an unknown sex', { sex: 'other' }, 'sex'],
      ['an unknown contact channel', { preferredContact: 'pigeon' }, 'preferredContact'],
      ['a reminder consent that is not a boolean', { reminderConsentSms: 'yes' }, 'reminderConsentSms'],
      ['a country that is not a two-letter code', { address: { country: 'Canada' } }, 'address.country'],
      ['a postal code over 20 characters', { address: { postalCode: 'V'.repeat(21) } }, 'address.postalCode'],
      ['a health number over 40 characters', { healthNumber: '9'.repeat(41) }, 'healthNumber'],
      ['front-desk notes over 2000 characters', { frontDeskNotes: 'n'.repeat(2001) }, 'frontDeskNotes'],
      ['a home clinic id that is not a UUID', { homeClinicId: 'main' }, 'homeClinicId'],
      ['an acknowledged duplicate id that is not a UUID', { acknowledgedDuplicateIds: ['x'] }, 'acknowledgedDuplicateIds.0'],
    ];

    it.each(cases)('refuses %s', async (_label, overrides, path) => {
      const before = await testApp.prisma.patient.count({ where: { organisationId: orgId } });
      const response = await reception.post('/api/patients', registration(clinicId, overrides)).expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await testApp.prisma.patient.count({ where: { organisationId: orgId } })).toBe(before);
    });

    it.each([
      ['an unknown clinic', () => '0199f6a4-0000-7000-8000-000000000000'],
      ["another organisation's clinic", () => foreign.clinicId],
    ])('refuses a home clinic that is %s, naming homeClinicId', async (_label, id) => {
      const response = await reception.post('/api/patients', registration(clinicId, { homeClinicId: id() })).expect(400);
      expect(response.body.errors).toEqual([{ path: 'homeClinicId', message: expect.any(String) }]);
    });

    it('refuses an edit without version, and edits with bad fields, naming them', async () => {
      const created = Patient.parse((await reception.post('/api/patients', registration(clinicId)).expect(201)).body);
      const missing = await reception.patch(`/api/patients/${created.id}`, { firstName: 'No version' }).expect(400);
      expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['version']);
      const bad = await reception.patch(`/api/patients/${created.id}`, { version: 1, email: 'nope', dateOfBirth: '2999-12-31' }).expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['dateOfBirth', 'email']);
    });
  });

  describe('registering', () => {
    it('normalises phones to E.164, lower-cases email, blanks to null, and audits the create', async () => {
      const body = registration(clinicId, {
        firstName: '  Zoë ',
        preferredName: '',
        phone: '(604) 555-0123',
        phoneAlt: '778.555.0199',
        email: 'Zoe.Example@Mail.COM',
        address: { line1: '1 Main St', city: 'Vancouver', region: 'BC', postalCode: 'V5K 0A1', country: 'ca' },
        healthNumber: '9876 543 210',
        healthNumberIssuer: 'BC MSP',
        emergencyContact: { name: 'Kim Lee', relationship: 'partner', phone: '604-555-0999' },
        preferredContact: 'sms',
        reminderConsentSms: true,
        frontDeskNotes: 'Prefers mornings',
      });
      const response = await reception.post('/api/patients', body).expect(201);
      const patient = Patient.parse(response.body);
      expect(patient).toMatchObject({
        version: 1,
        homeClinicId: clinicId,
        firstName: 'Zoë',
        preferredName: null,
        phone: '+16045550123',
        phoneAlt: '+17785550199',
        email: 'zoe.example@mail.com',
        address: { line1: '1 Main St', line2: null, city: 'Vancouver', region: 'BC', postalCode: 'V5K 0A1', country: 'CA' },
        healthNumber: '9876 543 210',
        emergencyContact: { name: 'Kim Lee', relationship: 'partner', phone: '+16045550999' },
        preferredContact: 'sms',
        reminderConsentEmail: false,
        reminderConsentSms: true,
        flags: { imsConsentOnFile: false, precautionsPresent: false },
        archivedAt: null,
        anonymisedAt: null,
      });
      const row = await testApp.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
      expect(row).toMatchObject({ organisationId: orgId, phoneDigits: '16045550123 6045550123 17785550199 7785550199', healthNumberKey: '9876543210' });
      expect(row.searchName).toBe(`zoe ${body.lastName.toLowerCase()}`);
      expect(await auditRows(patient.id, 'create')).toHaveLength(1);
    });

    it('lets physiotherapists register, but not managers or admins (403)', async () => {
      await (await agent(['physiotherapist'])).post('/api/patients', registration(clinicId)).expect(201);
      await (await agent(['manager'])).post('/api/patients', registration(clinicId)).expect(403);
      await (await agent(['admin'])).post('/api/patients', registration(clinicId)).expect(403);
      await (await agent(['manager'])).post('/api/patients/duplicates', registration(clinicId)).expect(403);
    });
  });

  describe('duplicates', () => {
    let existing: { id: string };
    beforeAll(async () => {
      existing = await insertPatient(testApp.prisma, {
        organisationId: orgId,
        homeClinicId: clinicId,
        firstName: 'Margaret',
        lastName: 'Thornbury',
        dateOfBirth: '1961-03-14',
        phone: '+16045550177',
        email: 'maggie@example.org',
        healthNumber: '9123 456 789',
      });
    });

    const check = async (body: Record<string, unknown>) =>
      DuplicateCheckResponse.parse((await reception.post('/api/patients/duplicates', body).expect(200)).body).candidates;
    const reasonsFor = async (body: Record<string, unknown>) => (await check(body)).find((c) => c.patient.id === existing.id)?.reasons ?? [];

    it('finds the same date of birth with a similar or the same last name', async () => {
      expect(await reasonsFor({ firstName: 'Margret', lastName: 'Thornbery', dateOfBirth: '1961-03-14' })).toEqual(['same_dob_similar_name']);
      expect(await reasonsFor({ firstName: 'Peggy', lastName: 'Thornbury', dateOfBirth: '1961-03-14' })).toEqual(['same_dob_similar_name']);
      expect(await reasonsFor({ firstName: 'Margaret', lastName: 'Thornbury', dateOfBirth: '1961-03-15' })).toEqual([]);
      expect(await reasonsFor({ firstName: 'Oliver', lastName: 'Quince', dateOfBirth: '1961-03-14' })).toEqual([]);
    });

    it('finds the same phone in any notation, the same health number in any spacing, the same email with the same DOB', async () => {
      const stranger = { firstName: 'Oliver', lastName: 'Quince', dateOfBirth: '1990-01-01' };
      expect(await reasonsFor({ ...stranger, phone: '604 555 0177' })).toEqual(['same_phone']);
      expect(await reasonsFor({ ...stranger, healthNumber: '9123-456-789' })).toEqual(['same_health_number']);
      expect(await reasonsFor({ ...stranger, email: 'MAGGIE@example.org' })).toEqual([]);
      expect(await reasonsFor({ ...stranger, dateOfBirth: '1961-03-14', email: 'MAGGIE@example.org' })).toEqual(['same_email_and_dob']);
    });

    it('ranks the candidate with most reasons first and returns at most 10', async () => {
      const twins = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          insertPatient(testApp.prisma, { organisationId: orgId, homeClinicId: clinicId, firstName: `Twin${i}`, lastName: 'Castellano', dateOfBirth: '2001-06-06' }),
        ),
      );
      const strong = await insertPatient(testApp.prisma, {
        organisationId: orgId,
        homeClinicId: clinicId,
        firstName: 'Lucia',
        lastName: 'Castellano',
        dateOfBirth: '2001-06-06',
        phone: '+16045550404',
      });
      const candidates = await check({ firstName: 'Lucia', lastName: 'Castellano', dateOfBirth: '2001-06-06', phone: '6045550404' });
      expect(candidates).toHaveLength(10);
      expect(candidates[0]).toMatchObject({ patient: { id: strong.id }, reasons: ['same_phone', 'same_dob_similar_name'] });
      expect(twins.map((t) => t.id)).toEqual(expect.arrayContaining(candidates.slice(1).map((c) => c.patient.id)));
    });

    it('refuses to register a likely duplicate (409 naming it) until it is acknowledged', async () => {
      const body = registration(clinicId, { firstName: 'Margaret', lastName: 'Thornbury', dateOfBirth: '1961-03-14', phone: '604-555-0177' });
      const refused = await reception.post('/api/patients', body).expect(409);
      expect(refused.body.conflicts).toEqual([{ entity: 'patient', id: existing.id, message: 'same phone number; same date of birth and a similar name' }]);
      expect(await testApp.prisma.patient.count({ where: { organisationId: orgId, lastName: 'Thornbury' } })).toBe(1);

      const created = await reception.post('/api/patients', { ...body, acknowledgedDuplicateIds: [existing.id] }).expect(201);
      expect(created.body.id).not.toBe(existing.id);
      expect((await auditRows(created.body.id, 'create'))[0].detail).toEqual({ acknowledgedDuplicateIds: [existing.id] });

      // The new one is a candidate too now: acknowledging only the first is not enough for a third registration.
      const third = await reception.post('/api/patients', { ...body, acknowledgedDuplicateIds: [existing.id] }).expect(409);
      expect(third.body.conflicts.map((c: { id: string }) => c.id).sort()).toEqual([existing.id, created.body.id].sort());
    });

    it('never names another organisation’s patients', async () => {
      expect(await check({ firstName: 'Foreign', lastName: 'Person', dateOfBirth: '1980-04-02' })).toEqual([]);
    });
  });

  describe('reading', () => {
    it('shows every role the patient with flags computed from consent and screening, and audits each read', async () => {
      const created = Patient.parse((await reception.post('/api/patients', registration(clinicId)).expect(201)).body);
      const physio = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles: ['physiotherapist'] });
      await testApp.prisma.patientScreening.create({
        data: { organisationId: orgId, clinicId, patientId: created.id, recordedById: physio.id, items: {}, precautionsPresent: true, recordedAt: new Date(Date.now() - 60_000) },
      });
      await testApp.prisma.patientScreening.create({
        data: { organisationId: orgId, clinicId, patientId: created.id, recordedById: physio.id, items: {}, precautionsPresent: false },
      });
      const consent = {
        organisationId: orgId,
        clinicId,
        patientId: created.id,
        takenById: physio.id,
        risksDisclosed: ['bruising'],
        method: 'written' as const,
        givenBy: 'patient' as const,
      };
      await testApp.prisma.imsConsent.create({ data: { ...consent, consentedOn: new Date('2025-01-01T00:00:00Z'), withdrawnOn: new Date('2025-06-01T00:00:00Z') } });

      for (const role of ['receptionist', 'physiotherapist', 'manager', 'admin'] as Role[]) {
        const patient = Patient.parse((await (await agent([role])).get(`/api/patients/${created.id}`).expect(200)).body);
        expect(patient.flags).toEqual({ imsConsentOnFile: false, precautionsPresent: false });
      }
      expect(await auditRows(created.id, 'read')).toHaveLength(4);

      await testApp.prisma.imsConsent.create({ data: { ...consent, consentedOn: new Date('2025-07-01T00:00:00Z') } });
      await testApp.prisma.patientScreening.create({
        data: { organisationId: orgId, clinicId, patientId: created.id, recordedById: physio.id, items: {}, precautionsPresent: true, recordedAt: new Date(Date.now() + 1000) },
      });
      const flagged = Patient.parse((await reception.get(`/api/patients/${created.id}`).expect(200)).body);
      expect(flagged.flags).toEqual({ imsConsentOnFile: true, precautionsPresent: true });
      const listed = PatientSearchResult.parse((await reception.get(`/api/patients?q=${encodeURIComponent(created.lastName)}`).expect(200)).body);
      expect(listed.items[0]).toMatchObject({ id: created.id, flags: { imsConsentOnFile: true, precautionsPresent: true } });
      expect(await auditRows(created.id, 'read')).toHaveLength(5);
    });

    it("answers 404 for another organisation's patient on every route, 400 naming id for a non-UUID", async () => {
      const manager = await agent(['manager']);
      await reception.get(`/api/patients/${foreign.patientId}`).expect(404);
      await reception.patch(`/api/patients/${foreign.patientId}`, { version: 1, firstName: 'Hijack' }).expect(404);
      await manager.post(`/api/patients/${foreign.patientId}/archive`, { version: 1, reason: 'x' }).expect(404);
      await manager.post(`/api/patients/${foreign.patientId}/unarchive`, { version: 1 }).expect(404);
      await manager.post(`/api/patients/${foreign.patientId}/anonymise`, { version: 1, reason: 'x', confirmLastName: 'Person' }).expect(404);
      const row = await testApp.prisma.patient.findUniqueOrThrow({ where: { id: foreign.patientId } });
      expect(row).toMatchObject({ firstName: 'Foreign', version: 1, archivedAt: null, anonymisedAt: null });
      const bad = await reception.get('/api/patients/not-a-uuid').expect(400);
      expect(bad.body.errors).toEqual([{ path: 'id', message: expect.any(String) }]);
    });
  });

  describe('editing', () => {
    it('changes what the request names, keeps the rest, bumps version, refreshes search and audits field names', async () => {
      const created = Patient.parse(
        (await reception.post('/api/patients', registration(clinicId, { phone: '604-555-0131', preferredContact: 'phone', reminderConsentEmail: true, address: { city: 'Burnaby', region: 'BC' } })).expect(201)).body,
      );
      const otherClinic = await createClinic(testApp.prisma, { organisationId: orgId });
      const response = await reception
        .patch(`/api/patients/${created.id}`, { version: 1, lastName: 'Rennaissance', phone: '778 555 0132', address: { city: 'Richmond' }, homeClinicId: otherClinic.id })
        .expect(200);
      const updated = Patient.parse(response.body);
      expect(updated).toMatchObject({
        version: 2,
        lastName: 'Rennaissance',
        phone: '+17785550132',
        homeClinicId: otherClinic.id,
        preferredContact: 'phone',
        reminderConsentEmail: true,
        address: { city: 'Richmond', region: 'BC' },
        firstName: created.firstName,
      });
      const [audit] = await auditRows(created.id, 'update');
      expect((audit.detail as { fields: string[] }).fields.sort()).toEqual(['city', 'homeClinicId', 'lastName', 'phone']);
      expect(JSON.stringify(audit.detail)).not.toMatch(/Rennaissance|7785550132/);

      const byPhone = PatientSearchResult.parse((await reception.get('/api/patients?q=778-555-0132').expect(200)).body);
      expect(byPhone.items.map((p) => p.id)).toContain(created.id);
      const byOldPhone = PatientSearchResult.parse((await reception.get('/api/patients?q=6045550131').expect(200)).body);
      expect(byOldPhone.items.map((p) => p.id)).not.toContain(created.id);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const created = Patient.parse((await reception.post('/api/patients', registration(clinicId)).expect(201)).body);
      await reception.patch(`/api/patients/${created.id}`, { version: 1, firstName: 'First' }).expect(200);
      const stale = await reception.patch(`/api/patients/${created.id}`, { version: 1, firstName: 'Second', email: 'late@example.com' }).expect(409);
      expect(stale.body.type).toMatch(/stale-version$/);
      const row = await testApp.prisma.patient.findUniqueOrThrow({ where: { id: created.id } });
      expect(row).toMatchObject({ firstName: 'First', email: null, version: 2 });
      expect(await auditRows(created.id, 'update')).toHaveLength(1);
    });

    it('clears a field given as null and refuses the edit to managers and admins (403)', async () => {
      const created = Patient.parse((await reception.post('/api/patients', registration(clinicId, { email: 'clear@example.com' })).expect(201)).body);
      const cleared = Patient.parse((await reception.patch(`/api/patients/${created.id}`, { version: 1, email: null }).expect(200)).body);
      expect(cleared.email).toBeNull();
      await (await agent(['manager'])).patch(`/api/patients/${created.id}`, { version: 2, firstName: 'X' }).expect(403);
      await (await agent(['admin'])).patch(`/api/patients/${created.id}`, { version: 2, firstName: 'X' }).expect(403);
    });
  });
});
