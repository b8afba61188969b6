import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CommitPatientImportRequest, CreatePatientImportRequest, Id, PatientImportProgress, PatientImportReport } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { PatientImportsService } from './patient-imports.service';
import { PatientImportCommitService } from './patient-import-commit.service';

class CreatePatientImportRequestDto extends createZodDto(CreatePatientImportRequest) {}
class CommitPatientImportRequestDto extends createZodDto(CommitPatientImportRequest) {}
class PatientImportReportDto extends createZodDto(PatientImportReport) {}
class PatientImportProgressDto extends createZodDto(PatientImportProgress) {}
class ImportIdParamsDto extends createZodDto(z.object({ id: Id })) {}

/** CSV import of patients by the front desk (and admins setting up a clinic): dry run, progress, commit. */
@ApiTags('patient-imports')
@Roles('receptionist', 'admin')
@Controller('patient-imports')
export class PatientImportsController {
  constructor(
    private readonly imports: PatientImportsService,
    private readonly commits: PatientImportCommitService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PatientImportReportDto, description: 'The dry run: every row validated, duplicates found; nothing imported yet' })
  @ApiBadRequestResponse({ description: 'Unreadable CSV, a mapped column missing from the header row, or a clinic not of your organisation' })
  @ApiPayloadTooLargeResponse({ description: 'The body is larger than 15 MB' })
  dryRun(@CurrentUser() actor: RequestUser, @Body() body: CreatePatientImportRequestDto): Promise<PatientImportReport> {
    return this.imports.dryRun(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: PatientImportProgressDto, description: 'Status and progress; poll it while a commit runs' })
  @ApiNotFoundResponse({ description: 'No such import in your organisation' })
  progress(@CurrentUser() actor: RequestUser, @Param() params: ImportIdParamsDto): Promise<PatientImportProgress> {
    return this.imports.progress(actor, params.id);
  }

  @Get(':id/report')
  @ApiOkResponse({ type: PatientImportReportDto, description: "The dry run's report again" })
  @ApiNotFoundResponse({ description: 'No such import in your organisation' })
  report(@CurrentUser() actor: RequestUser, @Param() params: ImportIdParamsDto): Promise<PatientImportReport> {
    return this.imports.report(actor, params.id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOkResponse({ type: PatientImportProgressDto, description: 'Committed: every row to insert is in, in one transaction' })
  @ApiNotFoundResponse({ description: 'No such import in your organisation' })
  @ApiConflictResponse({ description: 'Another commit of this import is running' })
  @ApiUnprocessableEntityResponse({ description: 'Rows with problems and skipInvalidRows not set; already committed; or the database refused a row (nothing imported)' })
  commit(@CurrentUser() actor: RequestUser, @Param() params: ImportIdParamsDto, @Body() body: CommitPatientImportRequestDto): Promise<PatientImportProgress> {
    return this.commits.commit(actor, params.id, body);
  }
}
