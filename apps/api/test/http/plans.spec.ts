import { dayIn } from '../../src/clinicians/needling-authorisation';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createUser } from '../support/factories';
import { createClinic, createClinician } from '../support/clinician-factories';
import { createClinicalPatient, createClinicalTenant } from '../support/clinical-factories';
import { insertPlan, insertPlanSessions, planBody } from '../support/plan-factories';

type Tenant = Awaited<ReturnType<typeof createClinicalTenant>>;

describe('treatment plans', () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let foreign: Tenant;
  let otherClinic: { id: string };
  /** A physiotherapist of the tenant who works only at `otherClinic`. */
  let elsewhere: Awaited<ReturnType<typeof createClinician>>;
  let physio: SignedInAgent;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createClinicalTenant(testApp.prisma, 'plans');
    foreign = await createClinicalTenant(testApp.prisma, 'plans-foreign');
    otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id, name: 'Plans east', timeZone: 'America/Toronto' });
    elsewhere = await createClinician(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [otherClinic.id], name: 'East physio' });
    physio = await signIn(testApp, tenant.physio.email);
  });
  afterAll(() => testApp.close());

  const newPatient = () => createClinicalPatient(testApp.prisma, { organisationId: tenant.organisation.id, homeClinicId: tenant.clinic.id });
  const parties = (patientId: string) => ({ organisationId: tenant.organisation.id, clinicId: tenant.clinic.id, patientId, clinicianId: tenant.clinician.id });
  const newPlan = async (options: Partial<Parameters<typeof insertPlan>[1]> = {}) => {
    const patient = await newPatient();
    return insertPlan(testApp.prisma, { ...parties(patient.id), ...options });
  };
  const sessions = (plan: { id: string; patientId: string }, statuses: Array<'draft' | 'signed'>) =>
    insertPlanSessions(testApp.prisma, { plan: { ...parties(plan.patientId), id: plan.id }, authorUserId: tenant.physio.id, statuses });
  const paths = (response: { body: { errors?: Array<{ path: string }> } }) => (response.body.errors ?? []).map((e) => e.path);
  const rules = (response: { body: { violations?: Array<{ rule: string }> } }) => (response.body.violations ?? []).map((v) => v.rule);
  const clinicToday = () => dayIn(tenant.clinic.timeZone);

  describe('create', () => {
    it('creates a draft for the signed-in clinician with the usual 10 sessions, and audits it', async () => {
      const patient = await newPatient();
      const response = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        version: 1,
        clinicId: tenant.clinic.id,
        patientId: patient.id,
        patient: { id: patient.id, name: `Robin ${patient.lastName}` },
        clinicianId: tenant.clinician.id,
        clinician: { id: tenant.clinician.id },
        condition: 'neck_pain',
        conditionDetail: null,
        regions: ['head_neck', 'shoulder'],
        goals: 'Reverse the car without turning the whole body',
        plannedSessions: 10,
        completedSessions: 0,
        primaryMeasure: 'NDI',
        status: 'draft',
        statusReason: null,
        startedOn: null,
        endedOn: null,
        reviewDue: false,
        reviewedAt: null,
        reviewedBy: null,
      });
      const audit = await testApp.prisma.auditEvent.findFirst({ where: { entityType: 'plan', entityId: response.body.id, action: 'create' } });
      expect(audit).toMatchObject({ userId: tenant.physio.id, patientId: patient.id, clinicId: tenant.clinic.id });
    });

    it('needs a description when the condition is "other"', async () => {
      const patient = await newPatient();
      const missing = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { condition: 'other' }));
      expect(missing.status).toBe(400);
      expect(paths(missing)).toEqual(['conditionDetail']);
      const blank = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { condition: 'other', conditionDetail: '   ' }));
      expect(paths(blank)).toEqual(['conditionDetail']);
      const described = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { condition: 'other', conditionDetail: 'Plantar heel pain' }));
      expect(described.status).toBe(201);
      expect(described.body).toMatchObject({ condition: 'other', conditionDetail: 'Plantar heel pain' });
    });

    it('asks for confirmation of a course outside the usual 8-10 sessions', async () => {
      const patient = await newPatient();
      for (const plannedSessions of [12, 6]) {
        const unconfirmed = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { plannedSessions }));
        expect(unconfirmed.status).toBe(400);
        expect(paths(unconfirmed)).toEqual(['plannedSessions']);
        expect(unconfirmed.body.errors[0].message).toMatch(/outside the usual 8-10/);
      }
      const confirmed = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { plannedSessions: 12, confirmUnusualSessions: true }));
      expect(confirmed.status).toBe(201);
      expect(confirmed.body.plannedSessions).toBe(12);
      const usual = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { plannedSessions: 8 }));
      expect(usual.status).toBe(201);
      expect(await testApp.prisma.treatmentPlan.count({ where: { patientId: patient.id } })).toBe(2);
    });

    it('refuses input the schema cannot see: a clinic not yours, a clinician not working there', async () => {
      const patient = await newPatient();
      const notMine = await physio.post('/api/plans', planBody(otherClinic.id, patient.id));
      expect(notMine.status).toBe(400);
      expect(paths(notMine)).toEqual(['clinicId']);
      const notThere = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { clinicianId: elsewhere.clinician.id }));
      expect(notThere.status).toBe(400);
      expect(paths(notThere)).toEqual(['clinicianId']);
      const unknownMeasure = await physio.post('/api/plans', { ...planBody(tenant.clinic.id, patient.id), primaryMeasure: 'VAS' });
      expect(paths(unknownMeasure)).toEqual(['primaryMeasure']);
      expect(await testApp.prisma.treatmentPlan.count({ where: { patientId: patient.id } })).toBe(0);
    });

    it('plans for a colleague of the clinic when asked, and needs a clinician from a physiotherapist without a profile', async () => {
      const colleague = await createClinician(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [tenant.clinic.id], name: 'Colleague' });
      const patient = await newPatient();
      const forColleague = await physio.post('/api/plans', planBody(tenant.clinic.id, patient.id, { clinicianId: colleague.clinician.id }));
      expect(forColleague.status).toBe(201);
      expect(forColleague.body.clinician).toEqual({ id: colleague.clinician.id, name: 'Colleague' });

      const noProfile = await createUser(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [tenant.clinic.id], roles: ['physiotherapist'] });
      const agent = await signIn(testApp, noProfile.email);
      const missing = await agent.post('/api/plans', planBody(tenant.clinic.id, patient.id));
      expect(missing.status).toBe(400);
      expect(paths(missing)).toEqual(['clinicianId']);
      expect((await agent.post('/api/plans', planBody(tenant.clinic.id, patient.id, { clinicianId: tenant.clinician.id }))).status).toBe(201);
    });

    it('plans only for patients of the organisation who are still in care', async () => {
      const foreignPatient = await physio.post('/api/plans', planBody(tenant.clinic.id, foreign.patient.id));
      expect(foreignPatient.status).toBe(404);
      const archived = await newPatient();
      await testApp.prisma.patient.update({ where: { id: archived.id }, data: { archivedAt: new Date(), archivedById: tenant.admin.id } });
      const refused = await physio.post('/api/plans', planBody(tenant.clinic.id, archived.id));
      expect(refused.status).toBe(422);
      expect(rules(refused)).toEqual(['patient-archived']);
      const anonymised = await newPatient();
      await testApp.prisma.patient.update({ where: { id: anonymised.id }, data: { anonymisedAt: new Date(), anonymisedById: tenant.admin.id } });
      expect(rules(await physio.post('/api/plans', planBody(tenant.clinic.id, anonymised.id)))).toEqual(['patient-anonymised']);
      expect(await testApp.prisma.treatmentPlan.count({ where: { patientId: { in: [archived.id, anonymised.id] } } })).toBe(0);
    });

    it('replays a retried create with the same Idempotency-Key instead of creating twice', async () => {
      const patient = await newPatient();
      const send = (key: string, body: object) =>
        testApp.http.post('/api/plans').set('Cookie', physio.cookie).set('X-CSRF-Token', physio.csrfToken).set('Idempotency-Key', key).send(body);
      const body = planBody(tenant.clinic.id, patient.id);
      const first = await send('plan-retry-1', body);
      const retry = await send('plan-retry-1', body);
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.body.id).toBe(first.body.id);
      const reused = await send('plan-retry-1', { ...body, primaryMeasure: 'NPRS' });
      expect(reused.status).toBe(422);
      expect(rules(reused)).toEqual(['idempotency-key-reused']);
      expect(await testApp.prisma.treatmentPlan.count({ where: { patientId: patient.id } })).toBe(1);
    });
  });

  describe('read', () => {
    it('lists plans newest first, filtered by patient, clinician and status, a page at a time', async () => {
      const patient = await newPatient();
      const older = await insertPlan(testApp.prisma, { ...parties(patient.id), status: 'completed' });
      const newer = await insertPlan(testApp.prisma, { ...parties(patient.id), status: 'active' });
      const byPatient = await physio.get(`/api/plans?patientId=${patient.id}`);
      expect(byPatient.status).toBe(200);
      expect(byPatient.body.total).toBe(2);
      expect(byPatient.body.items.map((p: { id: string }) => p.id)).toEqual([newer.id, older.id]);
      const active = await physio.get(`/api/plans?patientId=${patient.id}&status=active`);
      expect(active.body.items.map((p: { id: string }) => p.id)).toEqual([newer.id]);
      const paged = await physio.get(`/api/plans?patientId=${patient.id}&page=2&pageSize=1`);
      expect(paged.body).toMatchObject({ total: 2, items: [{ id: older.id }] });
      const otherClinician = await physio.get(`/api/plans?patientId=${patient.id}&clinicianId=${elsewhere.clinician.id}`);
      expect(otherClinician.body).toEqual({ items: [], total: 0 });
      expect((await physio.get('/api/plans?status=paused')).status).toBe(400);
    });

    it('audits every plan read, under its patient', async () => {
      const plan = await newPlan();
      expect((await physio.get(`/api/plans/${plan.id}`)).status).toBe(200);
      expect((await physio.get(`/api/plans?patientId=${plan.patientId}`)).status).toBe(200);
      const reads = await testApp.prisma.auditEvent.count({ where: { action: 'read', entityType: 'plan', entityId: plan.id, patientId: plan.patientId, userId: tenant.physio.id } });
      expect(reads).toBe(2);
    });

    it('answers 404 for a plan of a clinic you do not work in, of another organisation, or an id that is not one', async () => {
      const eastPatient = await createClinicalPatient(testApp.prisma, { organisationId: tenant.organisation.id, homeClinicId: otherClinic.id });
      const eastPlan = await insertPlan(testApp.prisma, { organisationId: tenant.organisation.id, clinicId: otherClinic.id, patientId: eastPatient.id, clinicianId: elsewhere.clinician.id });
      const foreignPlan = await insertPlan(testApp.prisma, { organisationId: foreign.organisation.id, clinicId: foreign.clinic.id, patientId: foreign.patient.id, clinicianId: foreign.clinician.id });
      for (const id of [eastPlan.id, foreignPlan.id, 'not-a-uuid']) {
        expect((await physio.get(`/api/plans/${id}`)).status).toBe(404);
        expect((await physio.patch(`/api/plans/${id}`, { version: 1, goals: 'x' })).status).toBe(404);
        expect((await physio.post(`/api/plans/${id}/activate`, { version: 1 })).status).toBe(404);
      }
      expect((await physio.get(`/api/plans?patientId=${eastPatient.id}`)).body).toEqual({ items: [], total: 0 });
      // Managers look after every clinic of their organisation, never another organisation.
      const manager = await signIn(testApp, tenant.manager.email);
      expect((await manager.get(`/api/plans/${eastPlan.id}`)).status).toBe(200);
      expect((await manager.get(`/api/plans/${foreignPlan.id}`)).status).toBe(404);
    });
  });

  describe('progress', () => {
    it('counts signed visit notes only: never drafts, never appointments without a signed note', async () => {
      const plan = await newPlan({ plannedSessions: 10 });
      await sessions(plan, ['signed', 'draft', 'signed']);
      // An appointment of the plan without a note is not a session either.
      const [note] = await sessions(plan, ['draft']);
      await testApp.prisma.visitNote.delete({ where: { id: note.id } });
      const response = await physio.get(`/api/plans/${plan.id}`);
      expect(response.body).toMatchObject({ plannedSessions: 10, completedSessions: 2, reviewDue: false });
      expect(await testApp.prisma.appointment.count({ where: { planId: plan.id } })).toBe(4);
    });
  });

  describe('edit', () => {
    it('edits at the current version and bumps it; a stale version is refused with 409 and changes nothing', async () => {
      const plan = await newPlan({ status: 'draft' });
      const edited = await physio.patch(`/api/plans/${plan.id}`, { version: 1, goals: 'Sleep through the night', regions: ['back', 'hip_pelvis'], plannedSessions: 9 });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, goals: 'Sleep through the night', regions: ['back', 'hip_pelvis'], plannedSessions: 9 });
      const stale = await physio.patch(`/api/plans/${plan.id}`, { version: 1, goals: 'Lost update' });
      expect(stale.status).toBe(409);
      expect((await testApp.prisma.treatmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).goals).toBe('Sleep through the night');
      const audit = await testApp.prisma.auditEvent.findFirst({ where: { entityType: 'plan', entityId: plan.id, action: 'update' } });
      expect(audit?.detail).toEqual({ fields: ['regions', 'goals', 'plannedSessions'] });
      expect((await physio.patch(`/api/plans/${plan.id}`, { goals: 'No version' })).status).toBe(400);
    });

    it('applies the create rules to an edit: unusual sessions confirmed, "other" described', async () => {
      const plan = await newPlan({ status: 'active' });
      const unconfirmed = await physio.patch(`/api/plans/${plan.id}`, { version: 1, plannedSessions: 14 });
      expect(unconfirmed.status).toBe(400);
      expect(paths(unconfirmed)).toEqual(['plannedSessions']);
      const confirmed = await physio.patch(`/api/plans/${plan.id}`, { version: 1, plannedSessions: 14, confirmUnusualSessions: true });
      expect(confirmed.body).toMatchObject({ version: 2, plannedSessions: 14 });
      expect(paths(await physio.patch(`/api/plans/${plan.id}`, { version: 2, condition: 'other' }))).toEqual(['conditionDetail']);
      const other = await newPlan({ condition: 'other', conditionDetail: 'Heel pain' });
      // Blanking the description of an "other" plan would leave it undescribed.
      const blanked = await physio.patch(`/api/plans/${other.id}`, { version: 1, conditionDetail: '' });
      expect(blanked.status).toBe(400);
      expect(paths(blanked)).toEqual(['conditionDetail']);
    });

    it('never plans fewer sessions than are already signed', async () => {
      const plan = await newPlan({ plannedSessions: 8 });
      await sessions(plan, ['signed', 'signed', 'signed', 'signed', 'signed', 'draft']);
      const below = await physio.patch(`/api/plans/${plan.id}`, { version: 1, plannedSessions: 4, confirmUnusualSessions: true });
      expect(below.status).toBe(400);
      expect(paths(below)).toEqual(['plannedSessions']);
      expect(below.body.errors[0].message).toMatch(/5 session\(s\) already signed/);
      const atCount = await physio.patch(`/api/plans/${plan.id}`, { version: 1, plannedSessions: 5, confirmUnusualSessions: true });
      expect(atCount.status).toBe(200);
      expect(atCount.body).toMatchObject({ plannedSessions: 5, completedSessions: 5 });
    });

    it('does not edit a completed or discontinued plan (422 plan-closed)', async () => {
      for (const status of ['completed', 'discontinued'] as const) {
        const plan = await newPlan({ status });
        const refused = await physio.patch(`/api/plans/${plan.id}`, { version: 1, goals: 'Too late' });
        expect(refused.status).toBe(422);
        expect(rules(refused)).toEqual(['plan-closed']);
      }
    });
  });

  describe('lifecycle', () => {
    it('activates a draft (started today in the clinic’s zone), then completes it (ended today)', async () => {
      const plan = await newPlan({ status: 'draft' });
      const before = clinicToday();
      const active = await physio.post(`/api/plans/${plan.id}/activate`, { version: 1 });
      expect(active.status).toBe(200);
      expect(active.body).toMatchObject({ status: 'active', version: 2, endedOn: null });
      expect([before, clinicToday()]).toContain(active.body.startedOn);
      const completed = await physio.post(`/api/plans/${plan.id}/complete`, { version: 2 });
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'completed', version: 3, startedOn: active.body.startedOn, statusReason: null });
      expect([before, clinicToday()]).toContain(completed.body.endedOn);
      const audits = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'plan', entityId: plan.id, action: { in: ['activate', 'complete'] } }, orderBy: { id: 'asc' } });
      expect(audits.map((a) => [a.action, a.detail])).toEqual([
        ['activate', { from: 'draft', to: 'active' }],
        ['complete', { from: 'active', to: 'completed' }],
      ]);
    });

    it('discontinues with a reason only', async () => {
      const plan = await newPlan({ status: 'active' });
      const noReason = await physio.post(`/api/plans/${plan.id}/discontinue`, { version: 1 });
      expect(noReason.status).toBe(400);
      expect(paths(noReason)).toEqual(['reason']);
      expect(paths(await physio.post(`/api/plans/${plan.id}/discontinue`, { version: 1, reason: '  ' }))).toEqual(['reason']);
      const stopped = await physio.post(`/api/plans/${plan.id}/discontinue`, { version: 1, reason: 'Patient moved to Calgary' });
      expect(stopped.status).toBe(200);
      expect(stopped.body).toMatchObject({ status: 'discontinued', statusReason: 'Patient moved to Calgary', version: 2 });
      expect([clinicToday()]).toContain(stopped.body.endedOn);
      // A draft the patient decided not to start is closed the same way.
      const draft = await newPlan({ status: 'draft' });
      const declined = await physio.post(`/api/plans/${draft.id}/discontinue`, { version: 1, reason: 'Chose not to start' });
      expect(declined.body).toMatchObject({ status: 'discontinued', startedOn: null });
    });

    it.each([
      ['draft', 'complete', 'a plan that is draft cannot be completed: only an active plan can'],
      ['active', 'activate', 'the plan is already active'],
      ['completed', 'activate', 'a plan that is completed cannot be activated: only a draft plan can'],
      ['completed', 'discontinue', 'a plan that is completed cannot be discontinued: only a draft or active plan can'],
      ['discontinued', 'complete', 'a plan that is discontinued cannot be completed: only an active plan can'],
      ['discontinued', 'activate', 'a plan that is discontinued cannot be activated: only a draft plan can'],
    ] as const)('refuses to move a %s plan with %s (422 status-transition)', async (status, action, message) => {
      const plan = await newPlan({ status });
      const refused = await physio.post(`/api/plans/${plan.id}/${action}`, { version: 1, reason: 'For the discontinue route' });
      expect(refused.status).toBe(422);
      expect(refused.body.violations).toEqual([{ rule: 'status-transition', message }]);
      expect(await testApp.prisma.treatmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ status, version: 1 });
    });

    it('refuses a transition at a stale version (409)', async () => {
      const plan = await newPlan({ status: 'draft' });
      await physio.patch(`/api/plans/${plan.id}`, { version: 1, goals: 'Edited first' });
      const stale = await physio.post(`/api/plans/${plan.id}/activate`, { version: 1 });
      expect(stale.status).toBe(409);
      expect((await testApp.prisma.treatmentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe('draft');
    });
  });

  describe('session-4 review', () => {
    it('is refused before the 4th signed session, due from it, recorded once', async () => {
      const plan = await newPlan({ status: 'active' });
      await sessions(plan, ['signed', 'signed', 'signed', 'draft']);
      const early = await physio.post(`/api/plans/${plan.id}/review`, { version: 1, note: 'Too early' });
      expect(early.status).toBe(422);
      expect(early.body.violations).toEqual([{ rule: 'review-not-due', message: 'the review comes at session 4: 3 session(s) signed so far' }]);
      expect((await physio.get(`/api/plans/${plan.id}`)).body).toMatchObject({ completedSessions: 3, reviewDue: false });

      await sessions(plan, ['signed']);
      expect((await physio.get(`/api/plans/${plan.id}`)).body).toMatchObject({ completedSessions: 4, reviewDue: true });
      expect(paths(await physio.post(`/api/plans/${plan.id}/review`, { version: 1 }))).toEqual(['note']);
      const reviewed = await physio.post(`/api/plans/${plan.id}/review`, { version: 1, note: 'NDI down 10 points: continue the course' });
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toMatchObject({
        version: 2,
        reviewDue: false,
        reviewedAt: expect.any(String),
        reviewedBy: { id: tenant.physio.id, name: 'Physio plans' },
        reviewNote: 'NDI down 10 points: continue the course',
      });
      const again = await physio.post(`/api/plans/${plan.id}/review`, { version: 2, note: 'Second thoughts' });
      expect(again.status).toBe(409);
      expect(await testApp.prisma.auditEvent.count({ where: { entityType: 'plan', entityId: plan.id, action: 'review' } })).toBe(1);
    });

    it('is only for active plans', async () => {
      const plan = await newPlan({ status: 'completed' });
      await sessions(plan, ['signed', 'signed', 'signed', 'signed']);
      const refused = await physio.post(`/api/plans/${plan.id}/review`, { version: 1, note: 'After the fact' });
      expect(refused.status).toBe(422);
      expect(rules(refused)).toEqual(['review-not-due']);
      expect((await physio.get(`/api/plans/${plan.id}`)).body.reviewDue).toBe(false);
    });
  });

  describe('roles', () => {
    it('lets the front desk read plans for booking, without the clinician’s free text, and write nothing', async () => {
      const plan = await newPlan({ status: 'discontinued', condition: 'other', conditionDetail: 'Jaw pain' });
      const reception = await signIn(testApp, tenant.receptionist.email);
      const one = await reception.get(`/api/plans/${plan.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ condition: 'other', status: 'discontinued', plannedSessions: 10, conditionDetail: null, goals: null, statusReason: null, reviewNote: null });
      const list = await reception.get(`/api/plans?patientId=${plan.patientId}`);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0].goals).toBeNull();

      const patient = await newPatient();
      expect((await reception.post('/api/plans', planBody(tenant.clinic.id, patient.id))).status).toBe(403);
      const open = await newPlan({ status: 'draft' });
      expect((await reception.patch(`/api/plans/${open.id}`, { version: 1, goals: 'x' })).status).toBe(403);
      expect((await reception.post(`/api/plans/${open.id}/activate`, { version: 1 })).status).toBe(403);
      expect((await testApp.prisma.treatmentPlan.findUniqueOrThrow({ where: { id: open.id } })).version).toBe(1);
    });

    it.each(['manager', 'admin'] as const)('lets the %s read the whole plan but not write', async (role) => {
      const plan = await newPlan({ status: 'active' });
      const agent = await signIn(testApp, tenant[role].email);
      const one = await agent.get(`/api/plans/${plan.id}`);
      expect(one.status).toBe(200);
      expect(one.body.goals).toBe('Sit through a work meeting without pain');
      const patient = await newPatient();
      expect((await agent.post('/api/plans', planBody(tenant.clinic.id, patient.id, { clinicianId: tenant.clinician.id }))).status).toBe(403);
      expect((await agent.patch(`/api/plans/${plan.id}`, { version: 1, goals: 'x' })).status).toBe(403);
      expect((await agent.post(`/api/plans/${plan.id}/complete`, { version: 1 })).status).toBe(403);
      expect((await agent.post(`/api/plans/${plan.id}/discontinue`, { version: 1, reason: 'x' })).status).toBe(403);
      expect((await agent.post(`/api/plans/${plan.id}/review`, { version: 1, note: 'x' })).status).toBe(403);
    });

    it('needs a session', async () => {
      expect((await testApp.http.get('/api/plans')).status).toBe(401);
    });
  });
});
