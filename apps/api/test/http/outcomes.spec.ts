import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinic } from '../support/clinician-factories';
import { createClinicalPatient, createClinicalTenant } from '../support/clinical-factories';
import { insertPlan, insertSignedVisits, ndiAnswers, outcomeBody } from '../support/outcome-factories';

type Problem = { type?: string; detail?: string; errors?: Array<{ path: string; message: string }>; conflicts?: Array<{ id?: string }>; violations?: Array<{ rule: string }> };

describe('outcome measures: recording', () => {
  let testApp: TestApp;
  let tenant: Awaited<ReturnType<typeof createClinicalTenant>>;
  let foreign: Awaited<ReturnType<typeof createClinicalTenant>>;
  let physio: SignedInAgent;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createClinicalTenant(testApp.prisma, 'outcomes');
    foreign = await createClinicalTenant(testApp.prisma, 'outcomes-foreign');
    physio = await signIn(testApp, tenant.physio.email);
  });
  afterAll(() => testApp.close());

  /** A fresh patient and active NDI plan (10 sessions) in the tenant's clinic, with `signed` sessions signed. */
  const newPlan = async (options: { signed?: number; primaryMeasure?: 'NDI' | 'PSFS' | 'GROC'; clinicId?: string } = {}) => {
    const clinicId = options.clinicId ?? tenant.clinic.id;
    const patient = await createClinicalPatient(testApp.prisma, { organisationId: tenant.organisation.id, homeClinicId: clinicId });
    const plan = await insertPlan(testApp.prisma, { organisationId: tenant.organisation.id, clinicId, patientId: patient.id, clinicianId: tenant.clinician.id, primaryMeasure: options.primaryMeasure });
    if (options.signed) await insertSignedVisits(testApp.prisma, { plan, signedById: tenant.physio.id, sessions: options.signed });
    return plan;
  };
  const post = (body: object) => physio.post('/api/outcomes', body);
  const errorsOf = (response: { body: Problem }) => response.body.errors ?? [];
  const paths = (response: { body: Problem }) => errorsOf(response).map((error) => error.path);

  describe('GET /api/outcome-measures', () => {
    it('serves every instrument with its items, allowed values, direction, scoring rules and cited MCID', async () => {
      const response = await physio.get('/api/outcome-measures');
      expect(response.status).toBe(200);
      const items = response.body.items as Array<Record<string, any>>;
      expect(items.map((item) => item.id)).toEqual(['NPRS', 'PSFS', 'ODI', 'NDI', 'QUICKDASH', 'PRTEE', 'SPADI', 'FIQR', 'HIT6', 'LEFS', 'GROC']);
      const ndi = items.find((item) => item.id === 'NDI')!;
      expect(ndi).toMatchObject({ direction: 'lower-is-better', scoreRange: { min: 0, max: 50 }, unit: 'points', hasBaseline: true, mcid: { value: 7.5, kind: 'points', citation: 'Young 2009, Spine J 9:802' } });
      expect(ndi.items).toHaveLength(10);
      expect(ndi.items[0].values).toMatchObject({ kind: 'range', min: 0, max: 5 });
      expect(ndi.scoringRule).toEqual(expect.any(String));
      expect(ndi.missingRule).toEqual(expect.any(String));
      expect(items.find((item) => item.id === 'HIT6')!.items[0].values.choices.map((choice: { value: number }) => choice.value)).toEqual([6, 8, 10, 11, 13]);
      expect(items.find((item) => item.id === 'PSFS')!.activities).toMatchObject({ min: 3, max: 5, values: { min: 0, max: 10 } });
      expect(items.find((item) => item.id === 'GROC')!).toMatchObject({ hasBaseline: false, direction: 'higher-is-better' });
      expect(items.find((item) => item.id === 'PRTEE')!.subscales.map((s: { key: string }) => s.key)).toEqual(['pain', 'function']);
    });

    it('is for the clinical side: managers read it, the front desk and admins do not', async () => {
      expect((await (await signIn(testApp, tenant.manager.email)).get('/api/outcome-measures')).status).toBe(200);
      expect((await (await signIn(testApp, tenant.receptionist.email)).get('/api/outcome-measures')).status).toBe(403);
      expect((await (await signIn(testApp, tenant.admin.email)).get('/api/outcome-measures')).status).toBe(403);
    });
  });

  describe('POST /api/outcomes', () => {
    it('stores a baseline with its score, audited, and answers with the record and its MCID', async () => {
      const plan = await newPlan();
      const response = await post(outcomeBody(plan.id, { answers: ndiAnswers(30), daysAgo: 2 }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        planId: plan.id,
        patientId: plan.patientId,
        measure: 'NDI',
        timepoint: 'baseline',
        sessionNumber: null,
        atSession: null,
        answers: ndiAnswers(30),
        score: 30,
        subscores: null,
        recordedBy: { id: tenant.physio.id, name: 'Physio outcomes' },
        changeFromBaseline: null,
        responder: null,
        mcid: { value: 7.5, kind: 'points', citation: 'Young 2009, Spine J 9:802' },
      });
      const row = await testApp.prisma.outcomeRecord.findUniqueOrThrow({ where: { id: response.body.id } });
      expect(row.score.toNumber()).toBe(30);
      const audit = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'outcome-record', entityId: response.body.id } });
      expect(audit).toEqual([expect.objectContaining({ action: 'create', userId: tenant.physio.id, patientId: plan.patientId, clinicId: plan.clinicId })]);
    });

    it('judges a later record against the baseline: change, MCID reached, responder', async () => {
      const plan = await newPlan({ signed: 4 });
      expect((await post(outcomeBody(plan.id, { answers: ndiAnswers(30), daysAgo: 40 }))).status).toBe(201);
      const later = await post(outcomeBody(plan.id, { timepoint: 'session', sessionNumber: 4, answers: ndiAnswers(20) }));
      expect(later.status).toBe(201);
      expect(later.body).toMatchObject({ score: 20, sessionNumber: 4, atSession: 4, changeFromBaseline: { absolute: -10, percent: -33.3, improved: true, mcidReached: true }, responder: true });
    });

    it('stores subscores where the instrument has them', async () => {
      const plan = await newPlan();
      const prtee = Array.from({ length: 15 }, () => 4);
      const response = await post(outcomeBody(plan.id, { measure: 'PRTEE', answers: prtee }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ score: 40, subscores: { pain: 20, function: 20 } });
    });

    it('refuses an answer outside its item with the item’s index in the path and its name in the message', async () => {
      const plan = await newPlan();
      const answers = ndiAnswers(30);
      answers[3] = 6;
      const response = await post(outcomeBody(plan.id, { answers }));
      expect(response.status).toBe(400);
      expect(response.body.type).toMatch(/\/validation$/);
      expect(errorsOf(response)).toEqual([{ path: 'answers.3', message: expect.stringMatching(/^Item 4 \(.+\) must be 0 to 5$/) }]);

      const hit6 = await post(outcomeBody(plan.id, { measure: 'HIT6', answers: [6, 8, 7, 10, 11, 13] }));
      expect(hit6.status).toBe(400);
      expect(errorsOf(hit6)).toEqual([{ path: 'answers.2', message: expect.stringMatching(/^Item 3 \(.+\) must be 6, 8, 10, 11 or 13$/) }]);

      const tooFew = await post(outcomeBody(plan.id, { answers: [1, 2, 3] }));
      expect(tooFew.status).toBe(400);
      expect(paths(tooFew)).toEqual(['answers']);
      expect(errorsOf(tooFew)[0].message).toMatch(/NDI has 10 items/);
      expect(await testApp.prisma.outcomeRecord.count({ where: { planId: plan.id } })).toBe(0);
    });

    it('refuses a QuickDASH with 9 of 11 items answered, naming the rule', async () => {
      const plan = await newPlan();
      const answers = [2, 3, null, 2, 2, null, 3, 3, 2, 1, 2];
      const response = await post(outcomeBody(plan.id, { measure: 'QUICKDASH', answers }));
      expect(response.status).toBe(400);
      expect(response.body.type).toMatch(/\/validation$/);
      expect(errorsOf(response)).toEqual([{ path: 'answers', message: 'QuickDASH needs at least 10 of 11 items answered; 9 were' }]);
      expect(response.body.detail).toMatch(/QuickDASH needs at least 10 of 11 items answered/);
      // One more answer and it scores: ((sum / 10) − 1) × 25 with sum 22 → 30.
      const scoreable = await post(outcomeBody(plan.id, { measure: 'QUICKDASH', answers: [2, 3, null, 2, 2, 2, 3, 3, 2, 1, 2] }));
      expect(scoreable.status).toBe(201);
      expect(scoreable.body.score).toBe(30);
    });

    it('refuses GROC at baseline: its score is itself the change; at a session it is judged on its own', async () => {
      const plan = await newPlan({ signed: 2 });
      const baseline = await post(outcomeBody(plan.id, { measure: 'GROC', answers: [4] }));
      expect(baseline.status).toBe(400);
      expect(paths(baseline)).toEqual(['timepoint']);
      expect(errorsOf(baseline)[0].message).toMatch(/GROC has no baseline/);
      const session = await post(outcomeBody(plan.id, { measure: 'GROC', timepoint: 'session', sessionNumber: 2, answers: [4] }));
      expect(session.status).toBe(201);
      expect(session.body).toMatchObject({ changeFromBaseline: { absolute: 4, percent: null, improved: true, mcidReached: true }, responder: true });
    });

    it('refuses a second baseline of the same measure on a plan (409), not of another measure', async () => {
      const plan = await newPlan();
      const first = await post(outcomeBody(plan.id, { daysAgo: 3 }));
      expect(first.status).toBe(201);
      const second = await post(outcomeBody(plan.id, { answers: ndiAnswers(25) }));
      expect(second.status).toBe(409);
      expect((second.body as Problem).conflicts).toEqual([expect.objectContaining({ id: first.body.id })]);
      expect((await post(outcomeBody(plan.id, { measure: 'NPRS', answers: [6] }))).status).toBe(201);
      expect(await testApp.prisma.outcomeRecord.count({ where: { planId: plan.id, timepoint: 'baseline' } })).toBe(2);
    });

    it('keeps the PSFS activities of baseline: same names in the same order', async () => {
      const plan = await newPlan({ primaryMeasure: 'PSFS', signed: 3 });
      const activities = ['Reversing the car', 'Lifting my toddler', 'Sleeping on my side'];
      const psfs = (names: string[], values: number[]) => names.map((activity, index) => ({ activity, value: values[index] ?? 5 }));
      expect((await post(outcomeBody(plan.id, { measure: 'PSFS', answers: psfs(activities, [3, 2, 4]), daysAgo: 30 }))).status).toBe(201);

      const renamed = await post(outcomeBody(plan.id, { measure: 'PSFS', timepoint: 'session', sessionNumber: 3, answers: psfs(['Reversing the car', 'Gardening', 'Sleeping on my side'], [6, 6, 6]) }));
      expect(renamed.status).toBe(400);
      expect(errorsOf(renamed)).toEqual([{ path: 'answers.1.activity', message: expect.stringContaining('"Lifting my toddler"') }]);

      const reordered = await post(outcomeBody(plan.id, { measure: 'PSFS', timepoint: 'session', sessionNumber: 3, answers: psfs([activities[1], activities[0], activities[2]], [6, 6, 6]) }));
      expect(reordered.status).toBe(400);
      expect(paths(reordered)).toEqual(['answers.0.activity', 'answers.1.activity']);

      const extra = await post(outcomeBody(plan.id, { measure: 'PSFS', timepoint: 'session', sessionNumber: 3, answers: psfs([...activities, 'Running'], [6, 6, 6, 6]) }));
      expect(extra.status).toBe(400);
      expect(paths(extra)).toEqual(['answers']);

      // Surrounding spaces are not a different activity.
      const kept = await post(outcomeBody(plan.id, { measure: 'PSFS', timepoint: 'session', sessionNumber: 3, answers: psfs([` ${activities[0]} `, activities[1], activities[2]], [6, 5, 7]) }));
      expect(kept.status).toBe(201);
      expect(kept.body).toMatchObject({ score: 6, changeFromBaseline: { absolute: 3, improved: true, mcidReached: true }, responder: true });
      expect(kept.body.answers[0]).toEqual({ activity: activities[0], value: 6 });
    });

    it('refuses an unrated PSFS activity as not scoreable', async () => {
      const plan = await newPlan({ primaryMeasure: 'PSFS' });
      const response = await post(outcomeBody(plan.id, { measure: 'PSFS', answers: [{ activity: 'Walking', value: 4 }, { activity: 'Typing', value: null }, { activity: 'Driving', value: 2 }] }));
      expect(response.status).toBe(400);
      expect(errorsOf(response)).toEqual([{ path: 'answers', message: 'PSFS needs all 3 listed activities answered; 2 were' }]);
    });

    it('needs a session number for a session, at most the next session of the plan', async () => {
      const plan = await newPlan({ signed: 2 });
      const missing = await post(outcomeBody(plan.id, { timepoint: 'session', answers: ndiAnswers(20) }));
      expect(missing.status).toBe(400);
      expect(paths(missing)).toEqual(['sessionNumber']);
      const tooLate = await post(outcomeBody(plan.id, { timepoint: 'session', sessionNumber: 4, answers: ndiAnswers(20) }));
      expect(tooLate.status).toBe(400);
      expect(errorsOf(tooLate)).toEqual([{ path: 'sessionNumber', message: 'cannot be later than the next session: 2 sessions are signed, so at most 3' }]);
      const zero = await post(outcomeBody(plan.id, { timepoint: 'session', sessionNumber: 0, answers: ndiAnswers(20) }));
      expect(zero.status).toBe(400);
      expect(paths(zero)).toEqual(['sessionNumber']);
      const next = await post(outcomeBody(plan.id, { timepoint: 'session', sessionNumber: 3, answers: ndiAnswers(20) }));
      expect(next.status).toBe(201);
      // No baseline yet: nothing to judge the change against.
      expect(next.body).toMatchObject({ sessionNumber: 3, changeFromBaseline: null, responder: null });
    });

    it('refuses a measurement taken in the future, and a takenAt without an offset', async () => {
      const plan = await newPlan();
      const future = await post(outcomeBody(plan.id, { takenAt: new Date(Date.now() + 3_600_000).toISOString() }));
      expect(future.status).toBe(400);
      expect(errorsOf(future)).toEqual([{ path: 'takenAt', message: 'cannot be in the future' }]);
      const local = await post(outcomeBody(plan.id, { takenAt: '2026-01-05T10:00:00' }));
      expect(local.status).toBe(400);
      expect(paths(local)).toEqual(['takenAt']);
    });

    it('is for physiotherapists: the front desk, managers and admins get 403 and nothing is stored', async () => {
      const plan = await newPlan();
      for (const role of ['receptionist', 'manager', 'admin'] as const) {
        const agent = await signIn(testApp, tenant[role].email);
        expect((await agent.post('/api/outcomes', outcomeBody(plan.id))).status).toBe(403);
      }
      expect(await testApp.prisma.outcomeRecord.count({ where: { planId: plan.id } })).toBe(0);
    });

    it('answers 404 for a plan of another clinic, of another organisation, or none', async () => {
      const otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id });
      const elsewhere = await newPlan({ clinicId: otherClinic.id });
      const foreignPlan = await insertPlan(testApp.prisma, {
        organisationId: foreign.organisation.id,
        clinicId: foreign.clinic.id,
        patientId: foreign.patient.id,
        clinicianId: foreign.clinician.id,
      });
      for (const planId of [elsewhere.id, foreignPlan.id, randomUUID()]) {
        const response = await post(outcomeBody(planId));
        expect(response.status).toBe(404);
      }
      expect(await testApp.prisma.outcomeRecord.count({ where: { planId: { in: [elsewhere.id, foreignPlan.id] } } })).toBe(0);
      expect((await post(outcomeBody('not-a-uuid'))).status).toBe(400);
    });

    it('refuses new outcomes for an archived patient (422)', async () => {
      const plan = await newPlan();
      await testApp.prisma.patient.update({ where: { id: plan.patientId }, data: { archivedAt: new Date() } });
      const response = await post(outcomeBody(plan.id));
      expect(response.status).toBe(422);
      expect((response.body as Problem).violations?.map((v) => v.rule)).toEqual(['patient-archived']);
    });

    it('replays a retried recording with the same Idempotency-Key instead of storing it twice', async () => {
      const plan = await newPlan();
      const send = (key: string, body: object) =>
        testApp.http.post('/api/outcomes').set('Cookie', physio.cookie).set('X-CSRF-Token', physio.csrfToken).set('Idempotency-Key', key).send(body);
      const body = outcomeBody(plan.id);
      const first = await send(`outcome-${plan.id}`, body);
      const retry = await send(`outcome-${plan.id}`, body);
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.body).toEqual(first.body);
      const reused = await send(`outcome-${plan.id}`, { ...body, answers: ndiAnswers(12) });
      expect(reused.status).toBe(422);
      expect(await testApp.prisma.outcomeRecord.count({ where: { planId: plan.id } })).toBe(1);
    });
  });
});
