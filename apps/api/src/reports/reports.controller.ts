import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  AttendanceDrilldownQuery,
  AttendanceReport,
  AttendanceReportQuery,
  CaseloadDrilldownQuery,
  CaseloadReport,
  CaseloadReportQuery,
  OutcomesDrilldownQuery,
  OutcomesReport,
  OutcomesReportQuery,
  ReportDrilldown,
} from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { AttendanceReportService } from './attendance-report.service';
import { CaseloadReportService } from './caseload-report.service';
import { OutcomesReportService } from './outcomes-report.service';
import { Output, type ReportOutput } from './report-output';

class CaseloadReportQueryDto extends createZodDto(CaseloadReportQuery) {}
class CaseloadReportDto extends createZodDto(CaseloadReport) {}
class CaseloadDrilldownQueryDto extends createZodDto(CaseloadDrilldownQuery) {}
class OutcomesReportQueryDto extends createZodDto(OutcomesReportQuery) {}
class OutcomesReportDto extends createZodDto(OutcomesReport) {}
class OutcomesDrilldownQueryDto extends createZodDto(OutcomesDrilldownQuery) {}
class AttendanceReportQueryDto extends createZodDto(AttendanceReportQuery) {}
class AttendanceReportDto extends createZodDto(AttendanceReport) {}
class AttendanceDrilldownQueryDto extends createZodDto(AttendanceDrilldownQuery) {}
/** A union (one page shape per kind of row) has no static members TypeScript can extend; its DTO is extended untyped. */
class ReportDrilldownDto extends (createZodDto(ReportDrilldown) as unknown as new () => object) {}

const CSV_NOTE = 'JSON, or CSV streamed with `Accept: text/csv` or `?format=csv` (text cells starting with = + - @ are prefixed with a quote).';

/**
 * Managers' reports (domain.md "Who does what": managers review caseloads, outcomes and waitlists, and export them).
 * Admins set the clinic up and physiotherapists and receptionists run it; none of them reads reports unless they
 * also hold the manager role. Every figure has a drill-down listing the rows behind it.
 */
@ApiTags('reports')
@ApiNotFoundResponse({ description: 'A clinicId (or clinicianId) of another organisation, or unknown' })
@ApiProduces('application/json', 'text/csv')
@Roles('manager')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly caseload: CaseloadReportService,
    private readonly outcomes: OutcomesReportService,
    private readonly attendance: AttendanceReportService,
  ) {}

  @Get('caseload')
  @ApiOkResponse({ type: CaseloadReportDto, description: `Per clinician and in total. ${CSV_NOTE}` })
  caseloadReport(@CurrentUser() user: RequestUser, @Query() query: CaseloadReportQueryDto, @Output() output: ReportOutput) {
    return output.csv ? output.send(this.caseload.csv(user, query)) : this.caseload.report(user, query);
  }

  @Get('caseload/drilldown')
  @ApiOkResponse({ type: ReportDrilldownDto, description: `The appointments, patients, plans or working periods behind one figure. ${CSV_NOTE}` })
  caseloadDrilldown(@CurrentUser() user: RequestUser, @Query() query: CaseloadDrilldownQueryDto, @Output() output: ReportOutput) {
    return output.csv ? output.send(this.caseload.drilldownCsv(user, query)) : this.caseload.drilldown(user, query);
  }

  @Get('outcomes')
  @ApiOkResponse({ type: OutcomesReportDto, description: `By condition and primary measure. ${CSV_NOTE}` })
  outcomesReport(@CurrentUser() user: RequestUser, @Query() query: OutcomesReportQueryDto, @Output() output: ReportOutput) {
    return output.csv ? output.send(this.outcomes.csv(user, query)) : this.outcomes.report(user, query);
  }

  @Get('outcomes/drilldown')
  @ApiOkResponse({ type: ReportDrilldownDto, description: `The plans behind one outcomes figure. ${CSV_NOTE}` })
  outcomesDrilldown(@CurrentUser() user: RequestUser, @Query() query: OutcomesDrilldownQueryDto, @Output() output: ReportOutput) {
    return output.csv ? output.send(this.outcomes.drilldownCsv(user, query)) : this.outcomes.drilldown(user, query);
  }

  @Get('attendance')
  @ApiOkResponse({ type: AttendanceReportDto, description: `Arrivals, cancellations, no-shows and the waitlist. ${CSV_NOTE}` })
  attendanceReport(@CurrentUser() user: RequestUser, @Query() query: AttendanceReportQueryDto, @Output() output: ReportOutput) {
    return output.csv ? output.send(this.attendance.csv(user, query)) : this.attendance.report(user, query);
  }

  @Get('attendance/drilldown')
  @ApiOkResponse({ type: ReportDrilldownDto, description: `The appointments or waitlist entries behind one figure. ${CSV_NOTE}` })
  attendanceDrilldown(@CurrentUser() user: RequestUser, @Query() query: AttendanceDrilldownQueryDto, @Output() output: ReportOutput) {
    return output.csv ? output.send(this.attendance.drilldownCsv(user, query)) : this.attendance.drilldown(user, query);
  }
}
