import type { CaseloadReport } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation } from '../support/factories';
import { addClinic, appointmentAt, createReportWorld, localInstant, recordMove, reportClinician, reportPatient, reportPlan, signedSession, timeOff, type ReportWorld } from '../support/report-factories';

/**
 * The caseload report against a fixture small enough to count by hand. Range: Monday 2025-03-03 to Sunday 2025-03-09
 * in America/Vancouver, whose clocks go forward at 02:00 on that Sunday (PST −8 → PDT −7). The cut-off (end of the
 * range) is 2025-03-10 00:00 PDT = 07:00Z; 21 days before it is 2025-02-17 07:00Z.
 */
describe('GET /api/reports/caseload', () => {
  let testApp: TestApp;
  let world: ReportWorld;
  let manager: SignedInAgent;
  const ids: Record<string, string> = {};
  const RANGE = 'from=2025-03-03&to=2025-03-09';

  beforeAll(async () => {
    testApp = await startTestApp();
    const { prisma } = testApp;
    world = await createReportWorld(prisma);
    const vancouver = world.clinic;
    const toronto = await addClinic(prisma, world, 'America/Toronto', 'Toronto east');
    ids.clinic1 = vancouver.id;
    ids.clinic2 = toronto.id;
    // The manager works at the Vancouver clinic only (the default scope); as an organisation-wide role they may still
    // name Toronto.

    // Avery: Mon-Fri 09:00-17:00 and Sunday 00:00-06:00 at Vancouver. Blake: Mon and Wed 09:00-13:00 at Vancouver,
    // Tue 09:00-12:00 at Toronto.
    const avery = await reportClinician(prisma, world, {
      name: 'Avery Adams',
      clinics: [vancouver],
      hours: [...[1, 2, 3, 4, 5].map((weekday) => ({ clinic: vancouver, weekday, start: '09:00', end: '17:00' })), { clinic: vancouver, weekday: 7, start: '00:00', end: '06:00' }],
    });
    const blake = await reportClinician(prisma, world, {
      name: 'Blake Brown',
      clinics: [vancouver, toronto],
      hours: [
        { clinic: vancouver, weekday: 1, start: '09:00', end: '13:00' },
        { clinic: vancouver, weekday: 3, start: '09:00', end: '13:00' },
        { clinic: toronto, weekday: 2, start: '09:00', end: '12:00' },
      ],
    });
    ids.avery = avery.id;
    ids.blake = blake.id;
    // Avery's two overlapping absences on Wednesday merge to 12:00-15:00 (3 h, not 4); Blake is off all Wednesday.
    await timeOff(prisma, world, avery.id, vancouver.timeZone, '2025-03-05T12:00', '2025-03-05T14:00');
    await timeOff(prisma, world, avery.id, vancouver.timeZone, '2025-03-05T13:00', '2025-03-05T15:00');
    await timeOff(prisma, world, blake.id, vancouver.timeZone, '2025-03-05T00:00', '2025-03-06T00:00');

    const [p1, p2, p3, p4, p5, p6, p7] = await Promise.all(
      ['Ada', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus'].map((first, index) => reportPatient(prisma, world, first, `Patient${index + 1}`)),
    );
    Object.assign(ids, { p1: p1.id, p2: p2.id, p3: p3.id, p4: p4.id, p5: p5.id, p6: p6.id, p7: p7.id });
    const a = (patientId: string, at: string, status: Parameters<typeof appointmentAt>[2]['status'], more: Partial<Parameters<typeof appointmentAt>[2]> = {}) =>
      appointmentAt(prisma, world, { clinicianId: avery.id, patientId, at, status, ...more });

    // Avery's appointments around the range (a8, a9 and a12 fall outside it).
    ids.a1 = (await a(p1.id, '2025-03-03T10:00', 'completed')).id;
    ids.a2 = (await a(p2.id, '2025-03-04T10:00', 'completed', { minutes: 60 })).id;
    ids.a3 = (await a(p3.id, '2025-03-05T09:00', 'cancelled', { cancelReason: 'Sick', late: false })).id;
    ids.a4 = (await a(p4.id, '2025-03-05T10:00', 'cancelled', { cancelReason: ' sick ', late: true })).id;
    ids.a5 = (await a(p5.id, '2025-03-06T11:00', 'no_show')).id;
    ids.a6 = (await a(p6.id, '2025-03-07T15:00', 'booked', { minutes: 45 })).id;
    // 23:30 on the last day is 06:30Z the next UTC day: inside. 00:15 the day after is outside.
    ids.a7 = (await a(p1.id, '2025-03-09T23:30', 'completed')).id;
    ids.a8 = (await a(p2.id, '2025-03-10T00:15', 'completed')).id;
    // Moved out of the range (was Friday 09:00) and moved into it (was 28 February): each counts where it is now.
    const a9 = await a(p5.id, '2025-03-11T09:00', 'completed');
    await recordMove(prisma, world, a9, localInstant(vancouver.timeZone, '2025-03-07T09:00'));
    const a10 = await a(p3.id, '2025-03-06T14:00', 'completed');
    await recordMove(prisma, world, a10, localInstant(vancouver.timeZone, '2025-02-28T14:00'));
    ids.a10 = a10.id;
    // Back-dated: entered on 20 March for a visit on 8 March (counts on the 8th); entered in the range for 2 March (out).
    ids.a11 = (await a(p4.id, '2025-03-08T10:00', 'completed', { createdAt: new Date('2025-03-20T18:00:00Z') })).id;
    await a(p6.id, '2025-03-02T10:00', 'completed', { createdAt: new Date('2025-03-04T18:00:00Z') });
    ids.a13 = (await a(p5.id, '2025-03-07T10:00', 'arrived')).id;

    // Blake's: b1-b3 at Vancouver, b4 at Toronto (09:00 Eastern).
    const b = (patientId: string, at: string, status: Parameters<typeof appointmentAt>[2]['status'], more: Partial<Parameters<typeof appointmentAt>[2]> = {}) =>
      appointmentAt(prisma, world, { clinicianId: blake.id, patientId, at, status, ...more });
    ids.b1 = (await b(p6.id, '2025-03-03T09:00', 'completed')).id;
    ids.b2 = (await b(p1.id, '2025-03-03T10:00', 'no_show')).id;
    ids.b3 = (await b(p2.id, '2025-03-05T09:00', 'cancelled', { cancelReason: 'Car trouble', late: true })).id;
    ids.b4 = (await b(p3.id, '2025-03-04T09:00', 'completed', { clinic: toronto, minutes: 60 })).id;

    // Plans. Sessions are signed visit notes; their appointments lie outside the range unless they are a1, a7 or a11.
    const signer = avery.userId;
    const sessions = async (plan: { id: string; patientId: string; clinicianId: string }, times: string[], from = 1) => {
      for (const [index, at] of times.entries()) await signedSession(prisma, world, plan, { at, sessionNumber: from + index, signedByUserId: signer });
    };
    const plan = (options: Parameters<typeof reportPlan>[2]) => reportPlan(prisma, world, options);

    const pa1 = await plan({ patientId: p1.id, clinicianId: avery.id, planned: 6, status: 'completed', startedOn: '2025-01-06', endedOn: '2025-03-05' });
    await sessions(pa1, ['2025-01-06T07:00', '2025-01-13T07:00', '2025-01-20T07:00', '2025-01-27T07:00', '2025-02-03T07:00']);
    await signedSession(prisma, world, pa1, { at: '2025-03-03T10:00', sessionNumber: 6, appointmentId: ids.a1, signedByUserId: signer });
    // Ended before the range: not part of it.
    await plan({ patientId: p2.id, clinicianId: avery.id, status: 'completed', startedOn: '2024-11-01', endedOn: '2025-02-20' });
    const pa3 = await plan({ patientId: p2.id, clinicianId: avery.id, condition: 'back_pain', measure: 'NPRS', status: 'discontinued', startedOn: '2025-01-10', endedOn: '2025-03-04' });
    await sessions(pa3, ['2025-01-10T07:40', '2025-01-17T07:40']);
    const pa4 = await plan({ patientId: p3.id, clinicianId: avery.id, status: 'active', startedOn: '2025-01-15' });
    await sessions(pa4, ['2025-01-15T08:20', '2025-01-29T08:20', '2025-02-10T08:20']);
    const pa5 = await plan({ patientId: p4.id, clinicianId: avery.id, condition: 'back_pain', measure: 'NPRS', planned: 8, status: 'active', startedOn: '2025-02-01' });
    await sessions(pa5, ['2025-02-01T09:00', '2025-02-08T09:00', '2025-02-15T09:00']);
    await signedSession(prisma, world, pa5, { at: '2025-03-08T10:00', sessionNumber: 4, appointmentId: ids.a11, signedByUserId: signer });
    const pa6 = await plan({ patientId: p5.id, clinicianId: avery.id, status: 'active', startedOn: '2025-02-01', reviewedAt: new Date('2025-02-25T20:00:00Z') });
    await sessions(pa6, ['2025-02-02T09:40', '2025-02-09T09:40', '2025-02-16T09:40', '2025-02-23T09:40', '2025-03-01T09:40']);
    const pa7 = await plan({ patientId: p1.id, clinicianId: avery.id, condition: 'headache', measure: 'HIT6', status: 'active', startedOn: '2025-02-01', reviewedAt: new Date('2025-03-15T20:00:00Z') });
    await sessions(pa7, ['2025-02-04T10:20', '2025-02-11T10:20', '2025-02-18T10:20']);
    await signedSession(prisma, world, pa7, { at: '2025-03-09T23:30', sessionNumber: 4, appointmentId: ids.a7, signedByUserId: signer });
    const pa8 = await plan({ patientId: p6.id, clinicianId: avery.id, condition: 'whiplash', status: 'active', startedOn: '2025-02-01' });
    const pa9 = await plan({ patientId: p7.id, clinicianId: avery.id, condition: 'frozen_shoulder', measure: 'SPADI', planned: 8, status: 'completed', startedOn: '2025-01-20', endedOn: '2025-03-20', reviewedAt: new Date('2025-02-20T20:00:00Z') });
    await sessions(pa9, ['2025-01-20T11:00', '2025-01-24T11:00', '2025-01-28T11:00', '2025-02-03T11:00', '2025-02-10T11:00', '2025-02-17T11:00', '2025-02-28T11:00', '2025-03-18T11:00']);
    // A draft (never started) and a draft closed unstarted: no course, counted nowhere.
    await plan({ patientId: p3.id, clinicianId: avery.id, status: 'draft' });
    await plan({ patientId: p1.id, clinicianId: blake.id, status: 'discontinued', startedOn: null, endedOn: '2025-03-05' });
    const pb1 = await plan({ patientId: p6.id, clinicianId: blake.id, condition: 'tennis_elbow', measure: 'PRTEE', planned: 4, status: 'completed', startedOn: '2025-02-03', endedOn: '2025-03-07' });
    for (const [index, at] of ['2025-02-03T12:00', '2025-02-10T12:00', '2025-02-17T12:00', '2025-02-24T12:00'].entries()) {
      await signedSession(prisma, world, pb1, { at, sessionNumber: index + 1, signedByUserId: blake.userId });
    }
    Object.assign(ids, { pa1: pa1.id, pa3: pa3.id, pa4: pa4.id, pa5: pa5.id, pa6: pa6.id, pa7: pa7.id, pa8: pa8.id, pa9: pa9.id, pb1: pb1.id });

    manager = await signIn(testApp, world.manager.email);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const clinicianRow = (body: CaseloadReport, id: string) => body.clinicians.find((row) => row.clinicianId === id)!;

  it('counts each figure as worked out by hand, per clinician and in total', async () => {
    const response = await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${ids.clinic1}`).expect(200);
    expect(response.body.clinics.map((clinic: { id: string }) => clinic.id)).toEqual([ids.clinic1]);
    expect(response.body.clinicians.map((row: { clinicianName: string }) => row.clinicianName)).toEqual(['Avery Adams', 'Blake Brown']);

    expect(clinicianRow(response.body, ids.avery)).toEqual({
      clinicianId: ids.avery,
      clinicianName: 'Avery Adams',
      // PA1 (completed 03-05), PA3 (discontinued 03-04), PA4, PA5, PA6, PA7, PA8, PA9 (completes 03-20). Not: the plan
      // ended 02-20, the draft.
      activePlans: 8,
      // Completed a1 (P1), a2 (P2), a7 (P1, 23:30 on the last day), a10 (P3, moved in), a11 (P4, back-dated): 4 patients.
      patientsSeen: 4,
      // Those 5. Not a8 (00:15 the day after), a9 (moved out), a12 (2 March, entered in the range), a13 (arrived only).
      sessionsDelivered: 5,
      // Slot-holding a1 0.5 + a2 1 + a6 0.75 (booked) + a7 0.5 + a10 0.5 + a11 0.5 + a13 0.5 (arrived) = 4.25 h.
      bookedHours: 4.25,
      // Mon-Fri 5 × 8 h = 40 h; Sunday 00:00-06:00 on the spring-forward day is 5 real hours (02:00-03:00 never
      // happens): 45 h; less Wednesday's merged absence 12:00-15:00 (3 h) = 42 h.
      availableHours: 42,
      // 4.25 / 42 = 10.119% → 10.1
      utilisationPercent: 10.1,
      // Attended a1 a2 a7 a10 a11 a13 (6) + no-show a5 (1) + late cancellation a4 (1) = 8; a3 was cancelled in time.
      appointmentsDue: 8,
      noShows: { count: 1, of: 8, percent: 12.5 },
      lateCancellations: { count: 1, of: 8, percent: 12.5 },
      // PA1 completed 03-05 with 6 signed sessions.
      completedCourses: 1,
      averageSessionsPerCompletedCourse: 6,
      discontinuedCourses: 1,
      // PA4: last signed visit 02-10, before 02-17. PA8: no visit, started 02-01. (PA6's last 03-01, PA9's 02-28,
      // PA5's 03-08 and PA7's 03-09 23:30 are recent; PA9 and PA7 are judged as they stood at the cut-off.)
      stalledCourses: 2,
      // 1 completed of 1 + 1 + 2 ended or stalled: 25%; drop-out (1 discontinued + 2 stalled) 75%.
      completion: { count: 1, of: 4, percent: 25 },
      dropOut: { count: 3, of: 4, percent: 75 },
      // PA5: 4 signed, never reviewed. PA7: 4 signed by 23:30 on the 9th, reviewed only on 15 March (after the cut-off).
      // Not PA6 (reviewed 02-25), PA9 (reviewed 02-20), PA4 (3 signed).
      reviewDue: 2,
    });

    expect(clinicianRow(response.body, ids.blake)).toEqual({
      clinicianId: ids.blake,
      clinicianName: 'Blake Brown',
      activePlans: 1, // PB1; the draft closed unstarted is not a course
      patientsSeen: 1, // b1 (P6); b4 is at Toronto, not selected
      sessionsDelivered: 1,
      bookedHours: 0.5, // b1
      // Monday 4 h + Wednesday 4 h, less Wednesday off all day (4 h) = 4 h (Toronto's Tuesday not selected).
      availableHours: 4,
      utilisationPercent: 12.5, // 0.5 / 4
      appointmentsDue: 3, // b1 attended, b2 no-show, b3 late cancellation
      noShows: { count: 1, of: 3, percent: 33.3 },
      lateCancellations: { count: 1, of: 3, percent: 33.3 },
      completedCourses: 1,
      averageSessionsPerCompletedCourse: 4,
      discontinuedCourses: 0,
      stalledCourses: 0,
      completion: { count: 1, of: 1, percent: 100 },
      dropOut: { count: 0, of: 1, percent: 0 },
      reviewDue: 0,
    });

    expect(response.body.totals).toEqual({
      activePlans: 9,
      patientsSeen: 5, // P1 P2 P3 P4 (Avery) and P6 (Blake)
      sessionsDelivered: 6,
      bookedHours: 4.75,
      availableHours: 46,
      utilisationPercent: 10.3, // 4.75 / 46 = 10.326%
      appointmentsDue: 11,
      noShows: { count: 2, of: 11, percent: 18.2 },
      lateCancellations: { count: 2, of: 11, percent: 18.2 },
      completedCourses: 2,
      averageSessionsPerCompletedCourse: 5, // (6 + 4) / 2
      discontinuedCourses: 1,
      stalledCourses: 2,
      completion: { count: 2, of: 5, percent: 40 },
      dropOut: { count: 3, of: 5, percent: 60 },
      reviewDue: 2,
    });
  });

  it('adds a second clinic in its own time zone and counts a patient seen at both once in the total', async () => {
    const response = await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${ids.clinic1},${ids.clinic2}`).expect(200);
    const blake = clinicianRow(response.body, ids.blake);
    // b4: 09:00-10:00 Eastern on Tuesday 4 March, completed, P3.
    expect(blake).toMatchObject({ patientsSeen: 2, sessionsDelivered: 2, bookedHours: 1.5, availableHours: 7, utilisationPercent: 21.4, appointmentsDue: 4 });
    expect(blake.noShows).toEqual({ count: 1, of: 4, percent: 25 });
    // P3 was seen by Avery too: still 5 distinct patients; 7 sessions; 5.75 / 49 h = 11.73%.
    expect(response.body.totals).toMatchObject({ patientsSeen: 5, sessionsDelivered: 7, bookedHours: 5.75, availableHours: 49, utilisationPercent: 11.7, appointmentsDue: 12 });
    expect(response.body.totals.noShows).toEqual({ count: 2, of: 12, percent: 16.7 });

    // Repeating the parameter means the same as a comma list.
    const repeated = await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${ids.clinic1}&clinicId=${ids.clinic2}`).expect(200);
    expect(repeated.body.totals).toEqual(response.body.totals);
  });

  it('places an appointment on the local day of the zone it was booked in, after its clinic changed zone', async () => {
    const { prisma } = testApp;
    const moved = await createReportWorld(prisma);
    const clinician = await reportClinician(prisma, moved, { name: 'Casey Zone', clinics: [moved.clinic], hours: [] });
    const patient = await reportPatient(prisma, moved, 'Zed', 'Patient');
    // 23:30 on Tuesday 4 March in Vancouver (07:30Z on the 5th), booked before the clinic moved to Toronto time.
    const before = await appointmentAt(prisma, moved, { clinicianId: clinician.id, patientId: patient.id, at: '2025-03-04T23:30', status: 'completed' });
    await prisma.clinic.update({ where: { id: moved.clinic.id }, data: { timeZone: 'America/Toronto' } });
    // 00:30 on Wednesday 5 March in Toronto time (05:30Z), booked after.
    const after = await appointmentAt(prisma, moved, { clinic: { ...moved.clinic, timeZone: 'America/Toronto' }, clinicianId: clinician.id, patientId: patient.id, at: '2025-03-05T00:30', status: 'completed' });
    const movedManager = await signIn(testApp, moved.manager.email);
    const day = async (date: string) => {
      const range = `from=${date}&to=${date}&clinicId=${moved.clinic.id}`;
      const report = (await movedManager.get(`/api/reports/caseload?${range}`).expect(200)).body as CaseloadReport;
      const rows = (await movedManager.get(`/api/reports/caseload/drilldown?${range}&metric=sessionsDelivered`).expect(200)).body;
      return { delivered: report.totals.sessionsDelivered, seen: report.totals.patientsSeen, listed: rows.items.map((row: { appointmentId: string }) => row.appointmentId) };
    };
    // In Toronto time both would be on the 5th; the first is on the 4th, where its own wall clock put it.
    expect(await day('2025-03-04')).toEqual({ delivered: 1, seen: 1, listed: [before.id] });
    expect(await day('2025-03-05')).toEqual({ delivered: 1, seen: 1, listed: [after.id] });
  });

  it('defaults to the clinics the manager works at', async () => {
    const byDefault = await manager.get(`/api/reports/caseload?${RANGE}`).expect(200);
    expect(byDefault.body.clinics.map((clinic: { id: string }) => clinic.id)).toEqual([ids.clinic1]);
    expect(byDefault.body.totals.sessionsDelivered).toBe(6);
  });

  it('lists the appointments behind sessions delivered, in start order, with their clinic-time stamps', async () => {
    const response = await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1}&metric=sessionsDelivered&clinicianId=${ids.avery}`).expect(200);
    expect(response.body).toMatchObject({ metric: 'sessionsDelivered', kind: 'appointments', total: 5, page: 1, pageSize: 50 });
    expect(response.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.a1, ids.a2, ids.a10, ids.a11, ids.a7]);
    const [a1, , a10, a11, a7] = response.body.items;
    expect(a1).toMatchObject({ startsAt: '2025-03-03T10:00:00-08:00', patientName: 'Ada Patient1', clinicianName: 'Avery Adams', status: 'completed', minutes: 30, moves: 0 });
    expect(a7.startsAt).toBe('2025-03-09T23:30:00-07:00');
    expect(a10.moves).toBe(1);
    expect(a11.createdAt).toBe('2025-03-20T11:00:00-07:00');
  });

  it('lists the plans behind stalled courses and review-due plans', async () => {
    const stalled = await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1}&metric=stalledCourses&clinicianId=${ids.avery}`).expect(200);
    expect(stalled.body.kind).toBe('plans');
    expect(stalled.body.items.map((row: { planId: string }) => row.planId)).toEqual([ids.pa4, ids.pa8]);
    expect(stalled.body.items[0]).toMatchObject({ signedSessions: 3, plannedSessions: 10, lastSignedVisitAt: '2025-02-10T08:20:00-08:00', status: 'active' });
    expect(stalled.body.items[1]).toMatchObject({ signedSessions: 0, lastSignedVisitAt: null, startedOn: '2025-02-01' });

    const review = await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1}&metric=reviewDue`).expect(200);
    expect(review.body.items.map((row: { planId: string }) => row.planId)).toEqual([ids.pa5, ids.pa7]);
  });

  it('lists the working periods behind available hours, a daylight-saving day at its real length', async () => {
    const response = await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1}&metric=availableHours&clinicianId=${ids.avery}`).expect(200);
    expect(response.body.kind).toBe('working-periods');
    expect(response.body.total).toBe(6); // Monday to Friday and Sunday
    const sunday = response.body.items.find((row: { date: string }) => row.date === '2025-03-09');
    expect(sunday).toMatchObject({ startsAt: '2025-03-09T00:00:00-08:00', endsAt: '2025-03-09T06:00:00-07:00', hours: 5, timeOffHours: 0, availableHours: 5 });
    const wednesday = response.body.items.find((row: { date: string }) => row.date === '2025-03-05');
    expect(wednesday).toMatchObject({ hours: 8, timeOffHours: 3, availableHours: 5 });
  });

  it('gives every figure a drill-down whose rows add up to it', async () => {
    const report = (await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${ids.clinic1},${ids.clinic2}`).expect(200)).body;
    const counted = ['activePlans', 'patientsSeen', 'sessionsDelivered', 'appointmentsDue', 'completedCourses', 'discontinuedCourses', 'stalledCourses', 'reviewDue'];
    const shares = ['noShows', 'lateCancellations'];
    for (const [clinicianId, figures] of [...report.clinicians.map((row: { clinicianId: string }) => [row.clinicianId, row]), [undefined, report.totals]]) {
      const of = clinicianId ? `&clinicianId=${clinicianId}` : '';
      for (const metric of [...counted, ...shares, 'bookedHours', 'availableHours']) {
        const drill = (await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1},${ids.clinic2}&metric=${metric}&pageSize=200${of}`).expect(200)).body;
        if (counted.includes(metric)) expect([metric, clinicianId, drill.total]).toEqual([metric, clinicianId, figures[metric]]);
        if (shares.includes(metric)) expect([metric, clinicianId, drill.total]).toEqual([metric, clinicianId, figures[metric].count]);
        if (metric === 'bookedHours') {
          const hours = drill.items.reduce((sum: number, row: { minutes: number }) => sum + row.minutes / 60, 0);
          expect([metric, clinicianId, hours]).toEqual([metric, clinicianId, figures.bookedHours]);
        }
        if (metric === 'availableHours') {
          const hours = drill.items.reduce((sum: number, row: { availableHours: number }) => sum + row.availableHours, 0);
          expect([metric, clinicianId, hours]).toEqual([metric, clinicianId, figures.availableHours]);
        }
      }
    }
  });

  it('pages a drill-down with a stable order and the total of all pages', async () => {
    const first = await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1}&metric=sessionsDelivered&pageSize=2`).expect(200);
    const third = await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1}&metric=sessionsDelivered&pageSize=2&page=3`).expect(200);
    // Avery's 5 and Blake's b1: b1 (03-03 09:00) comes first.
    expect(first.body.total).toBe(6);
    expect(first.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.b1, ids.a1]);
    expect(third.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.a11, ids.a7]);
  });

  it('audits the report and each patient a drill-down page shows', async () => {
    await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${ids.clinic1}&metric=noShows`).expect(200);
    const events = await testApp.prisma.auditEvent.findMany({
      where: { organisationId: world.organisationId, entityType: 'report', entityId: 'caseload/drilldown' },
      orderBy: { id: 'desc' },
    });
    const summary = events.find((event) => event.patientId === null);
    expect(summary?.detail).toMatchObject({ metric: 'noShows', from: '2025-03-03', to: '2025-03-09', clinicIds: [ids.clinic1], format: 'json' });
    // a5 (P5) and b2 (P1)
    const latest = events.slice(0, events.indexOf(summary!)).map((event) => event.patientId);
    expect(latest.sort()).toEqual([ids.p5, ids.p1].sort());
  });

  it('is for managers only', async () => {
    for (const email of [world.receptionist.email, world.physio.email, world.admin.email]) {
      const agent = await signIn(testApp, email);
      await agent.get(`/api/reports/caseload?${RANGE}`).expect(403);
      await agent.get(`/api/reports/caseload/drilldown?${RANGE}&metric=sessionsDelivered`).expect(403);
    }
    await testApp.http.get(`/api/reports/caseload?${RANGE}`).expect(401);
  });

  it("answers 404 for another organisation's clinic or clinician, and 400 for a bad range", async () => {
    const other = await createOrganisation(testApp.prisma);
    await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${other.clinic.id}`).expect(404);
    await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${ids.clinic1},${other.clinic.id}`).expect(404);
    await manager.get(`/api/reports/caseload/drilldown?${RANGE}&metric=noShows&clinicianId=00000000-0000-4000-8000-000000000000`).expect(404);
    const backwards = await manager.get('/api/reports/caseload?from=2025-03-09&to=2025-03-03').expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
    await manager.get('/api/reports/caseload?from=2024-01-01&to=2025-01-01').expect(400); // 367 days
    await manager.get('/api/reports/caseload?from=2024-01-01&to=2024-12-31').expect(200); // 366 days (leap year)
    await manager.get(`/api/reports/caseload?${RANGE}&clinicId=not-a-uuid`).expect(400);
    await manager.get(`/api/reports/caseload/drilldown?${RANGE}&metric=everything`).expect(400);
  });
});
