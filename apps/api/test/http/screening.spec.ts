import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinic } from '../support/clinician-factories';
import { createClinicalPatient, createClinicalTenant, screeningItems } from '../support/clinical-factories';

describe('patient safety screening', () => {
  let testApp: TestApp;
  let tenant: Awaited<ReturnType<typeof createClinicalTenant>>;
  let foreign: Awaited<ReturnType<typeof createClinicalTenant>>;
  let physio: SignedInAgent;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createClinicalTenant(testApp.prisma, 'screen');
    foreign = await createClinicalTenant(testApp.prisma, 'screen-foreign');
    physio = await signIn(testApp, tenant.physio.email);
  });
  afterAll(() => testApp.close());

  const newPatient = () => createClinicalPatient(testApp.prisma, { organisationId: tenant.organisation.id, homeClinicId: tenant.clinic.id });
  const put = (patientId: string, body: object) => physio.put(`/api/patients/${patientId}/screening`, body);
  const body = (basedOnId: string | null, present: Parameters<typeof screeningItems>[0] = {}) => ({ clinicId: tenant.clinic.id, items: screeningItems(present), basedOnId });

  it.each(['receptionist', 'manager', 'admin'] as const)('refuses the %s (403): screening details are for physiotherapists', async (role) => {
    const agent = await signIn(testApp, tenant[role].email);
    expect((await agent.get(`/api/patients/${tenant.patient.id}/screening`)).status).toBe(403);
    expect((await agent.put(`/api/patients/${tenant.patient.id}/screening`, body(null))).status).toBe(403);
    expect(await testApp.prisma.patientScreening.count({ where: { patientId: tenant.patient.id } })).toBe(0);
  });

  it('starts empty, then keeps every screening as history, newest first, with who recorded it', async () => {
    const patient = await newPatient();
    const empty = await physio.get(`/api/patients/${patient.id}/screening`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ current: null, history: [] });

    const first = await put(patient.id, { ...body(null), notes: 'Initial assessment' });
    expect(first.status).toBe(200);
    expect(first.body.current).toMatchObject({ patientId: patient.id, clinicId: tenant.clinic.id, precautionsPresent: false, precautions: [], notes: 'Initial assessment' });
    expect(first.body.current.recordedBy).toEqual({ id: tenant.physio.id, name: 'Physio screen' });
    const firstRow = await testApp.prisma.patientScreening.findUniqueOrThrow({ where: { id: first.body.current.id } });

    const second = await put(patient.id, body(first.body.current.id, { anticoagulants: 'Apixaban 5 mg twice daily', diabetes: true }));
    expect(second.status).toBe(200);
    expect(second.body.current).toMatchObject({ precautionsPresent: true, precautions: ['anticoagulants', 'diabetes'] });
    expect(second.body.current.items.anticoagulants).toEqual({ present: true, notes: 'Apixaban 5 mg twice daily' });
    expect(second.body.current.items.pregnancy).toEqual({ present: false });
    expect(second.body.history.map((s: { id: string }) => s.id)).toEqual([second.body.current.id, first.body.current.id]);
    // The earlier screening is history: never rewritten.
    expect(await testApp.prisma.patientScreening.findUniqueOrThrow({ where: { id: firstRow.id } })).toEqual(firstRow);

    const read = await physio.get(`/api/patients/${patient.id}/screening`);
    expect(read.body).toEqual(second.body);
  });

  it('refuses a screening based on an out-of-date one (409) and writes nothing', async () => {
    const patient = await newPatient();
    const first = await put(patient.id, body(null));
    const second = await put(patient.id, body(first.body.current.id, { needle_phobia: true }));
    expect(second.status).toBe(200);

    const stale = await put(patient.id, body(first.body.current.id, { pregnancy: true }));
    expect(stale.status).toBe(409);
    expect(stale.body.conflicts).toEqual([expect.objectContaining({ entity: 'screening', id: second.body.current.id })]);
    const blind = await put(patient.id, body(null));
    expect(blind.status).toBe(409);
    expect(await testApp.prisma.patientScreening.count({ where: { patientId: patient.id } })).toBe(2);
  });

  it('lets only one of several concurrent screenings based on the same one through', async () => {
    const patient = await newPatient();
    const first = await put(patient.id, body(null));
    const results = await Promise.all(Array.from({ length: 6 }, () => put(patient.id, body(first.body.current.id, { diabetes: true }))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await testApp.prisma.patientScreening.count({ where: { patientId: patient.id } })).toBe(2);
  });

  it('lets only one of several concurrent first screenings through', async () => {
    const patient = await newPatient();
    const results = await Promise.all(Array.from({ length: 4 }, () => put(patient.id, body(null))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it('refuses a clinic the physiotherapist does not work in (400 naming clinicId)', async () => {
    const otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id });
    for (const clinicId of [otherClinic.id, foreign.clinic.id]) {
      const response = await put(tenant.patient.id, { ...body(null), clinicId });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: 'clinicId', message: expect.any(String) }]);
    }
  });

  it('refuses a checklist with a precaution left unanswered (400 naming it)', async () => {
    const { diabetes: _diabetes, ...items } = screeningItems();
    const response = await put(tenant.patient.id, { clinicId: tenant.clinic.id, items, basedOnId: null });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('items.diabetes');
  });

  it('refuses new screenings for an archived patient (422) but still shows the history', async () => {
    const patient = await newPatient();
    const first = await put(patient.id, body(null));
    await testApp.prisma.patient.update({ where: { id: patient.id }, data: { archivedAt: new Date() } });
    const refused = await put(patient.id, body(first.body.current.id));
    expect(refused.status).toBe(422);
    expect(refused.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['patient-archived']);
    expect((await physio.get(`/api/patients/${patient.id}/screening`)).body.history).toHaveLength(1);
  });

  it('audits reads and writes of the screening against the patient', async () => {
    const patient = await newPatient();
    await physio.get(`/api/patients/${patient.id}/screening`);
    const created = await put(patient.id, body(null, { implants: 'Pacemaker (2019)' }));
    const events = await testApp.prisma.auditEvent.findMany({ where: { patientId: patient.id, entityType: 'screening' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.userId, e.entityId])).toEqual([
      ['read', tenant.physio.id, null],
      ['create', tenant.physio.id, created.body.current.id],
    ]);
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain('Pacemaker');
  });

  it("answers 404 for another organisation's patient, and for ids that are not ids", async () => {
    expect((await physio.get(`/api/patients/${foreign.patient.id}/screening`)).status).toBe(404);
    expect((await put(foreign.patient.id, body(null))).status).toBe(404);
    expect((await physio.get('/api/patients/not-a-uuid/screening')).status).toBe(404);
    expect(await testApp.prisma.patientScreening.count({ where: { patientId: foreign.patient.id } })).toBe(0);
  });
});
