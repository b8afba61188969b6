import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation } from '../support/factories';
import { appointmentAt, createReportWorld, localInstant, recordMove, reportClinician, reportPatient, waitlistEntry, type ReportWorld } from '../support/report-factories';

/**
 * Attendance and the waitlist for Monday 3 to Sunday 9 March 2025 in America/Vancouver (clocks go forward on the 9th).
 * The cut-off is the end of the 9th: 2025-03-10 00:00 PDT = 07:00Z.
 */
describe('GET /api/reports/attendance', () => {
  let testApp: TestApp;
  let world: ReportWorld;
  let manager: SignedInAgent;
  const ids: Record<string, string> = {};
  const RANGE = 'from=2025-03-03&to=2025-03-09';

  beforeAll(async () => {
    testApp = await startTestApp();
    const { prisma } = testApp;
    world = await createReportWorld(prisma);
    const clinician = await reportClinician(prisma, world, { name: 'Avery Adams', clinics: [world.clinic] });
    const patient = await reportPatient(prisma, world, 'Ada', 'Lovelace');
    const other = await reportPatient(prisma, world, 'Ben', 'Byte');
    const at = async (key: string, when: string, status: Parameters<typeof appointmentAt>[2]['status'], more: Partial<Parameters<typeof appointmentAt>[2]> = {}) => {
      const row = await appointmentAt(prisma, world, { clinicianId: clinician.id, patientId: patient.id, at: when, status, ...more });
      ids[key] = row.id;
      return row;
    };

    await at('c1', '2025-03-03T09:00', 'completed');
    await at('c2', '2025-03-03T10:00', 'arrived');
    await at('c3', '2025-03-04T09:00', 'cancelled', { cancelReason: 'Sick' });
    await at('c4', '2025-03-04T10:00', 'cancelled', { cancelReason: 'sick ', late: true });
    await at('c5', '2025-03-05T09:00', 'cancelled', { cancelReason: 'Weather', late: true });
    await at('c6', '2025-03-05T10:00', 'cancelled'); // no reason (recorded before reasons were required)
    await at('c7', '2025-03-07T10:00', 'cancelled', { cancelReason: 'Sick' });
    await at('n1', '2025-03-06T09:00', 'no_show'); // Thursday 09h
    await at('n2', '2025-03-06T09:30', 'no_show', { patientId: other.id }); // Thursday 09h
    await at('n3', '2025-03-09T23:30', 'no_show'); // Sunday 23h local: Monday 06:30 UTC
    await at('n4', '2025-03-10T00:15', 'no_show'); // the day after: outside
    await at('n5', '2025-03-08T08:00', 'no_show', { createdAt: new Date('2025-03-12T18:00:00Z') }); // Saturday 08h, entered late
    await at('b1', '2025-03-07T09:00', 'booked');
    // Moved out of the range: counted nowhere in it.
    const moved = await at('m1', '2025-03-11T11:00', 'completed');
    await recordMove(prisma, world, moved, localInstant(world.clinic.timeZone, '2025-03-07T11:00'));

    const by = clinician.userId;
    const entry = async (key: string, addedAt: string, removedAt?: string) => {
      ids[key] = (await waitlistEntry(prisma, world, { patientId: patient.id, addedAt, removedAt, createdById: by })).id;
    };
    await entry('w1', '2025-02-01T09:00', '2025-03-04T09:00'); // left in the range after 31 days
    await entry('w2', '2025-03-05T12:00', '2025-03-08T12:00'); // added and left in the range: 3 days
    await entry('w3', '2025-02-20T00:00'); // waiting: 08:00Z on 20 Feb to 07:00Z on 10 March = 17 d 23 h
    await entry('w4', '2025-03-06T10:00'); // added, waiting: 18:00Z on 6 March to the cut-off = 3 d 13 h
    await entry('w5', '2025-03-12T09:00'); // after the range
    await entry('w6', '2025-01-10T09:00', '2025-02-10T09:00'); // gone before the range
    await entry('w7', '2025-03-01T08:00', '2025-03-12T08:00'); // still waiting at the cut-off: 8 d 15 h

    manager = await signIn(testApp, world.manager.email);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('counts arrivals, cancellations by reason, no-shows by local weekday and hour, and the waitlist', async () => {
    const response = await manager.get(`/api/reports/attendance?${RANGE}`).expect(200);
    const body = response.body;
    // c1-c7, n1, n2, n3, n5, b1 = 12 (not n4, not m1).
    expect(body.appointments).toBe(12);
    // c1 completed, c2 arrived.
    expect(body.arrivals).toEqual({ count: 2, of: 12, percent: 16.7 });
    // c3, c4, c5, c6, c7; late: c4, c5. "Sick", "sick " and "Sick" are one reason, shown as written most often.
    expect(body.cancellations).toEqual({
      total: 5,
      late: 2,
      byReason: [
        { reason: 'Sick', count: 3, late: 1 },
        { reason: 'Weather', count: 1, late: 1 },
        { reason: null, count: 1, late: 0 },
      ],
    });
    expect(body.noShows.total).toBe(4);
    // Thursday (4): n1, n2; Saturday (6): n5; Sunday (7): n3 at 23:30 local, though Monday in UTC.
    expect(body.noShows.byWeekday).toEqual([
      { weekday: 1, count: 0 },
      { weekday: 2, count: 0 },
      { weekday: 3, count: 0 },
      { weekday: 4, count: 2 },
      { weekday: 5, count: 0 },
      { weekday: 6, count: 1 },
      { weekday: 7, count: 1 },
    ]);
    expect(body.noShows.byHour).toHaveLength(24);
    expect(body.noShows.byHour.filter((cell: { count: number }) => cell.count > 0)).toEqual([
      { hour: 8, count: 1 },
      { hour: 9, count: 2 },
      { hour: 23, count: 1 },
    ]);
    expect(body.noShows.byWeekdayHour).toEqual([
      { weekday: 4, hour: 9, count: 2 },
      { weekday: 6, hour: 8, count: 1 },
      { weekday: 7, hour: 23, count: 1 },
    ]);
    expect(body.waitlist).toEqual({
      waiting: 3, // w3, w4, w7 (removed only after the cut-off)
      added: 2, // w2, w4
      left: 2, // w1, w2
      medianWaitDays: 17, // median of 31 and 3
      // median of 17.958 (w3), 3.542 (w4) and 8.625 (w7) days → 8.6
      medianCurrentWaitDays: 8.6,
    });
  });

  it('drills down to the cancellations of one reason, and of none', async () => {
    const sick = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=cancellations&reason=${encodeURIComponent(' SICK')}`).expect(200);
    expect(sick.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.c3, ids.c4, ids.c7]);
    expect(sick.body.items[1]).toMatchObject({ cancelReason: 'sick ', lateCancellation: true, status: 'cancelled' });
    const none = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=cancellations&reason=`).expect(200);
    expect(none.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.c6]);
    const late = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=lateCancellations`).expect(200);
    expect(late.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.c4, ids.c5]);
  });

  it('drills down to the no-shows of one local weekday and hour', async () => {
    const thursdayNine = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=noShows&weekday=4&hour=9`).expect(200);
    expect(thursdayNine.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.n1, ids.n2]);
    const sunday = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=noShows&weekday=7`).expect(200);
    expect(sunday.body.items).toEqual([expect.objectContaining({ appointmentId: ids.n3, startsAt: '2025-03-09T23:30:00-07:00' })]);
    const arrivals = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=arrivals`).expect(200);
    expect(arrivals.body.items.map((row: { appointmentId: string }) => row.appointmentId)).toEqual([ids.c1, ids.c2]);
    const all = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=appointments`).expect(200);
    expect(all.body.total).toBe(12);
  });

  it('drills down to the waitlist entries with their waits', async () => {
    const left = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=waitlistLeft`).expect(200);
    expect(left.body.kind).toBe('waitlist-entries');
    expect(left.body.items.map((row: { entryId: string; waitDays: number }) => [row.entryId, row.waitDays])).toEqual([
      [ids.w1, 31],
      [ids.w2, 3],
    ]);
    const waiting = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=waitlistWaiting`).expect(200);
    expect(waiting.body.items.map((row: { entryId: string; waitDays: number }) => [row.entryId, row.waitDays])).toEqual([
      [ids.w3, 18], // 17.958 → 18.0
      [ids.w7, 8.6],
      [ids.w4, 3.5],
    ]);
    expect(waiting.body.items[1]).toMatchObject({ addedAt: '2025-03-01T08:00:00-08:00', removedAt: '2025-03-12T08:00:00-07:00', patientName: 'Ada Lovelace' });
  });

  it("is for managers only, and a foreign clinic is not found", async () => {
    for (const email of [world.receptionist.email, world.physio.email, world.admin.email]) {
      const agent = await signIn(testApp, email);
      await agent.get(`/api/reports/attendance?${RANGE}`).expect(403);
      await agent.get(`/api/reports/attendance/drilldown?${RANGE}&metric=noShows`).expect(403);
    }
    const other = await createOrganisation(testApp.prisma);
    await manager.get(`/api/reports/attendance?${RANGE}&clinicId=${other.clinic.id}`).expect(404);
    await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=noShows&clinicId=${other.clinic.id}`).expect(404);
    await manager.get(`/api/reports/attendance/drilldown?${RANGE}&metric=noShows&weekday=8`).expect(400);
  });
});
