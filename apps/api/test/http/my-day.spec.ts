import { TZDate } from '@date-fns/tz';
import type pg from 'pg';
import type { MyDayItem } from '@ims/contracts';
import { MyDay } from '@ims/contracts';
import { dayIn } from '../../src/clinicians/needling-authorisation';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createClinic, createClinician } from '../support/clinician-factories';
import { createClinicalPatient, createClinicalTenant } from '../support/clinical-factories';
import { createAppointmentType, createRoom, insertAppointment } from '../support/appointment-factories';
import { insertPlan, insertPlanSessions, insertScreening, insertVisitNote } from '../support/plan-factories';

type Tenant = Awaited<ReturnType<typeof createClinicalTenant>>;

/** The day under test: after the 2026 spring change, so Vancouver is UTC-7 and Toronto UTC-4. */
const DAY = '2026-03-10';
const VANCOUVER = 'America/Vancouver';
const TORONTO = 'America/Toronto';

/** The instant of a wall-clock time in a zone. */
const at = (day: string, hhmm: string, timeZone: string) => {
  const [y, m, d] = day.split('-').map(Number);
  const [hours, minutes] = hhmm.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, hours, minutes, 0, timeZone).getTime());
};

/**
 * Counts the SQL statements the app sends while `work` runs, by wrapping every pooled connection as it is checked
 * out. With the job workers off, nothing else uses the pool between requests.
 */
async function countQueries(pool: pg.Pool, work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const wrapped = new WeakSet<pg.PoolClient>();
  const onAcquire = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (counting) count += 1;
      return original(...args);
    };
  };
  let counting = true;
  pool.on('acquire', onAcquire);
  try {
    await work();
  } finally {
    counting = false;
    pool.off('acquire', onAcquire);
  }
  return count;
}

describe("the clinician's day", () => {
  let testApp: TestApp;
  let tenant: Tenant;
  let foreign: Tenant;
  let east: { id: string; name: string };
  let physio: SignedInAgent;
  let ids: Record<'torontoMorning' | 'planned' | 'noShow' | 'lateEvening' | 'draftNote' | 'plan' | 'withPlan' | 'eastPatient', string>;

  beforeAll(async () => {
    testApp = await startTestApp({ JOB_WORKERS: 'off' });
    tenant = await createClinicalTenant(testApp.prisma, 'myday');
    foreign = await createClinicalTenant(testApp.prisma, 'myday-foreign');
    const org = tenant.organisation.id;
    // Named to sort after the tenant's Vancouver clinic ("Clinical myday main"), which decides "today" by default.
    east = await createClinic(testApp.prisma, { organisationId: org, name: 'Zz east', timeZone: TORONTO });
    await testApp.prisma.userClinic.create({ data: { organisationId: org, userId: tenant.physio.id, clinicId: east.id } });
    physio = await signIn(testApp, tenant.physio.email);

    const westType = await createAppointmentType(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, name: 'IMS treatment' });
    const eastType = await createAppointmentType(testApp.prisma, { organisationId: org, clinicId: east.id, name: 'IMS east' });
    const room = await createRoom(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, name: 'Room 1' });
    const patient = (homeClinicId = tenant.clinic.id) => createClinicalPatient(testApp.prisma, { organisationId: org, homeClinicId });
    const [withPlan, eastPatient, third, fourth] = [await patient(), await patient(east.id), await patient(), await patient()];
    const west = { organisationId: org, clinicId: tenant.clinic.id, clinicianId: tenant.clinician.id, appointmentTypeId: westType.id };
    const visit = (patientId: string, startsAt: Date, status: 'booked' | 'arrived' | 'cancelled' | 'no_show' = 'booked') =>
      insertAppointment(testApp.prisma, { ...west, patientId, startsAt, status });

    const plan = await insertPlan(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, patientId: withPlan.id, clinicianId: tenant.clinician.id, status: 'active', plannedSessions: 10 });
    const planned = await insertAppointment(testApp.prisma, { ...west, roomId: room.id, patientId: withPlan.id, startsAt: at(DAY, '09:00', VANCOUVER) });
    await testApp.prisma.appointment.update({ where: { id: planned.id }, data: { planId: plan.id } });
    await insertPlanSessions(testApp.prisma, { plan, authorUserId: tenant.physio.id, statuses: ['signed', 'signed', 'draft', 'signed', 'signed'] });
    await insertScreening(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, patientId: withPlan.id, recordedById: tenant.physio.id, present: ['needle_phobia'], recordedAt: new Date('2026-01-05T18:00:00Z') });
    await insertScreening(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, patientId: withPlan.id, recordedById: tenant.physio.id, present: ['diabetes', 'anticoagulants'], recordedAt: new Date('2026-02-05T18:00:00Z') });

    const torontoMorning = await insertAppointment(testApp.prisma, { ...west, clinicId: east.id, appointmentTypeId: eastType.id, patientId: eastPatient.id, startsAt: at(DAY, '08:00', TORONTO), timeZone: TORONTO });
    const noShow = await visit(third.id, at(DAY, '11:00', VANCOUVER), 'no_show');
    const lateEvening = await visit(fourth.id, at(DAY, '23:30', VANCOUVER), 'arrived');
    const draftNote = await insertVisitNote(testApp.prisma, { appointment: lateEvening, authorUserId: tenant.physio.id, status: 'draft' });
    // Left out: cancelled; the evening before (already the 10th in UTC); just after midnight (still the 10th in UTC).
    await visit(eastPatient.id, at(DAY, '10:00', VANCOUVER), 'cancelled');
    await visit(third.id, at('2026-03-09', '20:00', VANCOUVER));
    await visit(third.id, at('2026-03-11', '00:30', VANCOUVER));
    // Another clinician's appointment that day.
    const colleague = await createClinician(testApp.prisma, { organisationId: org, clinicIds: [tenant.clinic.id], name: 'Colleague', email: 'colleague-myday@clinical.test' });
    await insertAppointment(testApp.prisma, { ...west, clinicianId: colleague.clinician.id, patientId: fourth.id, startsAt: at(DAY, '14:00', VANCOUVER) });

    ids = { torontoMorning: torontoMorning.id, planned: planned.id, noShow: noShow.id, lateEvening: lateEvening.id, draftNote: draftNote.id, plan: plan.id, withPlan: withPlan.id, eastPatient: eastPatient.id };
  });
  afterAll(() => testApp.close());

  const appointmentIds = (body: { items: MyDayItem[] }) => body.items.map((item) => item.appointment.id);

  it("lists the physiotherapist's own appointments of the day, each on its clinic's calendar, by start, cancelled left out", async () => {
    const response = await physio.get(`/api/my-day?date=${DAY}`);
    expect(response.status).toBe(200);
    const day = MyDay.parse(response.body);
    expect(day).toMatchObject({ date: DAY, clinicianId: tenant.clinician.id });
    expect(appointmentIds(day)).toEqual([ids.torontoMorning, ids.planned, ids.noShow, ids.lateEvening]);
    const [toronto, planned, noShow, late] = day.items;
    expect(toronto).toMatchObject({
      appointment: { startsAt: `${DAY}T08:00:00-04:00`, endsAt: `${DAY}T08:30:00-04:00`, status: 'booked', clinicId: east.id, clinicName: 'Zz east', roomName: null, appointmentTypeName: 'IMS east' },
      patient: { id: ids.eastPatient, precautions: [] },
      plan: null,
      visit: null,
    });
    expect(planned).toMatchObject({
      appointment: { startsAt: `${DAY}T09:00:00-07:00`, clinicId: tenant.clinic.id, clinicName: tenant.clinic.name, roomName: 'Room 1', appointmentTypeName: 'IMS treatment' },
      // From the newest screening only, in the checklist's order.
      patient: { id: ids.withPlan, name: expect.stringMatching(/^Robin Clinical-/), precautions: ['anticoagulants', 'diabetes'] },
      // Four signed notes of the plan; the draft does not count, and neither does today's appointment.
      plan: {
        id: ids.plan, condition: 'back_pain', status: 'active', completedSessions: 4, plannedSessions: 10, reviewDue: true,
        // No outcome recorded yet: the baseline is overdue and the session-4 reassessment is due.
        outcomesDue: [expect.objectContaining({ measure: 'ODI', timepoint: 'baseline' }), expect.objectContaining({ measure: 'ODI', timepoint: 'session', sessionNumber: 4 })],
      },
      visit: null,
    });
    expect(noShow.appointment.status).toBe('no_show');
    expect(late).toMatchObject({ appointment: { startsAt: `${DAY}T23:30:00-07:00`, status: 'arrived' }, visit: { id: ids.draftNote, status: 'draft' } });
  });

  it('audits the day as a read of each patient shown', async () => {
    const before = await testApp.prisma.auditEvent.count({ where: { entityType: 'my-day', userId: tenant.physio.id } });
    await physio.get(`/api/my-day?date=${DAY}`);
    const rows = await testApp.prisma.auditEvent.findMany({ where: { entityType: 'my-day', userId: tenant.physio.id }, orderBy: { id: 'asc' }, skip: before });
    expect(rows.map((row) => row.entityId)).toEqual([ids.torontoMorning, ids.planned, ids.noShow, ids.lateEvening]);
    expect(rows[1]).toMatchObject({ action: 'read', patientId: ids.withPlan, clinicId: tenant.clinic.id, detail: { date: DAY, clinicianId: tenant.clinician.id } });
  });

  it("defaults to today in the zone of the clinician's first clinic", async () => {
    const before = dayIn(VANCOUVER);
    const response = await physio.get('/api/my-day');
    expect(response.status).toBe(200);
    expect([before, dayIn(VANCOUVER)]).toContain(response.body.date);
    expect(response.body.clinicianId).toBe(tenant.clinician.id);
  });

  it("lets a manager look at anyone's day, naming the clinician", async () => {
    const manager = await signIn(testApp, tenant.manager.email);
    const response = await manager.get(`/api/my-day?date=${DAY}&clinicianId=${tenant.clinician.id}`);
    expect(response.status).toBe(200);
    expect(appointmentIds(response.body)).toEqual([ids.torontoMorning, ids.planned, ids.noShow, ids.lateEvening]);
    const withoutClinician = await manager.get(`/api/my-day?date=${DAY}`);
    expect(withoutClinician.status).toBe(400);
    expect(withoutClinician.body.errors.map((e: { path: string }) => e.path)).toEqual(['clinicianId']);
  });

  it("shows a colleague's day only in the clinics the two share, and not at all without one", async () => {
    const westOnly = await signIn(testApp, 'colleague-myday@clinical.test');
    const shared = await westOnly.get(`/api/my-day?date=${DAY}&clinicianId=${tenant.clinician.id}`);
    expect(shared.status).toBe(200);
    expect(appointmentIds(shared.body)).toEqual([ids.planned, ids.noShow, ids.lateEvening]);
    const own = await westOnly.get(`/api/my-day?date=${DAY}`);
    expect(own.body.items.map((item: MyDayItem) => item.appointment.startsAt)).toEqual([`${DAY}T14:00:00-07:00`]);

    const far = await createClinic(testApp.prisma, { organisationId: tenant.organisation.id, name: 'Far away' });
    const stranger = await createClinician(testApp.prisma, { organisationId: tenant.organisation.id, clinicIds: [far.id] });
    const strangerAgent = await signIn(testApp, stranger.user.email);
    expect((await strangerAgent.get(`/api/my-day?date=${DAY}&clinicianId=${tenant.clinician.id}`)).status).toBe(404);
  });

  it('answers 404 for a clinician of another organisation or none, 400 for malformed input', async () => {
    expect((await physio.get(`/api/my-day?date=${DAY}&clinicianId=${foreign.clinician.id}`)).status).toBe(404);
    expect((await physio.get(`/api/my-day?date=${DAY}&clinicianId=0190a0b0-0000-7000-8000-000000000000`)).status).toBe(404);
    expect((await physio.get('/api/my-day?clinicianId=nobody')).status).toBe(400);
    expect((await physio.get('/api/my-day?date=10/03/2026')).status).toBe(400);
  });

  it.each(['receptionist', 'admin'] as const)('is not for the %s (403)', async (role) => {
    const agent = await signIn(testApp, tenant[role].email);
    expect((await agent.get(`/api/my-day?date=${DAY}&clinicianId=${tenant.clinician.id}`)).status).toBe(403);
  });

  it('costs the same number of queries for one appointment as for many', async () => {
    const org = tenant.organisation.id;
    const { user, clinician } = await createClinician(testApp.prisma, { organisationId: org, clinicIds: [tenant.clinic.id], name: 'Busy' });
    const type = await createAppointmentType(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id });
    const book = async (day: string, hhmm: string) => {
      const patient = await createClinicalPatient(testApp.prisma, { organisationId: org, homeClinicId: tenant.clinic.id });
      const plan = await insertPlan(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, patientId: patient.id, clinicianId: clinician.id });
      await insertPlanSessions(testApp.prisma, { plan, authorUserId: user.id, appointmentTypeId: type.id, statuses: ['signed', 'draft'] });
      await insertScreening(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, patientId: patient.id, recordedById: user.id, present: ['pregnancy'] });
      const appointment = await insertAppointment(testApp.prisma, { organisationId: org, clinicId: tenant.clinic.id, patientId: patient.id, clinicianId: clinician.id, appointmentTypeId: type.id, startsAt: at(day, hhmm, VANCOUVER), status: 'arrived' });
      await testApp.prisma.appointment.update({ where: { id: appointment.id }, data: { planId: plan.id } });
      await insertVisitNote(testApp.prisma, { appointment, authorUserId: user.id, planId: plan.id, status: 'draft' });
    };
    await book('2026-04-14', '09:00');
    for (const hhmm of ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00']) await book('2026-04-15', hhmm);
    const agent = await signIn(testApp, user.email);
    const pool = (testApp.database.raw as { pool: pg.Pool }).pool;
    let quiet: { body: { items: unknown[] } } | undefined;
    let busy: { body: { items: unknown[] } } | undefined;
    const one = await countQueries(pool, async () => (quiet = await agent.get('/api/my-day?date=2026-04-14')));
    const many = await countQueries(pool, async () => (busy = await agent.get('/api/my-day?date=2026-04-15')));
    expect([quiet?.body.items.length, busy?.body.items.length]).toEqual([1, 6]);
    expect(one).toBeGreaterThan(0);
    expect(many).toBe(one);
  });
});
