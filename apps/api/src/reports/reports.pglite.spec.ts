import { openPglite, type Database } from '@ims/prisma';
import { seedDemoClinic } from '@ims/prisma/seeds';
import { FastSql } from '../database/fast-sql';
import { attendanceCountsSql, cancellationReasonsSql, noShowGridSql, waitlistSql } from './attendance-sql';
import { caseloadDrilldownSql, caseloadSummarySql, type CaseloadFigureRow } from './caseload-sql';
import { outcomesDrilldownSql, outcomesSummarySql } from './outcomes-sql';
import { ReportRows } from './report-rows';
import type { ReportScope } from './report-scope';

/**
 * Demo mode runs on PGlite (embedded PostgreSQL, one connection, no cursors through the pool): every report statement
 * has to run there too, and exports fall back to reading page by page, which must still give every row once.
 */
describe('reports on PGlite (demo mode)', () => {
  let database: Database;
  let rows: ReportRows;
  let scope: ReportScope;

  beforeAll(async () => {
    database = await openPglite();
    await database.migrate();
    const { organisationId } = await seedDemoClinic(database.prisma, { now: new Date('2026-03-11T18:00:00Z') });
    const clinics = await database.prisma.clinic.findMany({ where: { organisationId }, select: { id: true, name: true, timeZone: true } });
    scope = { organisationId, clinics, from: '2026-02-01', to: '2026-03-31' };
    rows = new ReportRows(database, database.prisma, new FastSql(database, database.prisma));
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('runs the caseload, outcomes and attendance statements', async () => {
    const caseload = await rows.rows<CaseloadFigureRow>(caseloadSummarySql(scope));
    const total = caseload.find((row) => row.isTotal)!;
    expect(total.sessionsDelivered).toBeGreaterThan(0);
    expect(total.availableHours).toBeGreaterThan(0);
    expect(caseload.filter((row) => !row.isTotal).reduce((sum, row) => sum + row.sessionsDelivered, 0)).toBe(total.sessionsDelivered);
    expect(await rows.rows(outcomesSummarySql(scope, {}))).toEqual(expect.any(Array));
    for (const sql of [attendanceCountsSql(scope), cancellationReasonsSql(scope), noShowGridSql(scope), waitlistSql(scope)]) {
      expect(await rows.rows(sql)).toEqual(expect.any(Array));
    }
  });

  it('streams a drill-down page by page, every row once, as many as it counts', async () => {
    const { query } = caseloadDrilldownSql(scope, 'bookedHours');
    const total = await rows.count(query);
    expect(total).toBeGreaterThan(0);
    const stream = await rows.open<{ appointmentId: string }>(query);
    const seen: string[] = [];
    for await (const row of stream.rows) seen.push(row.appointmentId);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const outcomes = outcomesDrilldownSql(scope, 'plans', {});
    expect((await rows.page(outcomes, 1, 5)).items.length).toBeLessThanOrEqual(5);
  });
});
