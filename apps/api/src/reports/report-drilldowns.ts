import { Injectable } from '@nestjs/common';
import {
  ReportAppointmentRow,
  ReportOutcomePlanRow,
  ReportPatientRow,
  ReportPlanRow,
  ReportWaitlistRow,
  ReportWorkingPeriodRow,
  type ReportDrilldown,
  type ReportDrilldownKind,
} from '@ims/contracts';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { csvFilename, type CsvExport } from './csv-export';
import type { RowQuery } from './drilldown-rows';
import { auditReportRead } from './report-audit';
import { ReportRows } from './report-rows';
import { scopeDetail, type ReportScope } from './report-scope';

/** CSV columns of each kind of row: the contract's own fields, in its order, so JSON and CSV never drift apart. */
const COLUMNS: Record<ReportDrilldownKind, readonly string[]> = {
  appointments: Object.keys(ReportAppointmentRow.shape),
  plans: Object.keys(ReportPlanRow.shape),
  patients: Object.keys(ReportPatientRow.shape),
  'working-periods': Object.keys(ReportWorkingPeriodRow.shape),
  'outcome-plans': Object.keys(ReportOutcomePlanRow.shape),
  'waitlist-entries': Object.keys(ReportWaitlistRow.shape),
};

export interface DrilldownRequest {
  /** caseload, outcomes or attendance. */
  report: string;
  metric: string;
  scope: ReportScope;
  kind: ReportDrilldownKind;
  query: RowQuery;
  /** The filters beyond range and clinics, for the audit trail (clinician, condition, reason...). */
  filters: Record<string, unknown>;
}

/** Serves any drill-down as a JSON page or a streamed CSV, audited either way. */
@Injectable()
export class ReportDrilldowns {
  constructor(
    private readonly rows: ReportRows,
    private readonly audit: AuditService,
  ) {}

  async page(user: RequestUser, request: DrilldownRequest, paging: { page: number; pageSize: number }): Promise<ReportDrilldown> {
    const { items, total } = await this.rows.page<{ patientId?: string }>(request.query, paging.page, paging.pageSize);
    const patientIds = items.flatMap((item) => (item.patientId ? [item.patientId] : []));
    await auditReportRead(this.audit, user, `${request.report}/drilldown`, this.detail(request, 'json'), patientIds);
    return { metric: request.metric, kind: request.kind, items, total, ...paging } as ReportDrilldown;
  }

  /** Every row, streamed; `X-Total-Count` tells a progress bar how many rows to expect. */
  async csv(user: RequestUser, request: DrilldownRequest): Promise<CsvExport> {
    const total = await this.rows.count(request.query);
    await auditReportRead(this.audit, user, `${request.report}/drilldown`, { ...this.detail(request, 'csv'), rows: total });
    const stream = await this.rows.open<object>(request.query);
    return {
      filename: csvFilename(request.report, request.scope, request.metric),
      columns: COLUMNS[request.kind],
      rows: stream.rows,
      close: stream.close,
      headers: { 'X-Total-Count': String(total) },
    };
  }

  private detail(request: DrilldownRequest, format: 'json' | 'csv') {
    return { ...scopeDetail(request.scope), metric: request.metric, ...request.filters, format };
  }
}
