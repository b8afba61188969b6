import { Module } from '@nestjs/common';
import { AttendanceReportService } from './attendance-report.service';
import { CaseloadReportService } from './caseload-report.service';
import { OutcomesReportService } from './outcomes-report.service';
import { ReportDrilldowns } from './report-drilldowns';
import { ReportRows } from './report-rows';
import { ReportsController } from './reports.controller';

/** Managers' reports (caseload, outcomes, attendance and waitlist), their drill-downs and CSV exports. */
@Module({
  controllers: [ReportsController],
  providers: [CaseloadReportService, OutcomesReportService, AttendanceReportService, ReportDrilldowns, ReportRows],
})
export class ReportsModule {}
