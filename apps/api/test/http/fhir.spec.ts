import type { Appointment, Bundle, Consent, Patient } from 'fhir/r4';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createAppointmentType, createRoom } from '../support/clinic-setup-factories';
import { createClinicalPatient, createClinicalTenant, insertConsent } from '../support/clinical-factories';
import { fhirSchemaErrors } from '../support/fhir-schema';

/** Free text planted in every free-text field, so its absence from an anonymised export can be checked. */
const SECRET = 'PLANTED-FREE-TEXT';

describe('FHIR R4 record export', () => {
  let testApp: TestApp;
  let tenant: Awaited<ReturnType<typeof createClinicalTenant>>;
  let foreign: Awaited<ReturnType<typeof createClinicalTenant>>;
  let physio: SignedInAgent;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createClinicalTenant(testApp.prisma, 'fhir');
    foreign = await createClinicalTenant(testApp.prisma, 'fhir-foreign');
    physio = await signIn(testApp, tenant.physio.email);
  });
  afterAll(() => testApp.close());

  let records = 0;
  /** A patient with every registration field, a guardian consent and a withdrawn one, and appointments in each status. */
  async function fullRecord() {
    const organisationId = tenant.organisation.id;
    // Each record's sessions on their own days: the same clinician cannot be booked twice at once.
    const firstDay = 1 + 7 * records++;
    const patient = await createClinicalPatient(testApp.prisma, {
      organisationId, homeClinicId: tenant.clinic.id, dateOfBirth: '2009-07-01',
      firstName: 'Ana', lastName: 'Figueira', middleName: 'Maria', preferredName: 'Annie', sex: 'female', genderIdentity: `woman ${SECRET}`,
      phone: '+16045550111', phoneAlt: '+17785550112', email: 'ana.figueira@example.com', preferredContact: 'sms',
      addressLine1: '2150 W 4th Ave', city: 'Vancouver', region: 'BC', postalCode: 'V6K 1N6', country: 'CA',
      healthNumber: '9123 456 782', healthNumberIssuer: 'BC MSP',
      emergencyContactName: 'Rosa Figueira', emergencyContactRelationship: 'Mother', emergencyContactPhone: '+16045550113',
      referrerName: `Dr ${SECRET}`, frontDeskNotes: SECRET,
    });
    const base = { organisationId, clinicId: tenant.clinic.id, patientId: patient.id, takenById: tenant.physio.id };
    const withdrawn = await insertConsent(testApp.prisma, { ...base, consentedOn: '2025-01-10', withdrawnOn: '2025-02-01', notes: SECRET });
    const current = await insertConsent(testApp.prisma, { ...base, consentedOn: '2025-03-01', notes: SECRET });
    await testApp.prisma.imsConsent.update({
      where: { id: current.id },
      data: { givenBy: 'guardian', guardianName: `Rosa ${SECRET}`, guardianRelationship: 'Mother', thoraxIncluded: true, risksDisclosed: ['soreness', 'pneumothorax'] },
    });
    await testApp.prisma.imsConsent.update({ where: { id: withdrawn.id }, data: { givenBy: 'capable_minor', capacityFinding: SECRET, withdrawalReason: SECRET } });
    const type = await createAppointmentType(testApp.prisma, { organisationId, clinicId: tenant.clinic.id });
    const room = await createRoom(testApp.prisma, { organisationId, clinicId: tenant.clinic.id });
    const statuses = ['completed', 'no_show', 'cancelled', 'arrived', 'booked'] as const;
    for (const [index, status] of statuses.entries()) {
      const startsAt = new Date(Date.UTC(2025, 3, firstDay + index, 17));
      await testApp.prisma.appointment.create({
        data: {
          organisationId, clinicId: tenant.clinic.id, patientId: patient.id, clinicianId: tenant.clinician.id, roomId: room.id, appointmentTypeId: type.id,
          startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), localStart: new Date(Date.UTC(2025, 3, firstDay + index, 10)), timeZone: 'America/Vancouver',
          status, notes: SECRET, cancelReason: status === 'cancelled' ? SECRET : null,
        },
      });
    }
    return { patient, current, withdrawn };
  }

  const resources = (bundle: Bundle, type: string) => bundle.entry!.map((e) => e.resource!).filter((r) => r.resourceType === type);

  it.each(['receptionist', 'manager'] as const)('refuses the %s (403)', async (role) => {
    const agent = await signIn(testApp, tenant[role].email);
    expect((await agent.get(`/api/patients/${tenant.patient.id}/fhir`)).status).toBe(403);
  });

  it('exports the patient, their consents and appointments as a Bundle that validates against the FHIR R4 schema', async () => {
    const { patient, current } = await fullRecord();
    const response = await physio.get(`/api/patients/${patient.id}/fhir`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const bundle = response.body as Bundle;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });

    const [fhirPatient] = resources(bundle, 'Patient') as Patient[];
    expect(fhirPatient).toMatchObject({ id: patient.id, gender: 'female', birthDate: '2009-07-01', active: true });
    expect(fhirPatient.name).toEqual([{ use: 'official', family: 'Figueira', given: ['Ana', 'Maria'] }, { use: 'usual', family: 'Figueira', given: ['Annie'] }]);
    expect(fhirPatient.identifier).toContainEqual(expect.objectContaining({ value: '9123 456 782', assigner: { display: 'BC MSP' } }));
    expect(fhirPatient.telecom).toEqual([
      { system: 'phone', value: '+16045550111', rank: 1 },
      { system: 'phone', value: '+17785550112' },
      { system: 'email', value: 'ana.figueira@example.com' },
    ]);
    expect(fhirPatient.contact![0]).toMatchObject({ name: { text: 'Rosa Figueira' }, telecom: [{ system: 'phone', value: '+16045550113' }] });

    const consents = resources(bundle, 'Consent') as Consent[];
    expect(consents.map((c) => [c.dateTime, c.status])).toEqual([['2025-03-01', 'active'], ['2025-01-10', 'inactive']]);
    expect(consents[0]).toMatchObject({ id: current.id, scope: { coding: [{ code: 'treatment' }] }, patient: { reference: `urn:uuid:${patient.id}` }, provision: { period: { start: '2025-03-01' } } });
    expect(consents[0].performer![0].display).toContain('Mother');
    expect(consents[1].provision!.period).toEqual({ start: '2025-01-10', end: '2025-02-01' });
    expect(consents[0].provision!.actor![0].reference).toEqual({ display: 'Physio fhir' });
    expect((resources(bundle, 'Appointment') as Appointment[]).map((a) => a.status)).toEqual(['fulfilled', 'noshow', 'cancelled', 'arrived', 'booked']);
  });

  it('leaves every free text out of an anonymised patient’s export', async () => {
    const { patient } = await fullRecord();
    await testApp.prisma.patient.update({ where: { id: patient.id }, data: { anonymisedAt: new Date(), anonymisedById: tenant.admin.id } });
    const response = await physio.get(`/api/patients/${patient.id}/fhir`);
    expect(response.status).toBe(200);
    expect(fhirSchemaErrors(response.body)).toEqual([]);
    const json = JSON.stringify(response.body);
    for (const text of [SECRET, 'Figueira', 'Annie', '9123', '+1604555', '+1778555', 'example.com', 'W 4th', 'Mother']) expect(json).not.toContain(text);
    expect(resources(response.body, 'Consent')).toHaveLength(2);
    expect(resources(response.body, 'Appointment')).toHaveLength(5);
  });

  it('is open to admins (record requests) and audits every export', async () => {
    const admin = await signIn(testApp, tenant.admin.email);
    const exported = await admin.get(`/api/patients/${tenant.patient.id}/fhir`);
    expect(exported.status).toBe(200);
    await physio.get(`/api/patients/${tenant.patient.id}/fhir`);
    const events = await testApp.prisma.auditEvent.findMany({ where: { patientId: tenant.patient.id, action: 'export' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.userId, e.entityType, e.entityId])).toEqual([
      [tenant.admin.id, 'patient', tenant.patient.id],
      [tenant.physio.id, 'patient', tenant.patient.id],
    ]);
    expect(events[0].detail).toMatchObject({ format: 'fhir-r4', bundleId: exported.body.id });
  });

  it("answers 404 for another organisation's patient, without auditing an export", async () => {
    expect((await physio.get(`/api/patients/${foreign.patient.id}/fhir`)).status).toBe(404);
    expect((await physio.get('/api/patients/not-a-uuid/fhir')).status).toBe(404);
    expect(await testApp.prisma.auditEvent.count({ where: { patientId: foreign.patient.id } })).toBe(0);
  });
});
