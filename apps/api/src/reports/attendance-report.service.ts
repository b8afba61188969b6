import { Injectable } from '@nestjs/common';
import type { AttendanceDrilldownQuery, AttendanceReport, AttendanceReportQuery, ReportDrilldown } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import type { z } from 'zod';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { attendanceCountsSql, attendanceDrilldownSql, cancellationReasonsSql, noShowGridSql, waitlistSql } from './attendance-sql';
import { csvFilename, type CsvExport } from './csv-export';
import { auditReportRead } from './report-audit';
import { ReportDrilldowns, type DrilldownRequest } from './report-drilldowns';
import { roundOrNull, share } from './report-figures';
import { ReportRows } from './report-rows';
import { resolveReportScope, scopeDetail, type ReportScope } from './report-scope';

type SummaryQuery = z.output<typeof AttendanceReportQuery>;
type DrilldownQuery = z.output<typeof AttendanceDrilldownQuery>;

interface Counts {
  appointments: number;
  arrivals: number;
  cancellations: number;
  lateCancellations: number;
  noShows: number;
}
interface NoShowCell {
  weekday: number | null;
  hour: number | null;
  count: number;
  allWeekdays: boolean;
  allHours: boolean;
}
type WaitlistFigures = AttendanceReport['waitlist'];

const NO_COUNTS: Counts = { appointments: 0, arrivals: 0, cancellations: 0, lateCancellations: 0, noShows: 0 };
const NO_WAITLIST: WaitlistFigures = { waiting: 0, added: 0, left: 0, medianWaitDays: null, medianCurrentWaitDays: null };

/** Who came, who cancelled and why, when no-shows happen, and how long the waitlist is. */
@Injectable()
export class AttendanceReportService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly rows: ReportRows,
    private readonly drilldowns: ReportDrilldowns,
    private readonly audit: AuditService,
  ) {}

  async report(user: RequestUser, query: SummaryQuery, format: 'json' | 'csv' = 'json'): Promise<AttendanceReport> {
    const scope = await resolveReportScope(this.rows, user, query);
    const { counts, reasons, grid, waitlist } = await this.figures(scope);
    await auditReportRead(this.audit, user, 'attendance', { ...scopeDetail(scope), format });
    const cell = (weekday: number | null, hour: number | null) =>
      grid.find((row) => (weekday === null ? row.allWeekdays : row.weekday === weekday) && (hour === null ? row.allHours : row.hour === hour))?.count ?? 0;
    return {
      from: scope.from,
      to: scope.to,
      clinics: scope.clinics,
      generatedAt: new Date().toISOString(),
      appointments: counts.appointments,
      arrivals: share(counts.arrivals, counts.appointments),
      cancellations: { total: counts.cancellations, late: counts.lateCancellations, byReason: reasons },
      noShows: {
        total: counts.noShows,
        byWeekday: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, count: cell(weekday, null) })),
        byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: cell(null, hour) })),
        byWeekdayHour: grid
          .filter((row) => !row.allWeekdays && !row.allHours)
          .map((row) => ({ weekday: row.weekday!, hour: row.hour!, count: row.count })),
      },
      waitlist: { ...waitlist, medianWaitDays: roundOrNull(waitlist.medianWaitDays, 1), medianCurrentWaitDays: roundOrNull(waitlist.medianCurrentWaitDays, 1) },
    };
  }

  /** The report as CSV in long form: one line per figure (`figure`, `detail`, `value`). */
  async csv(user: RequestUser, query: SummaryQuery): Promise<CsvExport> {
    const report = await this.report(user, query, 'csv');
    const line = (figure: string, value: number | null, detail: string | number | null = null) => ({ figure, detail, value });
    const lines = [
      line('appointments', report.appointments),
      line('arrivals', report.arrivals.count),
      line('cancellations', report.cancellations.total),
      line('late-cancellations', report.cancellations.late),
      ...report.cancellations.byReason.map((reason) => line('cancellations-by-reason', reason.count, reason.reason)),
      line('no-shows', report.noShows.total),
      ...report.noShows.byWeekday.map((day) => line('no-shows-by-weekday', day.count, day.weekday)),
      ...report.noShows.byHour.map((hour) => line('no-shows-by-hour', hour.count, hour.hour)),
      line('waitlist-waiting', report.waitlist.waiting),
      line('waitlist-added', report.waitlist.added),
      line('waitlist-left', report.waitlist.left),
      line('waitlist-median-wait-days', report.waitlist.medianWaitDays),
      line('waitlist-median-current-wait-days', report.waitlist.medianCurrentWaitDays),
    ];
    return { filename: csvFilename('attendance', report), columns: ['figure', 'detail', 'value'], rows: lines };
  }

  async drilldown(user: RequestUser, query: DrilldownQuery): Promise<ReportDrilldown> {
    return this.drilldowns.page(user, await this.drilldownRequest(user, query), { page: query.page, pageSize: query.pageSize });
  }

  async drilldownCsv(user: RequestUser, query: DrilldownQuery): Promise<CsvExport> {
    return this.drilldowns.csv(user, await this.drilldownRequest(user, query));
  }

  private async figures(scope: ReportScope) {
    if (scope.clinics.length === 0) return { counts: NO_COUNTS, reasons: [], grid: [] as NoShowCell[], waitlist: NO_WAITLIST };
    const [[counts], reasons, grid, [waitlist]] = await Promise.all([
      this.rows.rows<Counts>(attendanceCountsSql(scope)),
      this.rows.rows<{ reason: string | null; count: number; late: number }>(cancellationReasonsSql(scope)),
      this.rows.rows<NoShowCell>(noShowGridSql(scope)),
      this.rows.rows<WaitlistFigures>(waitlistSql(scope)),
    ]);
    return { counts: counts ?? NO_COUNTS, reasons, grid, waitlist: waitlist ?? NO_WAITLIST };
  }

  private async drilldownRequest(user: RequestUser, query: DrilldownQuery): Promise<DrilldownRequest> {
    const scope = await resolveReportScope(this.rows, user, query);
    const filter = { reason: query.reason, weekday: query.weekday, hour: query.hour };
    const { kind, query: rowQuery } = attendanceDrilldownSql(scope, query.metric, filter);
    return {
      report: 'attendance',
      metric: query.metric,
      scope,
      kind,
      query: rowQuery,
      filters: { reason: query.reason ?? null, weekday: query.weekday ?? null, hour: query.hour ?? null },
    };
  }
}
