import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { ReportAppointmentRow } from '@ims/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { signIn, type SignedInAgent } from '../support/sign-in';
import { createOrganisation } from '../support/factories';
import { appointmentAt, createReportWorld, localInstant, outcomeRecord, reportClinician, reportPatient, reportPlan, type ReportWorld } from '../support/report-factories';

const rowsOf = (text: string) => parse(text, { bom: true }) as string[][];
const RANGE = 'from=2025-03-03&to=2025-03-09';
/** Enough rows for the export to take several cursor batches (1,000 rows each). */
const BULK = 2_500;

describe('report CSV exports', () => {
  let testApp: TestApp;
  let world: ReportWorld;
  let manager: SignedInAgent;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await startTestApp();
    const { prisma } = testApp;
    world = await createReportWorld(prisma);
    const clinician = await reportClinician(prisma, world, {
      name: 'Avery Adams',
      clinics: [world.clinic],
      hours: [{ clinic: world.clinic, weekday: 1, start: '09:00', end: '17:00' }],
    });
    ids.clinician = clinician.id;
    // Names and reasons a spreadsheet would run as formulas.
    const sly = await reportPatient(prisma, world, '=HYPERLINK("http://evil.test","x")', '+Smith');
    const plain = await reportPatient(prisma, world, 'Ada', 'Lovelace');
    ids.sly = sly.id;
    await appointmentAt(prisma, world, { clinicianId: clinician.id, patientId: sly.id, at: '2025-03-03T10:00', status: 'completed' });
    await appointmentAt(prisma, world, { clinicianId: clinician.id, patientId: plain.id, at: '2025-03-03T11:00', status: 'no_show' });
    await appointmentAt(prisma, world, { clinicianId: clinician.id, patientId: plain.id, at: '2025-03-04T09:00', status: 'cancelled', cancelReason: '@SUM(1+1)', late: true });
    await appointmentAt(prisma, world, { clinicianId: clinician.id, patientId: plain.id, at: '2025-03-04T10:00', status: 'cancelled', cancelReason: '-2+3' });

    const plan = await reportPlan(prisma, world, { patientId: plain.id, clinicianId: clinician.id, measure: 'NDI', status: 'active', startedOn: '2025-01-15' });
    await outcomeRecord(prisma, world, plan, { measure: 'NDI', timepoint: 'baseline', score: 30, at: '2025-01-15T10:00', recordedById: clinician.userId });
    await outcomeRecord(prisma, world, plan, { measure: 'NDI', timepoint: 'session', sessionNumber: 4, score: 20, at: '2025-02-12T10:00', recordedById: clinician.userId });

    // A clinic of its own for the bulk export: thousands of cancelled appointments (cancelled ones may overlap).
    const bulkClinic = await prisma.clinic.create({ data: { organisationId: world.organisationId, name: 'Bulk', timeZone: 'America/Vancouver' } });
    ids.bulkClinic = bulkClinic.id;
    const type = await prisma.appointmentType.create({ data: { organisationId: world.organisationId, clinicId: bulkClinic.id, name: 'Bulk', kind: 'treatment', durationMinutes: 30 } });
    const first = localInstant('America/Vancouver', '2025-03-03T08:00');
    await prisma.appointment.createMany({
      data: Array.from({ length: BULK }, (_, index) => {
        const startsAt = new Date(first.getTime() + index * 60_000);
        return {
          organisationId: world.organisationId,
          clinicId: bulkClinic.id,
          patientId: plain.id,
          clinicianId: clinician.id,
          appointmentTypeId: type.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          localStart: startsAt,
          timeZone: 'America/Vancouver',
          status: 'cancelled' as const,
          cancelReason: 'Bulk',
        };
      }),
    });

    manager = await signIn(testApp, world.manager.email);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('exports the caseload with Accept: text/csv as a named attachment, one line per clinician and a total', async () => {
    const json = (await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${world.clinic.id}`).expect(200)).body;
    const response = await manager.get(`/api/reports/caseload?${RANGE}&clinicId=${world.clinic.id}`).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="caseload-2025-03-03-to-2025-03-09.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, avery, total] = rowsOf(response.text);
    expect(header.slice(0, 6)).toEqual(['clinicianId', 'clinicianName', 'activePlans', 'patientsSeen', 'sessionsDelivered', 'bookedHours']);
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect(cell(avery, 'clinicianName')).toBe('Avery Adams');
    // One completed (1 patient, 0.5 h of 8 h on Monday = 6.25%), a no-show and a late cancellation: 3 due.
    expect([cell(avery, 'sessionsDelivered'), cell(avery, 'bookedHours'), cell(avery, 'utilisationPercent'), cell(avery, 'noShows'), cell(avery, 'noShowPercent')]).toEqual([
      '1',
      '0.5',
      '6.3',
      '1',
      '33.3',
    ]);
    expect(cell(total, 'clinicianName')).toBe('Total');
    expect(Number(cell(total, 'appointmentsDue'))).toBe(json.totals.appointmentsDue);
  });

  it('takes ?format=csv for a plain link, and ?format=json over the Accept header', async () => {
    const csv = await manager.get(`/api/reports/attendance?${RANGE}&clinicId=${world.clinic.id}&format=csv`).expect(200);
    expect(csv.headers['content-disposition']).toContain('attendance-2025-03-03-to-2025-03-09.csv');
    const lines = rowsOf(csv.text);
    expect(lines[0]).toEqual(['figure', 'detail', 'value']);
    expect(lines).toContainEqual(['appointments', '', '4']);
    // Reasons typed by people are text cells: neutralised.
    expect(lines).toContainEqual(['cancellations-by-reason', "'@SUM(1+1)", '1']);
    expect(lines).toContainEqual(['cancellations-by-reason', "'-2+3", '1']);
    const json = await manager.get(`/api/reports/attendance?${RANGE}&clinicId=${world.clinic.id}&format=json`).set('Accept', 'text/csv').expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  it('exports a drill-down with the contract columns, formula-like names neutralised, and its row count', async () => {
    const response = await manager
      .get(`/api/reports/attendance/drilldown?${RANGE}&clinicId=${world.clinic.id}&metric=appointments`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="attendance-appointments-2025-03-03-to-2025-03-09.csv"');
    expect(response.headers['x-total-count']).toBe('4');
    const [header, ...rows] = rowsOf(response.text);
    expect(header).toEqual(Object.keys(ReportAppointmentRow.shape));
    expect(rows).toHaveLength(4);
    const names = rows.map((row) => row[header.indexOf('patientName')]);
    expect(names[0]).toBe(`'=HYPERLINK("http://evil.test","x") +Smith`);
    expect(rows[0][header.indexOf('startsAt')]).toBe('2025-03-03T10:00:00-08:00');
    expect(rows[0][header.indexOf('lateCancellation')]).toBe('false');
    expect(rows.map((row) => row[header.indexOf('cancelReason')])).toEqual(['', '', "'@SUM(1+1)", "'-2+3"]);
  });

  it('keeps a negative change from baseline a number in the outcomes export', async () => {
    const response = await manager.get(`/api/reports/outcomes/drilldown?from=2025-03-01&to=2025-03-31&clinicId=${world.clinic.id}&metric=session4Measured&format=csv`).expect(200);
    const [header, row] = rowsOf(response.text);
    expect([row[header.indexOf('baselineScore')], row[header.indexOf('session4Score')], row[header.indexOf('session4Change')], row[header.indexOf('session4Responder')]]).toEqual([
      '30',
      '20',
      '-10',
      'true',
    ]);
  });

  it('streams thousands of rows in order over several cursor batches, and gives every connection back', async () => {
    const pool = poolOf(testApp);
    for (let run = 0; run < 7; run += 1) {
      const response = await manager.get(`/api/reports/attendance/drilldown?${RANGE}&clinicId=${ids.bulkClinic}&metric=cancellations&format=csv`).expect(200);
      const [, ...rows] = rowsOf(response.text);
      expect(rows).toHaveLength(BULK);
      if (run === 0) {
        const starts = rows.map((row) => row[1]);
        expect(starts[0]).toBe('2025-03-03T08:00:00-08:00');
        expect(starts[BULK - 1]).toBe('2025-03-05T01:39:00-08:00'); // 2,499 minutes later
      }
    }
    // Seven exports through a pool of five: none kept its connection.
    await waitUntil(() => pool.waitingCount === 0 && pool.idleCount === pool.totalCount);
  });

  it('frees the connection when the client walks away mid-download', async () => {
    const server = testApp.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const request = http.get(
        { port, host: '127.0.0.1', path: `/api/reports/attendance/drilldown?${RANGE}&clinicId=${ids.bulkClinic}&metric=appointments&format=csv`, headers: { Cookie: manager.cookie } },
        (response) => {
          expect(response.statusCode).toBe(200);
          response.once('data', () => {
            response.pause();
            request.destroy();
            resolve();
          });
        },
      );
      request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    });
    const pool = poolOf(testApp);
    await waitUntil(() => pool.waitingCount === 0 && pool.idleCount === pool.totalCount);
    await manager.get(`/api/reports/caseload?${RANGE}`).expect(200);
  });

  it('answers errors found before the first row as problem+json, also to a CSV request', async () => {
    const other = await createOrganisation(testApp.prisma);
    const response = await manager.get(`/api/reports/caseload/drilldown?${RANGE}&clinicId=${other.clinic.id}&metric=noShows`).set('Accept', 'text/csv').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const receptionist = await signIn(testApp, world.receptionist.email);
    await receptionist.get(`/api/reports/caseload?${RANGE}&format=csv`).expect(403);
  });
});

function poolOf(testApp: TestApp) {
  const raw = testApp.database.raw;
  if (raw.kind !== 'postgresql') throw new Error('the API tests run on PostgreSQL');
  return raw.pool;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
