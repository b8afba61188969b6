import { Injectable } from '@nestjs/common';
import {
  outcomeInstrument,
  type OutcomeMeasure,
  type OutcomesConditionRow,
  type OutcomesDrilldownQuery,
  type OutcomesReport,
  type OutcomesReportQuery,
  type ReportDrilldown,
} from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import type { z } from 'zod';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { csvFilename, type CsvExport } from './csv-export';
import { outcomesDrilldownSql, outcomesSummarySql } from './outcomes-sql';
import { auditReportRead } from './report-audit';
import { ReportDrilldowns, type DrilldownRequest } from './report-drilldowns';
import { roundOrNull, share } from './report-figures';
import { ReportRows } from './report-rows';
import { resolveReportScope, scopeDetail } from './report-scope';

type SummaryQuery = z.output<typeof OutcomesReportQuery>;
type DrilldownQuery = z.output<typeof OutcomesDrilldownQuery>;

interface OutcomesFigureRow {
  condition: OutcomesConditionRow['condition'];
  measure: OutcomeMeasure;
  plans: number;
  plansWithBaseline: number;
  session4Responders: number;
  session4Measured: number;
  session4MeanChange: number | null;
  dischargeResponders: number;
  dischargeMeasured: number;
  dischargeMeanChange: number | null;
}

/** Outcomes by condition and primary measure: responders at session 4 and at discharge, with their counts. */
@Injectable()
export class OutcomesReportService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly rows: ReportRows,
    private readonly drilldowns: ReportDrilldowns,
    private readonly audit: AuditService,
  ) {}

  async report(user: RequestUser, query: SummaryQuery, format: 'json' | 'csv' = 'json'): Promise<OutcomesReport> {
    const scope = await resolveReportScope(this.rows, user, query);
    const figures = scope.clinics.length > 0 ? await this.rows.rows<OutcomesFigureRow>(outcomesSummarySql(scope, { condition: query.condition })) : [];
    await auditReportRead(this.audit, user, 'outcomes', { ...scopeDetail(scope), condition: query.condition ?? null, format });
    return { from: scope.from, to: scope.to, clinics: scope.clinics, generatedAt: new Date().toISOString(), rows: figures.map(toRow) };
  }

  async csv(user: RequestUser, query: SummaryQuery): Promise<CsvExport> {
    const report = await this.report(user, query, 'csv');
    const lines = report.rows.map((row) => ({
      condition: row.condition,
      measure: row.measure,
      direction: row.direction,
      plans: row.plans,
      plansWithBaseline: row.plansWithBaseline,
      session4Responders: row.session4.responders.count,
      session4Measured: row.session4.responders.of,
      session4ResponderPercent: row.session4.responders.percent,
      session4MeanChange: row.session4.meanChange,
      dischargeResponders: row.discharge.responders.count,
      dischargeMeasured: row.discharge.responders.of,
      dischargeResponderPercent: row.discharge.responders.percent,
      dischargeMeanChange: row.discharge.meanChange,
    }));
    return { filename: csvFilename('outcomes', report), columns: OUTCOMES_COLUMNS, rows: lines };
  }

  async drilldown(user: RequestUser, query: DrilldownQuery): Promise<ReportDrilldown> {
    return this.drilldowns.page(user, await this.drilldownRequest(user, query), { page: query.page, pageSize: query.pageSize });
  }

  async drilldownCsv(user: RequestUser, query: DrilldownQuery): Promise<CsvExport> {
    return this.drilldowns.csv(user, await this.drilldownRequest(user, query));
  }

  private async drilldownRequest(user: RequestUser, query: DrilldownQuery): Promise<DrilldownRequest> {
    const scope = await resolveReportScope(this.rows, user, query);
    const filter = { condition: query.condition, measure: query.measure };
    return {
      report: 'outcomes',
      metric: query.metric,
      scope,
      kind: 'outcome-plans',
      query: outcomesDrilldownSql(scope, query.metric, filter),
      filters: { condition: query.condition ?? null, measure: query.measure ?? null },
    };
  }
}

const OUTCOMES_COLUMNS = [
  'condition',
  'measure',
  'direction',
  'plans',
  'plansWithBaseline',
  'session4Responders',
  'session4Measured',
  'session4ResponderPercent',
  'session4MeanChange',
  'dischargeResponders',
  'dischargeMeasured',
  'dischargeResponderPercent',
  'dischargeMeanChange',
];

function toRow(row: OutcomesFigureRow): OutcomesConditionRow {
  return {
    condition: row.condition,
    measure: row.measure,
    direction: outcomeInstrument(row.measure).direction,
    plans: row.plans,
    plansWithBaseline: row.plansWithBaseline,
    session4: { responders: share(row.session4Responders, row.session4Measured), meanChange: roundOrNull(row.session4MeanChange, 1) },
    discharge: { responders: share(row.dischargeResponders, row.dischargeMeasured), meanChange: roundOrNull(row.dischargeMeanChange, 1) },
  };
}
