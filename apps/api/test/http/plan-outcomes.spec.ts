import { randomUUID } from 'node:crypto';
import type { OutcomeMeasure, PlanStatus } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinic } from '../support/clinician-factories';
import { createClinicalPatient, createClinicalTenant } from '../support/clinical-factories';
import { createAppointmentType } from '../support/appointment-factories';
import { OutcomesService } from '../../src/outcomes/outcomes.service';
import { insertDraftVisit, insertPlan, insertSignedVisits, ndiAnswers, outcomeBody } from '../support/outcome-factories';

type Due = { measure: string; timepoint: string; sessionNumber: number | null; reason: string };

describe('outcome analysis of a plan', () => {
  let testApp: TestApp;
  let tenant: Awaited<ReturnType<typeof createClinicalTenant>>;
  let foreign: Awaited<ReturnType<typeof createClinicalTenant>>;
  let physio: SignedInAgent;

  beforeAll(async () => {
    testApp = await startTestApp();
    tenant = await createClinicalTenant(testApp.prisma, 'plan-outcomes');
    foreign = await createClinicalTenant(testApp.prisma, 'plan-outcomes-foreign');
    physio = await signIn(testApp, tenant.physio.email);
  });
  afterAll(() => testApp.close());

  const newPlan = async (options: { signed?: number; primaryMeasure?: OutcomeMeasure; plannedSessions?: number; status?: PlanStatus; clinicId?: string; pain?: Array<[number | null, number | null]> } = {}) => {
    const { signed, pain, clinicId = tenant.clinic.id, ...planFields } = options;
    const patient = await createClinicalPatient(testApp.prisma, { organisationId: tenant.organisation.id, homeClinicId: clinicId });
    const plan = await insertPlan(testApp.prisma, { organisationId: tenant.organisation.id, clinicId, patientId: patient.id, clinicianId: tenant.clinician.id, ...planFields });
    if (signed) await insertSignedVisits(testApp.prisma, { plan, signedById: tenant.physio.id, sessions: signed, pain });
    return plan;
  };
  const record = async (body: ReturnType<typeof outcomeBody>) => {
    const response = await physio.post('/api/outcomes', body);
    expect(response.status).toBe(201);
    return response.body as { id: string };
  };
  const outcomesOf = (planId: string, agent = physio) => agent.get(`/api/plans/${planId}/outcomes`);
  const dueOf = async (planId: string) => ((await outcomesOf(planId)).body.due as Due[]).map((due) => `${due.timepoint} ${due.measure}`);

  it('NDI 30 at baseline, 20 at session 4: change -10 (-33.3%), MCID reached, a responder, not flagged', async () => {
    // Sessions 1-4 about 22, 15, 8 and 1 days ago.
    const plan = await newPlan({ signed: 4 });
    const baseline = await record(outcomeBody(plan.id, { answers: ndiAnswers(30), daysAgo: 30 }));
    const session4 = await record(outcomeBody(plan.id, { timepoint: 'session', sessionNumber: 4, answers: ndiAnswers(20), daysAgo: 1 }));
    // Taken 9 days ago without a session number: it counts for the sessions signed by then (2).
    const nprs = await record(outcomeBody(plan.id, { measure: 'NPRS', timepoint: 'adhoc', answers: [5], daysAgo: 9 }));

    const response = await outcomesOf(plan.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ planId: plan.id, primaryMeasure: 'NDI', signedSessions: 4, plannedSessions: 10, due: [] });
    const [ndi, secondary] = response.body.measures;
    expect(ndi).toMatchObject({
      measure: 'NDI',
      name: 'NDI',
      primary: true,
      direction: 'lower-is-better',
      scoreRange: { min: 0, max: 50 },
      mcid: { value: 7.5, kind: 'points', citation: 'Young 2009, Spine J 9:802' },
      mcidTarget: 22.5,
      baseline: { id: baseline.id, score: 30, changeFromBaseline: null },
      latest: { id: session4.id, score: 20, atSession: 4 },
      responder: true,
    });
    expect(ndi.records.map((r: { id: string; score: number }) => [r.id, r.score])).toEqual([[baseline.id, 30], [session4.id, 20]]);
    expect(ndi.records[1].changeFromBaseline).toEqual({ absolute: -10, percent: -33.3, improved: true, mcidReached: true });
    expect(secondary).toMatchObject({ measure: 'NPRS', primary: false, baseline: null, mcidTarget: null, responder: null, latest: { id: nprs.id, atSession: 2, changeFromBaseline: null } });
    expect(response.body.review).toEqual({ flagged: false, reason: 'NDI reached its MCID of 7.5 points by session 4 (change -10 (-33.3%))' });

    const audit = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'outcome-record', action: 'read', patientId: plan.patientId } });
    expect(audit).toEqual([expect.objectContaining({ userId: tenant.physio.id, clinicId: plan.clinicId, detail: { planId: plan.id } })]);
  });

  it('flags a non-responder for review at session 4', async () => {
    const plan = await newPlan({ signed: 4 });
    await record(outcomeBody(plan.id, { answers: ndiAnswers(30), daysAgo: 30 }));
    await record(outcomeBody(plan.id, { timepoint: 'session', sessionNumber: 4, answers: ndiAnswers(26), daysAgo: 1 }));
    const response = await outcomesOf(plan.id);
    expect(response.body.review).toEqual({ flagged: true, reason: 'NDI has not reached its MCID of 7.5 points by session 4 (change -4 (-13.3%))' });
    expect(response.body.measures[0]).toMatchObject({ responder: false, latest: { changeFromBaseline: { absolute: -4, improved: true, mcidReached: false } } });
  });

  it('flags a plan past session 4 whose primary measure was not taken again, and lists the reassessment as due', async () => {
    const plan = await newPlan({ signed: 5 });
    await record(outcomeBody(plan.id, { answers: ndiAnswers(30), daysAgo: 40 }));
    const response = await outcomesOf(plan.id);
    expect(response.body.review).toEqual({ flagged: true, reason: 'No NDI recorded at session 4 or later (5 sessions signed)' });
    expect(response.body.due).toEqual([{ measure: 'NDI', timepoint: 'session', sessionNumber: 4, reason: 'NDI reassessment due at session 4: 5 sessions signed and none recorded since' }]);
  });

  it('does not review before session 4, nor judge GROC against anything but its own +3', async () => {
    const early = await newPlan({ signed: 3 });
    expect((await outcomesOf(early.id)).body.review).toEqual({ flagged: false, reason: null });

    const groc = await newPlan({ signed: 4, primaryMeasure: 'GROC' });
    await record(outcomeBody(groc.id, { measure: 'GROC', timepoint: 'session', sessionNumber: 4, answers: [2] }));
    const response = await outcomesOf(groc.id);
    expect(response.body.measures[0]).toMatchObject({ measure: 'GROC', baseline: null, mcidTarget: 3, responder: false });
    expect(response.body.review).toMatchObject({ flagged: true, reason: 'GROC has not reached its MCID of +3 by session 4 (rated +2)' });
  });

  it('lists what is due: the baseline first, session 4 from session 3, discharge when the course is done', async () => {
    const fresh = await newPlan();
    const [baselineDue] = (await outcomesOf(fresh.id)).body.due as Due[];
    expect(baselineDue).toEqual({ measure: 'NDI', timepoint: 'baseline', sessionNumber: 1, reason: 'Baseline NDI expected by the first treatment visit' });

    const third = await newPlan({ signed: 3 });
    await record(outcomeBody(third.id, { answers: ndiAnswers(30), daysAgo: 30 }));
    expect(await dueOf(third.id)).toEqual(['session NDI']);
    // Taken at session 4 before its note is signed: session 4 is the next one, so it may be named.
    await record(outcomeBody(third.id, { timepoint: 'session', sessionNumber: 4, answers: ndiAnswers(22) }));
    expect(await dueOf(third.id)).toEqual([]);

    const finished = await newPlan({ signed: 8, plannedSessions: 8 });
    await record(outcomeBody(finished.id, { answers: ndiAnswers(30), daysAgo: 60 }));
    await record(outcomeBody(finished.id, { timepoint: 'session', sessionNumber: 4, answers: ndiAnswers(22), daysAgo: 22 }));
    expect(await dueOf(finished.id)).toEqual(['discharge NDI']);
    await record(outcomeBody(finished.id, { timepoint: 'discharge', answers: ndiAnswers(12) }));
    expect(await dueOf(finished.id)).toEqual([]);

    const completed = await newPlan({ signed: 6, status: 'completed' });
    expect(await dueOf(completed.id)).toEqual(['discharge NDI']);
    const discontinued = await newPlan({ signed: 2, status: 'discontinued' });
    expect(await dueOf(discontinued.id)).toEqual([]);
  });

  it('gives lists such as the clinician’s day the same due list per plan (OutcomesService.dueForPlans)', async () => {
    const fresh = await newPlan();
    const third = await newPlan({ signed: 3 });
    await record(outcomeBody(third.id, { answers: ndiAnswers(30), daysAgo: 30 }));
    const covered = await newPlan({ signed: 4 });
    await record(outcomeBody(covered.id, { answers: ndiAnswers(30), daysAgo: 30 }));
    // Taken at session 4 without a session number: it counts for the sessions signed by the end of that day.
    const session4 = await testApp.prisma.visitNote.findFirstOrThrow({ where: { planId: covered.id, sessionNumber: 4 } });
    await record(outcomeBody(covered.id, { timepoint: 'adhoc', answers: ndiAnswers(18), takenAt: session4.visitedAt.toISOString() }));

    const due = await testApp.app.get(OutcomesService).dueForPlans([fresh.id, third.id, covered.id, randomUUID()]);
    expect([...due.keys()].sort()).toEqual([fresh.id, third.id, covered.id].sort());
    expect(due.get(fresh.id)!.map((item) => `${item.timepoint} ${item.measure}`)).toEqual(['baseline NDI']);
    expect(due.get(third.id)).toEqual((await outcomesOf(third.id)).body.due);
    expect(due.get(third.id)!.map((item) => `${item.timepoint} ${item.measure}`)).toEqual(['session NDI']);
    expect(due.get(covered.id)).toEqual([]);
  });

  it('summarises NPRS before and after each signed visit, leaving drafts out', async () => {
    const plan = await newPlan({ signed: 3, pain: [[7, 4], [6, 3], [5, null]] });
    const type = await createAppointmentType(testApp.prisma, { organisationId: plan.organisationId, clinicId: plan.clinicId });
    await insertDraftVisit(testApp.prisma, { plan, createdById: tenant.physio.id, appointmentTypeId: type.id, visitedAt: new Date(Date.now() - 3_600_000), pain: [9, 0] });
    const signed = await testApp.prisma.visitNote.findMany({ where: { planId: plan.id, status: 'signed' }, orderBy: { sessionNumber: 'asc' } });

    const response = await outcomesOf(plan.id);
    expect(response.body.signedSessions).toBe(3);
    expect(response.body.nprsByVisit).toEqual({
      visits: [
        { visitId: signed[0].id, sessionNumber: 1, visitedAt: signed[0].visitedAt.toISOString(), painBefore: 7, painAfter: 4, drop: 3 },
        { visitId: signed[1].id, sessionNumber: 2, visitedAt: signed[1].visitedAt.toISOString(), painBefore: 6, painAfter: 3, drop: 3 },
        { visitId: signed[2].id, sessionNumber: 3, visitedAt: signed[2].visitedAt.toISOString(), painBefore: 5, painAfter: null, drop: null },
      ],
      summary: { visitsRated: 2, meanBefore: 6.5, meanAfter: 3.5, meanDrop: 3 },
    });
  });

  it('is read by physiotherapists and managers of the plan’s clinic; the front desk and admins get 403', async () => {
    const plan = await newPlan();
    expect((await outcomesOf(plan.id, await signIn(testApp, tenant.manager.email))).status).toBe(200);
    expect((await outcomesOf(plan.id, await signIn(testApp, tenant.receptionist.email))).status).toBe(403);
    expect((await outcomesOf(plan.id, await signIn(testApp, tenant.admin.email))).status).toBe(403);
  });

  it('answers 404 for a plan of another clinic or organisation, an unknown id or a malformed one', async () => {
    const otherClinic = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id });
    const elsewhere = await newPlan({ clinicId: otherClinic.id });
    const foreignPhysio = await signIn(testApp, foreign.physio.email);
    const mine = await newPlan();
    expect((await outcomesOf(elsewhere.id)).status).toBe(404);
    expect((await outcomesOf(mine.id, foreignPhysio)).status).toBe(404);
    expect((await outcomesOf(randomUUID())).status).toBe(404);
    expect((await outcomesOf('not-a-plan')).status).toBe(404);
    expect(await testApp.prisma.auditEvent.count({ where: { entityType: 'outcome-record', action: 'read', patientId: { in: [elsewhere.patientId, mine.patientId] } } })).toBe(0);
  });
});
