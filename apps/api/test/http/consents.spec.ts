import { ConsentsService } from '../../src/consents/consents.service';
import { dayIn } from '../../src/clinicians/needling-authorisation';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinic } from '../support/clinician-factories';
import { consentBody, createClinicalPatient, createClinicalTenant, insertConsent, yearsAgo } from '../support/clinical-factories';

const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (isoDay: string, days: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('IMS consent', () => {
  let testApp: TestApp;
  let tenant: Awaited<ReturnType<typeof createClinicalTenant>>;
  let foreign: Awaited<ReturnType<typeof createClinicalTenant>>;
  let physio: SignedInAgent;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createClinicalTenant(testApp.prisma, 'consent');
    foreign = await createClinicalTenant(testApp.prisma, 'consent-foreign');
    physio = await signIn(testApp, tenant.physio.email);
  });
  afterAll(() => testApp.close());

  const newPatient = (dateOfBirth = '1980-04-02', homeClinicId = tenant.clinic.id) =>
    createClinicalPatient(testApp.prisma, { organisationId: tenant.organisation.id, homeClinicId, dateOfBirth });
  const post = (patientId: string, body: object) => physio.post(`/api/patients/${patientId}/consents`, body);
  const paths = (response: { body: { errors?: Array<{ path: string }> } }) => (response.body.errors ?? []).map((e) => e.path);
  const rules = (response: { body: { violations?: Array<{ rule: string }> } }) => (response.body.violations ?? []).map((v) => v.rule);
  // Consents given yesterday so that "today" is unambiguous in every zone the tests run in.
  const yesterday = () => daysBefore(today(), 1);

  it.each(['receptionist', 'manager', 'admin'] as const)('refuses the %s (403): consent details are for physiotherapists', async (role) => {
    const agent = await signIn(testApp, tenant[role].email);
    const consent = await insertConsent(testApp.prisma, { organisationId: tenant.organisation.id, clinicId: tenant.clinic.id, patientId: tenant.patient.id, takenById: tenant.physio.id, consentedOn: yesterday() });
    expect((await agent.get(`/api/patients/${tenant.patient.id}/consents`)).status).toBe(403);
    expect((await agent.post(`/api/patients/${tenant.patient.id}/consents`, consentBody(tenant.clinic.id))).status).toBe(403);
    expect((await agent.post(`/api/consents/${consent.id}/withdraw`, { withdrawnOn: yesterday(), reason: 'x' })).status).toBe(403);
    expect((await testApp.prisma.imsConsent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnOn).toBeNull();
  });

  it('records an adult’s consent with who took it, lists it newest first and in force', async () => {
    const patient = await newPatient();
    const first = await post(patient.id, consentBody(tenant.clinic.id, { consentedOn: daysBefore(today(), 30), method: 'verbal' }));
    expect(first.status).toBe(201);
    const renewal = await post(patient.id, consentBody(tenant.clinic.id, { consentedOn: yesterday(), thoraxIncluded: true, risksDisclosed: ['soreness', 'pneumothorax'], notes: 'Upper trapezius and rhomboids' }));
    expect(renewal.status).toBe(201);
    expect(renewal.body).toMatchObject({
      patientId: patient.id,
      clinicId: tenant.clinic.id,
      consentedOn: yesterday(),
      takenBy: { id: tenant.physio.id, name: 'Physio consent' },
      risksDisclosed: ['soreness', 'pneumothorax'],
      thoraxIncluded: true,
      givenBy: 'patient',
      guardianName: null,
      withdrawnOn: null,
      inForce: true,
      notes: 'Upper trapezius and rhomboids',
    });
    const list = await physio.get(`/api/patients/${patient.id}/consents`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string; inForce: boolean }) => [c.id, c.inForce])).toEqual([[renewal.body.id, true], [first.body.id, false]]);
    expect(list.body.inForce.id).toBe(renewal.body.id);
  });

  it('replays a retried create with the same Idempotency-Key instead of recording twice', async () => {
    const patient = await newPatient();
    const send = (key: string, body: object) =>
      testApp.http.post(`/api/patients/${patient.id}/consents`).set('Cookie', physio.cookie).set('X-CSRF-Token', physio.csrfToken).set('Idempotency-Key', key).send(body);
    const body = consentBody(tenant.clinic.id, { consentedOn: yesterday() });
    const first = await send('consent-retry-1', body);
    const retry = await send('consent-retry-1', body);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    const reused = await send('consent-retry-1', { ...body, method: 'verbal' });
    expect(reused.status).toBe(422);
    expect(await testApp.prisma.imsConsent.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it('refuses thoracic consent without pneumothorax disclosed (400)', async () => {
    const response = await post(tenant.patient.id, consentBody(tenant.clinic.id, { thoraxIncluded: true, risksDisclosed: ['soreness'] }));
    expect(response.status).toBe(400);
    expect(paths(response)).toEqual(['risksDisclosed']);
  });

  it('requires the guardian’s name and relationship, or the capacity finding, and refuses them where they do not belong (400)', async () => {
    const minor = await newPatient(yearsAgo(15));
    expect(paths(await post(minor.id, consentBody(tenant.clinic.id, { givenBy: 'guardian' })))).toEqual(['guardianName', 'guardianRelationship']);
    expect(paths(await post(minor.id, consentBody(tenant.clinic.id, { givenBy: 'capable_minor' })))).toEqual(['capacityFinding']);
    const misplaced = await post(tenant.patient.id, consentBody(tenant.clinic.id, { guardianName: 'Rosa Silva', capacityFinding: 'Understands' }));
    expect(misplaced.status).toBe(400);
    expect(paths(misplaced)).toEqual(['guardianName', 'capacityFinding']);
    expect(await testApp.prisma.imsConsent.count({ where: { patientId: minor.id } })).toBe(0);
  });

  it('refuses a minor consenting as the patient (422 minor-consent) and accepts a guardian or a capable minor', async () => {
    const minor = await newPatient(yearsAgo(16));
    const refused = await post(minor.id, consentBody(tenant.clinic.id));
    expect(refused.status).toBe(422);
    expect(rules(refused)).toEqual(['minor-consent']);
    expect(refused.body.violations[0].message).toMatch(/guardian.*capable_minor/);

    const guardian = await post(minor.id, consentBody(tenant.clinic.id, { givenBy: 'guardian', guardianName: 'Rosa Silva', guardianRelationship: 'Mother' }));
    expect(guardian.status).toBe(201);
    expect(guardian.body).toMatchObject({ givenBy: 'guardian', guardianName: 'Rosa Silva', guardianRelationship: 'Mother' });
    const capable = await post(minor.id, consentBody(tenant.clinic.id, { givenBy: 'capable_minor', capacityFinding: 'Explains the risks and the alternatives in their own words' }));
    expect(capable.status).toBe(201);
  });

  it('judges age on the day consent was given, not today', async () => {
    // 19 today, but consent backdated to 30 days before the 19th birthday: a minor then.
    const patient = await newPatient(yearsAgo(19, 10));
    const response = await post(patient.id, consentBody(tenant.clinic.id, { consentedOn: daysBefore(yearsAgo(0, 10), 30) }));
    expect(response.status).toBe(422);
    expect(rules(response)).toEqual(['minor-consent']);
  });

  it('requires an adult to consent themself (422 adult-consent)', async () => {
    const response = await post(tenant.patient.id, consentBody(tenant.clinic.id, { givenBy: 'guardian', guardianName: 'Rosa Silva', guardianRelationship: 'Mother' }));
    expect(response.status).toBe(422);
    expect(rules(response)).toEqual(['adult-consent']);
  });

  it('refuses a day before birth, a day in the clinic’s future, and a clinic not the physiotherapist’s (400)', async () => {
    const child = await newPatient(yearsAgo(10));
    const beforeBirth = await post(child.id, consentBody(tenant.clinic.id, { consentedOn: yearsAgo(11), givenBy: 'guardian', guardianName: 'A', guardianRelationship: 'Father' }));
    expect(beforeBirth.status).toBe(400);
    expect(paths(beforeBirth)).toEqual(['consentedOn']);
    const future = await post(tenant.patient.id, consentBody(tenant.clinic.id, { consentedOn: daysBefore(today(), -3) }));
    expect(future.status).toBe(400);
    expect(paths(future)).toEqual(['consentedOn']);
    const otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id });
    const notMine = await post(tenant.patient.id, consentBody(otherClinic.id));
    expect(notMine.status).toBe(400);
    expect(paths(notMine)).toEqual(['clinicId']);
  });

  it('withdraws a consent from a day on, once, recording who and why; audited', async () => {
    const patient = await newPatient();
    const given = await post(patient.id, consentBody(tenant.clinic.id, { consentedOn: daysBefore(today(), 20) }));
    const withdraw = (body: object) => physio.post(`/api/consents/${given.body.id}/withdraw`, body);

    const early = await withdraw({ withdrawnOn: daysBefore(today(), 21), reason: 'Changed mind' });
    expect(early.status).toBe(400);
    expect(paths(early)).toEqual(['withdrawnOn']);
    const future = await withdraw({ withdrawnOn: daysBefore(today(), -3), reason: 'Changed mind' });
    expect(future.status).toBe(400);
    expect((await withdraw({ withdrawnOn: yesterday(), reason: '' })).status).toBe(400);

    const done = await withdraw({ withdrawnOn: yesterday(), reason: 'Prefers exercise therapy' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ withdrawnOn: yesterday(), withdrawnBy: { id: tenant.physio.id, name: 'Physio consent' }, withdrawalReason: 'Prefers exercise therapy', inForce: false });
    const again = await withdraw({ withdrawnOn: yesterday(), reason: 'Twice' });
    expect(again.status).toBe(409);
    expect((await testApp.prisma.imsConsent.findUniqueOrThrow({ where: { id: given.body.id } })).withdrawalReason).toBe('Prefers exercise therapy');
    expect((await physio.get(`/api/patients/${patient.id}/consents`)).body.inForce).toBeNull();

    const events = await testApp.prisma.auditEvent.findMany({ where: { patientId: patient.id, entityType: 'consent' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([['create', given.body.id], ['withdraw', given.body.id], ['read', null]]);
  });

  it('decides "in force today" on the home clinic’s calendar, not UTC’s', async () => {
    // Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: always on different calendar days.
    const kiritimati = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id, timeZone: 'Pacific/Kiritimati' });
    const pagoPago = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id, timeZone: 'Pacific/Pago_Pago' });
    await testApp.prisma.userClinic.createMany({ data: [kiritimati, pagoPago].map((c) => ({ organisationId: tenant.organisation.id, clinicId: c.id, userId: tenant.physio.id })) });
    const agent = await signIn(testApp, tenant.physio.email);
    const [kiritimatiToday, pagoPagoToday] = [dayIn('Pacific/Kiritimati'), dayIn('Pacific/Pago_Pago')];
    expect(kiritimatiToday > pagoPagoToday).toBe(true);

    // Today in Kiritimati is tomorrow (or later) in Pago Pago: accepted there, refused here.
    const homeK = await newPatient('1980-04-02', kiritimati.id);
    const givenK = await agent.post(`/api/patients/${homeK.id}/consents`, consentBody(kiritimati.id, { consentedOn: kiritimatiToday }));
    expect(givenK.status).toBe(201);
    expect(givenK.body.inForce).toBe(true);
    const refusedP = await agent.post(`/api/patients/${homeK.id}/consents`, consentBody(pagoPago.id, { consentedOn: kiritimatiToday }));
    expect(paths(refusedP)).toEqual(['consentedOn']);

    // Both withdrawn from Kiritimati's today: no longer covered there, still covered where that day has not come.
    const homeP = await newPatient('1980-04-02', pagoPago.id);
    const givenP = await agent.post(`/api/patients/${homeP.id}/consents`, consentBody(kiritimati.id, { consentedOn: pagoPagoToday }));
    expect(givenP.body.inForce).toBe(true);
    for (const consent of [givenK.body, givenP.body]) {
      expect((await agent.post(`/api/consents/${consent.id}/withdraw`, { withdrawnOn: kiritimatiToday, reason: 'Stopping IMS' })).status).toBe(200);
    }
    expect((await agent.get(`/api/patients/${homeK.id}/consents`)).body.inForce).toBeNull();
    expect((await agent.get(`/api/patients/${homeP.id}/consents`)).body.inForce).toMatchObject({ id: givenP.body.id, inForce: true });
  });

  it('tells note signing which consent is in force on a day (ConsentsService.inForceOn)', async () => {
    const patient = await newPatient();
    const base = { organisationId: tenant.organisation.id, clinicId: tenant.clinic.id, patientId: patient.id, takenById: tenant.physio.id };
    const first = await insertConsent(testApp.prisma, { ...base, consentedOn: '2026-01-05' });
    const second = await insertConsent(testApp.prisma, { ...base, consentedOn: '2026-02-01', withdrawnOn: '2026-03-01' });
    await testApp.prisma.imsConsent.update({ where: { id: first.id }, data: { thoraxIncluded: true, risksDisclosed: ['soreness', 'pneumothorax'] } });
    const service = testApp.app.get(ConsentsService);
    expect((await service.inForceOn(patient.id, '2026-01-04'))?.id).toBeUndefined();
    expect((await service.inForceOn(patient.id, '2026-01-20'))?.id).toBe(first.id);
    expect((await service.inForceOn(patient.id, '2026-01-20', undefined, { thorax: true }))?.id).toBe(first.id);
    expect((await service.inForceOn(patient.id, '2026-02-10'))?.id).toBe(second.id);
    expect(await service.inForceOn(patient.id, '2026-02-10', testApp.prisma, { thorax: true })).toBeNull();
    expect(await service.inForceOn(patient.id, '2026-03-01')).toBeNull();
  });

  it("answers 404 for another organisation's patient or consent and changes nothing", async () => {
    const consent = await insertConsent(testApp.prisma, { organisationId: foreign.organisation.id, clinicId: foreign.clinic.id, patientId: foreign.patient.id, takenById: foreign.physio.id, consentedOn: yesterday() });
    expect((await physio.get(`/api/patients/${foreign.patient.id}/consents`)).status).toBe(404);
    expect((await post(foreign.patient.id, consentBody(tenant.clinic.id))).status).toBe(404);
    expect((await physio.post(`/api/consents/${consent.id}/withdraw`, { withdrawnOn: yesterday(), reason: 'Not yours' })).status).toBe(404);
    expect((await physio.post('/api/consents/not-a-uuid/withdraw', { withdrawnOn: yesterday(), reason: 'x' })).status).toBe(404);
    expect(await testApp.prisma.imsConsent.findMany({ where: { patientId: foreign.patient.id } })).toEqual([consent]);
  });
});
