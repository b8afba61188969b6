import { Patient, PatientSearchResult } from '@ims/contracts';
import type { Role } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation, createUser } from '../support/factories';
import { createClinician } from '../support/clinician-factories';
import { createAppointmentType } from '../support/clinic-setup-factories';
import { registration } from '../support/patient-factories';

/** Archive (reversible, out of search) and anonymise (irreversible, demographics only): managers and admins. */
describe('patients: archive and anonymise', () => {
  let testApp: TestApp;
  let orgId: string;
  let clinicId: string;
  let reception: SignedInAgent;
  let manager: SignedInAgent;

  const agent = async (roles: Role[]) => {
    const user = await createUser(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId], roles });
    return signIn(testApp, user.email);
  };
  const register = async (overrides: Record<string, unknown> = {}) =>
    Patient.parse((await reception.post('/api/patients', registration(clinicId, overrides)).expect(201)).body);
  const searchIds = async (query: string) =>
    PatientSearchResult.parse((await reception.get(`/api/patients?${query}`).expect(200)).body).items.map((p) => p.id);

  beforeAll(async () => {
    testApp = await startTestApp();
    const { organisation, clinic } = await createOrganisation(testApp.prisma);
    orgId = organisation.id;
    clinicId = clinic.id;
    reception = await agent(['receptionist']);
    manager = await agent(['manager']);
  });
  afterAll(() => testApp.close());

  it('archives out of search (history kept, still readable) and unarchives back, each audited with its reason', async () => {
    const patient = await register();
    const archived = Patient.parse((await manager.post(`/api/patients/${patient.id}/archive`, { version: 1, reason: 'Moved away' }).expect(200)).body);
    expect(archived).toMatchObject({ version: 2, archivedAt: expect.any(String), anonymisedAt: null, lastName: patient.lastName });
    expect(await searchIds(`q=${patient.lastName}`)).toEqual([]);
    expect(await searchIds(`q=${patient.lastName}&includeArchived=true`)).toEqual([patient.id]);
    await reception.get(`/api/patients/${patient.id}`).expect(200);

    await manager.post(`/api/patients/${patient.id}/archive`, { version: 2, reason: 'Again' }).expect(409);
    await manager.post(`/api/patients/${patient.id}/unarchive`, { version: 1 }).expect(409);
    const back = Patient.parse((await (await agent(['admin'])).post(`/api/patients/${patient.id}/unarchive`, { version: 2 }).expect(200)).body);
    expect(back).toMatchObject({ version: 3, archivedAt: null });
    expect(await searchIds(`q=${patient.lastName}`)).toEqual([patient.id]);
    await manager.post(`/api/patients/${patient.id}/unarchive`, { version: 3 }).expect(409);

    const audit = await testApp.prisma.auditEvent.findMany({ where: { entityId: patient.id, action: { in: ['archive', 'unarchive'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => [row.action, row.detail])).toEqual([
      ['archive', { reason: 'Moved away' }],
      ['unarchive', null],
    ]);
  });

  it('refuses archive, unarchive and anonymise to receptionists and physiotherapists (403), and bad bodies (400)', async () => {
    const patient = await register();
    const physio = await agent(['physiotherapist']);
    for (const caller of [reception, physio]) {
      await caller.post(`/api/patients/${patient.id}/archive`, { version: 1, reason: 'No' }).expect(403);
      await caller.post(`/api/patients/${patient.id}/unarchive`, { version: 1 }).expect(403);
      await caller.post(`/api/patients/${patient.id}/anonymise`, { version: 1, reason: 'No', confirmLastName: patient.lastName }).expect(403);
    }
    const noReason = await manager.post(`/api/patients/${patient.id}/archive`, { version: 1 }).expect(400);
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    const noVersion = await manager.post(`/api/patients/${patient.id}/anonymise`, { reason: 'x', confirmLastName: patient.lastName }).expect(400);
    expect(noVersion.body.errors.map((e: { path: string }) => e.path)).toEqual(['version']);
    expect(await testApp.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toMatchObject({ version: 1, archivedAt: null, anonymisedAt: null });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const patient = await register();
    await reception.patch(`/api/patients/${patient.id}`, { version: 1, firstName: 'Edited' }).expect(200);
    await manager.post(`/api/patients/${patient.id}/archive`, { version: 1, reason: 'Stale' }).expect(409);
    await manager.post(`/api/patients/${patient.id}/anonymise`, { version: 1, reason: 'Stale', confirmLastName: patient.lastName }).expect(409);
    expect(await testApp.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toMatchObject({ version: 2, firstName: 'Edited', archivedAt: null, anonymisedAt: null });
  });

  it('anonymises: demographics rewritten, clinical rows kept, out of search, irreversible', async () => {
    const henrietta = registration(clinicId, {
      firstName: 'Henrietta',
      lastName: 'Vandersloot',
      dateOfBirth: '1977-08-23',
      sex: 'female',
      phone: '604-555-0188',
      email: 'henrietta@example.com',
      address: { line1: '12 Oak Rd', city: 'Surrey', postalCode: 'V3T 1A1' },
      healthNumber: '9555 444 333',
      emergencyContact: { name: 'Piet Vandersloot', phone: '604-555-0189' },
      frontDeskNotes: 'Uses a walker',
    });
    // Registered with Idempotency-Key: the stored replay holds her demographics until she is anonymised.
    const patient = Patient.parse((await reception.post('/api/patients', henrietta).set('Idempotency-Key', 'anon-henrietta').expect(201)).body);
    const other = Patient.parse((await reception.post('/api/patients', registration(clinicId)).set('Idempotency-Key', 'anon-other').expect(201)).body);

    const { clinician } = await createClinician(testApp.prisma, { organisationId: orgId, clinicIds: [clinicId] });
    const type = await createAppointmentType(testApp.prisma, { organisationId: orgId, clinicId });
    const plan = await testApp.prisma.treatmentPlan.create({
      data: { organisationId: orgId, clinicId, patientId: patient.id, clinicianId: clinician.id, condition: 'neck_pain', primaryMeasure: 'NDI', status: 'active' },
    });
    const startsAt = new Date('2026-01-05T18:00:00Z');
    const appointment = await testApp.prisma.appointment.create({
      data: {
        organisationId: orgId, clinicId, patientId: patient.id, clinicianId: clinician.id, appointmentTypeId: type.id, planId: plan.id,
        startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), localStart: new Date('2026-01-05T10:00:00Z'), timeZone: 'America/Vancouver',
      },
    });
    await testApp.prisma.imsConsent.create({
      data: { organisationId: orgId, clinicId, patientId: patient.id, takenById: clinician.userId, consentedOn: new Date('2026-01-05T00:00:00Z'), risksDisclosed: ['bruising'], method: 'written', givenBy: 'patient' },
    });

    const wrongName = await manager.post(`/api/patients/${patient.id}/anonymise`, { version: 1, reason: 'Request', confirmLastName: 'Vandersloth' }).expect(400);
    expect(wrongName.body.errors).toEqual([{ path: 'confirmLastName', message: expect.any(String) }]);

    const response = await manager.post(`/api/patients/${patient.id}/anonymise`, { version: 1, reason: 'Patient asked to be forgotten', confirmLastName: ' vandersloot ' }).expect(200);
    const anonymised = Patient.parse(response.body);
    expect(anonymised).toMatchObject({
      version: 2,
      homeClinicId: clinicId,
      firstName: 'Anonymised',
      lastName: expect.stringMatching(/^Patient-[0-9a-f]{8}$/),
      dateOfBirth: '1977-01-01',
      sex: 'female',
      phone: null,
      email: null,
      address: { line1: null, line2: null, city: null, region: null, postalCode: null, country: null },
      healthNumber: null,
      emergencyContact: { name: null, relationship: null, phone: null },
      frontDeskNotes: null,
      flags: { imsConsentOnFile: true, precautionsPresent: false },
      anonymisedAt: expect.any(String),
      archivedAt: expect.any(String),
    });
    const row = await testApp.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(JSON.stringify(row)).not.toMatch(/Henrietta|Vandersloot|5550188|9555|henrietta@|Oak Rd|walker/i);
    expect(row).toMatchObject({ phoneDigits: '', healthNumberKey: null });

    // Clinical history stays, de-identified through the patient row.
    expect(await testApp.prisma.treatmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ patientId: patient.id, status: 'active' });
    expect(await testApp.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({ patientId: patient.id });
    expect(await testApp.prisma.imsConsent.count({ where: { patientId: patient.id } })).toBe(1);
    // A stored replay that carried the old demographics is gone; other patients' replays stay.
    expect(await testApp.prisma.idempotencyKey.count({ where: { key: 'anon-henrietta' } })).toBe(0);
    expect(await testApp.prisma.idempotencyKey.count({ where: { key: 'anon-other', responseBody: { path: ['id'], equals: other.id } } })).toBe(1);

    expect(await searchIds('q=Vandersloot&includeArchived=true')).toEqual([]);
    expect(await searchIds('q=6045550188&includeArchived=true')).toEqual([]);
    expect(await searchIds('q=1977-08-23&includeArchived=true')).toEqual([]);
    expect(await searchIds(`q=${anonymised.lastName}`)).toEqual([]);

    await manager.post(`/api/patients/${patient.id}/anonymise`, { version: 2, reason: 'Again', confirmLastName: anonymised.lastName }).expect(409);
    const unarchive = await manager.post(`/api/patients/${patient.id}/unarchive`, { version: 2 }).expect(422);
    expect(unarchive.body.violations).toEqual([{ rule: 'anonymised', message: expect.any(String) }]);
    const edit = await reception.patch(`/api/patients/${patient.id}`, { version: 2, firstName: 'Henrietta' }).expect(422);
    expect(edit.body.violations).toEqual([{ rule: 'anonymised', message: expect.any(String) }]);
    expect(await testApp.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).toMatchObject({ version: 2, firstName: 'Anonymised' });

    const audit = await testApp.prisma.auditEvent.findMany({ where: { entityId: patient.id, action: 'anonymise' } });
    expect(audit.map((a) => a.detail)).toEqual([{ reason: 'Patient asked to be forgotten' }]);
  });

  it('leaves an anonymised patient out of duplicate detection', async () => {
    const patient = await register({ firstName: 'Ottilie', lastName: 'Brandvold', dateOfBirth: '1950-02-02', phone: '604-555-0166' });
    await manager.post(`/api/patients/${patient.id}/anonymise`, { version: 1, reason: 'Deceased, family request', confirmLastName: 'Brandvold' }).expect(200);
    const again = await reception.post('/api/patients', registration(clinicId, { firstName: 'Ottilie', lastName: 'Brandvold', dateOfBirth: '1950-02-02', phone: '604-555-0166' })).expect(201);
    expect(again.body.id).not.toBe(patient.id);
  });
});
