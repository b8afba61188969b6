import pg from 'pg';
import { openPostgres, type Database } from '@ims/prisma';
import { cloneDatabase, type TestDatabase } from '@ims/prisma/testing';
import { createOrganisation } from '../support/factories';
import { createClinician, createPatient } from '../support/clinician-factories';
import { insertPlan, insertPlanSessions } from '../support/plan-factories';

/**
 * treatment_plan.signed_sessions, last_signed_visit_at and signed_visits are kept by triggers on visit_note (the reports read them
 * instead of counting notes): proved against counts of the notes themselves, through inserts of signed notes, signing
 * of drafts one by one and many in one statement, and a direct write refused.
 */
describe('a plan’s signed sessions in the database', () => {
  let database: TestDatabase;
  let db: Database;
  let sql: pg.Client;
  let parties: { organisationId: string; clinicId: string; patientId: string; clinicianId: string };
  let userId: string;

  beforeAll(async () => {
    database = await cloneDatabase(process.env.IMS_TEST_TEMPLATE_DB!);
    db = openPostgres({ url: database.url, poolMax: 2 });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const { organisation, clinic } = await createOrganisation(db.prisma);
    const { user, clinician } = await createClinician(db.prisma, { organisationId: organisation.id, clinicIds: [clinic.id] });
    userId = user.id;
    const patient = await createPatient(db.prisma, { organisationId: organisation.id, homeClinicId: clinic.id });
    parties = { organisationId: organisation.id, clinicId: clinic.id, patientId: patient.id, clinicianId: clinician.id };
  });
  afterAll(async () => {
    await sql?.end();
    await db?.close();
    await database?.drop();
  });

  /** What the columns say against what the notes say. */
  const compare = async (planId: string) => {
    const { rows } = await sql.query(
      `SELECT p.signed_sessions AS kept, p.last_signed_visit_at AS "keptLast",
         (SELECT count(*)::int FROM visit_note n WHERE n.plan_id = p.id AND n.status = 'signed') AS counted,
         (SELECT max(n.visited_at) FROM visit_note n WHERE n.plan_id = p.id AND n.status = 'signed') AS "countedLast",
         p.signed_visits = coalesce((SELECT array_agg(n.visited_at ORDER BY n.visited_at) FROM visit_note n WHERE n.plan_id = p.id AND n.status = 'signed'), '{}') AS "visitsInStep"
       FROM treatment_plan p WHERE p.id = $1`,
      [planId],
    );
    const { visitsInStep, ...state } = rows[0] as { kept: number; keptLast: Date | null; counted: number; countedLast: Date | null; visitsInStep: boolean };
    // The kept visit times are the signed notes' own, ascending, whatever the order they were signed in.
    expect(visitsInStep).toBe(true);
    return state;
  };

  it('counts notes inserted signed, and leaves drafts out', async () => {
    const plan = await insertPlan(db.prisma, parties);
    expect(await compare(plan.id)).toEqual({ kept: 0, keptLast: null, counted: 0, countedLast: null });
    await insertPlanSessions(db.prisma, { plan: { ...parties, id: plan.id }, authorUserId: userId, statuses: ['signed', 'signed', 'draft'] });
    const state = await compare(plan.id);
    expect(state.kept).toBe(2);
    expect(state).toEqual({ kept: state.counted, keptLast: state.countedLast, counted: 2, countedLast: expect.any(Date) });
  });

  it('counts drafts as they are signed, one at a time and many in one statement, the latest visit kept', async () => {
    const plan = await insertPlan(db.prisma, parties);
    const drafts = await insertPlanSessions(db.prisma, { plan: { ...parties, id: plan.id }, authorUserId: userId, statuses: ['draft', 'draft', 'draft', 'draft'] });
    const sign = (ids: string[]) =>
      sql.query(`UPDATE visit_note SET status = 'signed', signed_at = now(), signed_by_id = $2, content_hash = 'h' || id WHERE id = ANY($1::uuid[])`, [ids, userId]);
    // The oldest visit first: the latest visit must not move back when an earlier one is signed after it.
    await sign([drafts[3].id]);
    await sign([drafts[0].id]);
    expect(await compare(plan.id)).toMatchObject({ kept: 2, counted: 2, keptLast: drafts[0].visitedAt });
    await sign([drafts[1].id, drafts[2].id]);
    const state = await compare(plan.id);
    expect(state).toEqual({ kept: 4, counted: 4, keptLast: drafts[0].visitedAt, countedLast: drafts[0].visitedAt });
    // Editing drafts of other plans and saving a draft again change nothing here.
    await sql.query(`UPDATE visit_note SET assessment = 'Edited' WHERE status = 'draft'`);
    expect(await compare(plan.id)).toEqual(state);
  });

  it('refuses writing the columns directly (23514), whoever asks', async () => {
    const plan = await insertPlan(db.prisma, parties);
    await expect(sql.query(`UPDATE treatment_plan SET signed_sessions = 9 WHERE id = $1`, [plan.id])).rejects.toMatchObject({ code: '23514' });
    await expect(sql.query(`UPDATE treatment_plan SET last_signed_visit_at = now() WHERE id = $1`, [plan.id])).rejects.toMatchObject({ code: '23514' });
    await expect(sql.query(`UPDATE treatment_plan SET signed_visits = ARRAY[now()] WHERE id = $1`, [plan.id])).rejects.toMatchObject({ code: '23514' });
    // Other edits of the plan are untouched by the guard.
    await sql.query(`UPDATE treatment_plan SET goals = 'Walk the dog', version = version + 1 WHERE id = $1`, [plan.id]);
    expect(await compare(plan.id)).toMatchObject({ kept: 0, counted: 0 });
  });
});
