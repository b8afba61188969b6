import { isResponder, OUTCOME_INSTRUMENTS, type OutcomeMeasure } from '@ims/contracts';
import { Prisma } from '@ims/prisma';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createReportWorld, outcomeRecord, reportClinician, reportPatient, reportPlan, signedSession, type ReportWorld } from '../support/report-factories';
import { MCID_RULES_CTE, responderSql } from '../../src/reports/mcid-rules';

/**
 * Outcomes by condition and primary measure for March 2025 (America/Vancouver), each figure worked out by hand.
 * MCIDs: NDI 7.5 points (lower is better); NPRS 2 points or 30%; PSFS 2 points (higher is better); GROC +3, no baseline.
 */
describe('GET /api/reports/outcomes', () => {
  let testApp: TestApp;
  let world: ReportWorld;
  let manager: SignedInAgent;
  const plans: Record<string, string> = {};
  const RANGE = 'from=2025-03-01&to=2025-03-31';

  beforeAll(async () => {
    testApp = await startTestApp();
    const { prisma } = testApp;
    world = await createReportWorld(prisma);
    const clinician = await reportClinician(prisma, world, { name: 'Avery Adams', clinics: [world.clinic] });
    const by = clinician.userId;
    const planFor = async (key: string, lastName: string, options: Omit<Parameters<typeof reportPlan>[2], 'patientId' | 'clinicianId'>) => {
      const patient = await reportPatient(prisma, world, 'Pat', lastName);
      const plan = await reportPlan(prisma, world, { patientId: patient.id, clinicianId: clinician.id, startedOn: '2025-01-15', ...options });
      plans[key] = plan.id;
      return plan;
    };
    const record = (plan: { id: string; patientId: string }, options: Omit<Parameters<typeof outcomeRecord>[3], 'recordedById'>) =>
      outcomeRecord(prisma, world, plan, { ...options, recordedById: by });

    // Neck pain, NDI.
    const o1 = await planFor('o1', 'A-one', { condition: 'neck_pain', measure: 'NDI', status: 'active' });
    await record(o1, { measure: 'NDI', timepoint: 'baseline', score: 30, at: '2025-01-15T10:00' });
    await record(o1, { measure: 'NDI', timepoint: 'session', sessionNumber: 4, score: 20, at: '2025-02-12T10:00' }); // −10: responder
    await record(o1, { measure: 'NDI', timepoint: 'discharge', score: 10, at: '2025-03-20T10:00' }); // −20: responder
    const o2 = await planFor('o2', 'B-two', { condition: 'neck_pain', measure: 'NDI', status: 'active' });
    await record(o2, { measure: 'NDI', timepoint: 'baseline', score: 24, at: '2025-01-15T10:00' });
    await record(o2, { measure: 'NDI', timepoint: 'session', sessionNumber: 4, score: 18, at: '2025-02-12T10:00' }); // −6 < 7.5: not
    const o3 = await planFor('o3', 'C-three', { condition: 'neck_pain', measure: 'NDI', status: 'active' });
    await record(o3, { measure: 'NDI', timepoint: 'session', sessionNumber: 4, score: 10, at: '2025-02-12T10:00' }); // no baseline: not judged
    const o4 = await planFor('o4', 'D-four', { condition: 'neck_pain', measure: 'NDI', status: 'completed', endedOn: '2025-03-25' });
    await record(o4, { measure: 'NDI', timepoint: 'baseline', score: 20, at: '2025-01-15T10:00' });
    // Session 4 was missed: the first record at 4 or later (session 5) stands for it, not the later session 6.
    await record(o4, { measure: 'NDI', timepoint: 'session', sessionNumber: 5, score: 12, at: '2025-02-19T10:00' }); // −8: responder
    await record(o4, { measure: 'NDI', timepoint: 'session', sessionNumber: 6, score: 25, at: '2025-02-26T10:00' });
    await record(o4, { measure: 'NDI', timepoint: 'discharge', score: 15, at: '2025-03-10T10:00' });
    await record(o4, { measure: 'NDI', timepoint: 'discharge', score: 11.5, at: '2025-03-24T10:00' }); // the latest: −8.5, responder
    await record(o4, { measure: 'NPRS', timepoint: 'baseline', score: 9, at: '2025-01-15T10:00' }); // not the primary measure
    await record(o4, { measure: 'NPRS', timepoint: 'discharge', score: 0, at: '2025-03-24T10:00' });

    // Back pain, NPRS.
    const o5 = await planFor('o5', 'E-five', { condition: 'back_pain', measure: 'NPRS', status: 'active' });
    await record(o5, { measure: 'NPRS', timepoint: 'baseline', score: 3, at: '2025-01-15T10:00' });
    await record(o5, { measure: 'NPRS', timepoint: 'session', sessionNumber: 4, score: 2.1, at: '2025-02-12T10:00' }); // −0.9 = exactly 30%: responder
    await record(o5, { measure: 'NPRS', timepoint: 'discharge', score: 1, at: '2025-03-12T10:00' }); // −2 points: responder
    const o6 = await planFor('o6', 'F-six', { condition: 'back_pain', measure: 'NPRS', status: 'active' });
    await record(o6, { measure: 'NPRS', timepoint: 'baseline', score: 8, at: '2025-02-03T09:00' });
    for (const [index, day] of ['2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24'].entries()) {
      await signedSession(prisma, world, { id: o6.id, patientId: o6.patientId, clinicianId: clinician.id }, { at: `${day}T11:00`, sessionNumber: index + 1, signedByUserId: by });
    }
    // Ad hoc records without a session number count for the sessions signed by the end of their day: 3 on 02-17 (not
    // session 4, though it would be a responder), 4 on 02-24.
    await record(o6, { measure: 'NPRS', timepoint: 'adhoc', score: 2, at: '2025-02-17T18:00' });
    await record(o6, { measure: 'NPRS', timepoint: 'adhoc', score: 6.5, at: '2025-02-24T18:00' }); // −1.5, 18.75%: not
    const o7 = await planFor('o7', 'G-seven', { condition: 'back_pain', measure: 'NPRS', status: 'active' });
    await record(o7, { measure: 'NPRS', timepoint: 'baseline', score: 6, at: '2025-01-15T10:00' });
    await record(o7, { measure: 'NPRS', timepoint: 'discharge', score: 1, at: '2025-04-02T10:00' }); // after the range: not counted

    // Back pain, PSFS (higher is better).
    const o9 = await planFor('o9', 'I-nine', { condition: 'back_pain', measure: 'PSFS', status: 'active' });
    await record(o9, { measure: 'PSFS', timepoint: 'baseline', score: 4, at: '2025-01-15T10:00' });
    await record(o9, { measure: 'PSFS', timepoint: 'session', sessionNumber: 4, score: 5.5, at: '2025-02-12T10:00' }); // +1.5: not
    await record(o9, { measure: 'PSFS', timepoint: 'discharge', score: 7, at: '2025-03-12T10:00' }); // +3: responder

    // Tennis elbow, GROC: no baseline, the score is the change.
    const o8 = await planFor('o8', 'H-eight', { condition: 'tennis_elbow', measure: 'GROC', status: 'active' });
    await record(o8, { measure: 'GROC', timepoint: 'session', sessionNumber: 4, score: 3, at: '2025-02-12T10:00' }); // +3: responder
    await record(o8, { measure: 'GROC', timepoint: 'discharge', score: 2, at: '2025-03-12T10:00' }); // +2: not

    // Outside the cohort: ended before March, and a draft.
    const o10 = await planFor('o10', 'J-ten', { condition: 'neck_pain', measure: 'NDI', status: 'completed', endedOn: '2025-02-15' });
    await record(o10, { measure: 'NDI', timepoint: 'baseline', score: 40, at: '2025-01-15T10:00' });
    await record(o10, { measure: 'NDI', timepoint: 'discharge', score: 5, at: '2025-02-14T10:00' });
    const o11 = await planFor('o11', 'K-eleven', { condition: 'neck_pain', measure: 'NDI', status: 'draft', startedOn: null });
    await record(o11, { measure: 'NDI', timepoint: 'baseline', score: 40, at: '2025-01-15T10:00' });

    manager = await signIn(testApp, world.manager.email);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('reports responders and mean change per condition and measure, with their counts', async () => {
    const response = await manager.get(`/api/reports/outcomes?${RANGE}`).expect(200);
    expect(response.body.rows).toEqual([
      {
        condition: 'neck_pain',
        measure: 'NDI',
        direction: 'lower-is-better',
        plans: 4, // o1-o4
        plansWithBaseline: 3, // not o3
        // Judged: o1 (−10 yes), o2 (−6 no), o4 (−8 at session 5, yes); mean (−10 − 6 − 8) / 3 = −8.
        session4: { responders: { count: 2, of: 3, percent: 66.7 }, meanChange: -8 },
        // o1 (−20) and o4's latest discharge (−8.5): mean −14.25 → −14.3.
        discharge: { responders: { count: 2, of: 2, percent: 100 }, meanChange: -14.3 },
      },
      {
        condition: 'back_pain',
        measure: 'NPRS',
        direction: 'lower-is-better',
        plans: 3, // o5-o7
        plansWithBaseline: 3,
        // o5 (−0.9 = 30%: yes), o6 (−1.5, 18.75%: no); mean (−0.9 − 1.5) / 2 = −1.2.
        session4: { responders: { count: 1, of: 2, percent: 50 }, meanChange: -1.2 },
        // o5 only (o7's is after the range).
        discharge: { responders: { count: 1, of: 1, percent: 100 }, meanChange: -2 },
      },
      {
        condition: 'back_pain',
        measure: 'PSFS',
        direction: 'higher-is-better',
        plans: 1,
        plansWithBaseline: 1,
        session4: { responders: { count: 0, of: 1, percent: 0 }, meanChange: 1.5 },
        discharge: { responders: { count: 1, of: 1, percent: 100 }, meanChange: 3 },
      },
      {
        condition: 'tennis_elbow',
        measure: 'GROC',
        direction: 'higher-is-better',
        plans: 1,
        plansWithBaseline: 0, // GROC has none
        session4: { responders: { count: 1, of: 1, percent: 100 }, meanChange: 3 },
        discharge: { responders: { count: 0, of: 1, percent: 0 }, meanChange: 2 },
      },
    ]);
  });

  it('filters by condition', async () => {
    const response = await manager.get(`/api/reports/outcomes?${RANGE}&condition=back_pain`).expect(200);
    expect(response.body.rows.map((row: { measure: string }) => row.measure)).toEqual(['NPRS', 'PSFS']);
    await manager.get(`/api/reports/outcomes?${RANGE}&condition=sore_toe`).expect(400);
  });

  it('drills down to the plans behind a figure with their scores', async () => {
    const responders = await manager.get(`/api/reports/outcomes/drilldown?${RANGE}&metric=session4Responders&condition=neck_pain&measure=NDI`).expect(200);
    expect(responders.body.kind).toBe('outcome-plans');
    expect(responders.body.items).toEqual([
      expect.objectContaining({ planId: plans.o1, baselineScore: 30, session4AtSession: 4, session4Score: 20, session4Change: -10, session4Responder: true, dischargeScore: 10, dischargeChange: -20 }),
      expect.objectContaining({ planId: plans.o4, baselineScore: 20, session4AtSession: 5, session4Score: 12, session4Change: -8, dischargeScore: 11.5, dischargeChange: -8.5, dischargeResponder: true }),
    ]);

    const measured = await manager.get(`/api/reports/outcomes/drilldown?${RANGE}&metric=session4Measured&condition=back_pain&measure=NPRS`).expect(200);
    expect(measured.body.items.map((row: { planId: string; session4AtSession: number }) => [row.planId, row.session4AtSession])).toEqual([
      [plans.o5, 4],
      [plans.o6, 4],
    ]);
    expect(measured.body.items[1]).toMatchObject({ session4Score: 6.5, session4Change: -1.5, session4Responder: false });

    const cohort = await manager.get(`/api/reports/outcomes/drilldown?${RANGE}&metric=plans`).expect(200);
    expect(cohort.body.total).toBe(9);
    expect(cohort.body.items.map((row: { planId: string }) => row.planId)).not.toEqual(expect.arrayContaining([plans.o10]));
    const unjudged = cohort.body.items.find((row: { planId: string }) => row.planId === plans.o3);
    expect(unjudged).toMatchObject({ baselineScore: null, session4Score: 10, session4Responder: null, session4Change: null });
  });

  it('judges responders in SQL exactly as the contracts do, for every instrument', async () => {
    const cases: Array<{ measure: OutcomeMeasure; baseline: number; later: number }> = [];
    for (const instrument of Object.values(OUTCOME_INSTRUMENTS)) {
      const { min, max } = instrument.scoreRange;
      const tenth = (value: number) => Math.round(value * 10) / 10;
      const baselines = instrument.hasBaseline ? [min, tenth(min + (max - min) * 0.3), tenth((min + max) / 2), max, tenth(min + 0.7)] : [0];
      for (const baseline of baselines) {
        for (let step = 0; step <= 80; step += 1) cases.push({ measure: instrument.id, baseline, later: tenth(min + ((max - min) * step) / 80) });
      }
    }
    const judged = await testApp.prisma.$queryRaw<Array<{ index: number; responder: boolean }>>(Prisma.sql`
      WITH ${MCID_RULES_CTE},
      cases AS (SELECT * FROM unnest(${cases.map((c) => c.measure)}::text[], ${cases.map((c) => String(c.baseline))}::numeric[], ${cases.map((c) => String(c.later))}::numeric[])
        WITH ORDINALITY AS c(measure, baseline, later, index))
      SELECT c.index::int AS index, ${responderSql(Prisma.sql`c.baseline`, Prisma.sql`c.later`)} AS responder
      FROM cases c JOIN mcid_rules r ON r.measure = c.measure ORDER BY c.index`);
    expect(judged).toHaveLength(cases.length);
    const disagreements = judged.filter(({ index, responder }) => {
      const c = cases[index - 1];
      return responder !== isResponder(c.measure, OUTCOME_INSTRUMENTS[c.measure].hasBaseline ? c.baseline : null, c.later);
    });
    expect(disagreements.map(({ index }) => cases[index - 1])).toEqual([]);
  });

  it('is for managers only', async () => {
    for (const email of [world.receptionist.email, world.physio.email, world.admin.email]) {
      const agent = await signIn(testApp, email);
      await agent.get(`/api/reports/outcomes?${RANGE}`).expect(403);
      await agent.get(`/api/reports/outcomes/drilldown?${RANGE}&metric=plans`).expect(403);
    }
  });
});
