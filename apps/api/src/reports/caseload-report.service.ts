import { Injectable } from '@nestjs/common';
import type { CaseloadDrilldownQuery, CaseloadFigures, CaseloadReport, CaseloadReportQuery, ReportDrilldown } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import type { z } from 'zod';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { NotFoundError } from '../common/problem/domain-errors';
import { caseloadDrilldownSql, caseloadSummarySql, type CaseloadFigureRow } from './caseload-sql';
import { csvFilename, type CsvExport } from './csv-export';
import { auditReportRead } from './report-audit';
import { ReportDrilldowns, type DrilldownRequest } from './report-drilldowns';
import { percentOf, roundOrNull, roundTo, share } from './report-figures';
import { ReportRows } from './report-rows';
import { resolveReportScope, scopeDetail } from './report-scope';

type SummaryQuery = z.output<typeof CaseloadReportQuery>;
type DrilldownQuery = z.output<typeof CaseloadDrilldownQuery>;

/** Caseload per clinician: what was delivered, how full the hours were, who did not come, how courses end. */
@Injectable()
export class CaseloadReportService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly rows: ReportRows,
    private readonly drilldowns: ReportDrilldowns,
    private readonly audit: AuditService,
  ) {}

  async report(user: RequestUser, query: SummaryQuery, format: 'json' | 'csv' = 'json'): Promise<CaseloadReport> {
    const scope = await resolveReportScope(this.rows, user, query);
    const figures = scope.clinics.length > 0 ? await this.rows.rows<CaseloadFigureRow>(caseloadSummarySql(scope)) : [];
    await auditReportRead(this.audit, user, 'caseload', { ...scopeDetail(scope), format });
    const total = figures.find((row) => row.isTotal);
    return {
      from: scope.from,
      to: scope.to,
      clinics: scope.clinics,
      generatedAt: new Date().toISOString(),
      clinicians: figures
        .filter((row) => !row.isTotal && row.clinicianId)
        .map((row) => ({ clinicianId: row.clinicianId!, clinicianName: row.clinicianName ?? '', ...toFigures(row) })),
      totals: toFigures(total ?? EMPTY),
    };
  }

  /** The report as CSV: one line per clinician, then a Total line. */
  async csv(user: RequestUser, query: SummaryQuery): Promise<CsvExport> {
    const report = await this.report(user, query, 'csv');
    const lines = [...report.clinicians, { clinicianId: '', clinicianName: 'Total', ...report.totals }].map(flatten);
    return { filename: csvFilename('caseload', report), columns: CASELOAD_COLUMNS, rows: lines };
  }

  async drilldown(user: RequestUser, query: DrilldownQuery): Promise<ReportDrilldown> {
    return this.drilldowns.page(user, await this.drilldownRequest(user, query), { page: query.page, pageSize: query.pageSize });
  }

  async drilldownCsv(user: RequestUser, query: DrilldownQuery): Promise<CsvExport> {
    return this.drilldowns.csv(user, await this.drilldownRequest(user, query));
  }

  private async drilldownRequest(user: RequestUser, query: DrilldownQuery): Promise<DrilldownRequest> {
    const scope = await resolveReportScope(this.rows, user, query);
    if (query.clinicianId) {
      const clinician = await this.prisma.clinician.findFirst({ where: { id: query.clinicianId, organisationId: user.organisationId }, select: { id: true } });
      if (!clinician) throw new NotFoundError('clinician', query.clinicianId);
    }
    const { kind, query: rowQuery } = caseloadDrilldownSql(scope, query.metric, query.clinicianId);
    return { report: 'caseload', metric: query.metric, scope, kind, query: rowQuery, filters: { clinicianId: query.clinicianId ?? null } };
  }
}

const EMPTY: CaseloadFigureRow = {
  isTotal: true,
  clinicianId: null,
  clinicianName: null,
  patientsSeen: 0,
  sessionsDelivered: 0,
  bookedHours: 0,
  appointmentsDue: 0,
  noShows: 0,
  lateCancellations: 0,
  availableHours: 0,
  activePlans: 0,
  completedCourses: 0,
  averageSessionsPerCompletedCourse: null,
  discontinuedCourses: 0,
  stalledCourses: 0,
  reviewDue: 0,
};

/** The counted figures with their rates; rates of the totals come from the added-up counts, never from averaged rates. */
function toFigures(row: CaseloadFigureRow): CaseloadFigures {
  const ended = row.completedCourses + row.discontinuedCourses + row.stalledCourses;
  return {
    activePlans: row.activePlans,
    patientsSeen: row.patientsSeen,
    sessionsDelivered: row.sessionsDelivered,
    bookedHours: roundTo(row.bookedHours, 2),
    availableHours: roundTo(row.availableHours, 2),
    utilisationPercent: percentOf(row.bookedHours, row.availableHours),
    appointmentsDue: row.appointmentsDue,
    noShows: share(row.noShows, row.appointmentsDue),
    lateCancellations: share(row.lateCancellations, row.appointmentsDue),
    completedCourses: row.completedCourses,
    averageSessionsPerCompletedCourse: roundOrNull(row.averageSessionsPerCompletedCourse, 1),
    discontinuedCourses: row.discontinuedCourses,
    stalledCourses: row.stalledCourses,
    completion: share(row.completedCourses, ended),
    dropOut: share(row.discontinuedCourses + row.stalledCourses, ended),
    reviewDue: row.reviewDue,
  };
}

const CASELOAD_COLUMNS = [
  'clinicianId',
  'clinicianName',
  'activePlans',
  'patientsSeen',
  'sessionsDelivered',
  'bookedHours',
  'availableHours',
  'utilisationPercent',
  'appointmentsDue',
  'noShows',
  'noShowPercent',
  'lateCancellations',
  'lateCancellationPercent',
  'completedCourses',
  'averageSessionsPerCompletedCourse',
  'discontinuedCourses',
  'stalledCourses',
  'completionPercent',
  'dropOutPercent',
  'reviewDue',
] as const;

function flatten(row: CaseloadFigures & { clinicianId: string; clinicianName: string }) {
  return {
    ...row,
    noShows: row.noShows.count,
    noShowPercent: row.noShows.percent,
    lateCancellations: row.lateCancellations.count,
    lateCancellationPercent: row.lateCancellations.percent,
    completionPercent: row.completion.percent,
    dropOutPercent: row.dropOut.percent,
  };
}
