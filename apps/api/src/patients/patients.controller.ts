import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  AnonymisePatientRequest,
  ArchivePatientRequest,
  CreatePatientRequest,
  DuplicateCheckRequest,
  DuplicateCheckResponse,
  Id,
  Patient,
  PatientSearchQuery,
  PatientSearchResult,
  UnarchivePatientRequest,
  UpdatePatientRequest,
} from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { PatientsService } from './patients.service';
import { PatientSearchService } from './patient-search.service';
import { PatientLifecycleService } from './patient-lifecycle.service';

class PatientDto extends createZodDto(Patient) {}
class PatientSearchQueryDto extends createZodDto(PatientSearchQuery) {}
class PatientSearchResultDto extends createZodDto(PatientSearchResult) {}
class CreatePatientRequestDto extends createZodDto(CreatePatientRequest) {}
class UpdatePatientRequestDto extends createZodDto(UpdatePatientRequest) {}
class DuplicateCheckRequestDto extends createZodDto(DuplicateCheckRequest) {}
class DuplicateCheckResponseDto extends createZodDto(DuplicateCheckResponse) {}
class ArchivePatientRequestDto extends createZodDto(ArchivePatientRequest) {}
class UnarchivePatientRequestDto extends createZodDto(UnarchivePatientRequest) {}
class AnonymisePatientRequestDto extends createZodDto(AnonymisePatientRequest) {}
class PatientIdParamsDto extends createZodDto(z.object({ id: Id })) {}

/**
 * Patients belong to the organisation. The front desk and physiotherapists register and edit them; every role may
 * find and open them (demographics and yes/no flags only); managers and admins archive and anonymise.
 */
@ApiTags('patients')
@ApiNotFoundResponse({ description: 'Unknown id, or one of another organisation' })
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly patients: PatientsService,
    private readonly search: PatientSearchService,
    private readonly lifecycle: PatientLifecycleService,
  ) {}

  @Roles('receptionist', 'physiotherapist', 'manager', 'admin')
  @Get()
  @ApiOkResponse({ type: PatientSearchResultDto, description: 'Best match first; archived patients only with includeArchived=true' })
  find(@CurrentUser() user: RequestUser, @Query() query: PatientSearchQueryDto) {
    return this.search.search(user, query);
  }

  @Roles('receptionist', 'physiotherapist')
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body replays the first response; same key, other body: 422' })
  @ApiCreatedResponse({ type: PatientDto })
  @ApiConflictResponse({ description: 'Likely duplicates not acknowledged in acknowledgedDuplicateIds (named in `conflicts`)' })
  @ApiUnprocessableEntityResponse({ description: 'Idempotency-Key already used for a different request' })
  create(@CurrentUser() user: RequestUser, @Body() body: CreatePatientRequestDto, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.patients.create(user, body, idempotencyKey);
  }

  @Roles('receptionist', 'physiotherapist')
  @Post('duplicates')
  @HttpCode(200)
  @ApiOkResponse({ type: DuplicateCheckResponseDto, description: 'At most 10 candidates, strongest first' })
  duplicates(@CurrentUser() user: RequestUser, @Body() body: DuplicateCheckRequestDto) {
    return this.patients.findDuplicates(user, body);
  }

  @Roles('receptionist', 'physiotherapist', 'manager', 'admin')
  @Get(':id')
  @ApiOkResponse({ type: PatientDto, description: 'Audited as a read of the record' })
  get(@CurrentUser() user: RequestUser, @Param() params: PatientIdParamsDto) {
    return this.patients.get(user, params.id);
  }

  @Roles('receptionist', 'physiotherapist')
  @Patch(':id')
  @ApiOkResponse({ type: PatientDto, description: 'Stale version: 409, nothing changed; anonymised patient: 422' })
  update(@CurrentUser() user: RequestUser, @Param() params: PatientIdParamsDto, @Body() body: UpdatePatientRequestDto) {
    return this.patients.update(user, params.id, body);
  }

  @Roles('manager', 'admin')
  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: PatientDto, description: 'Out of search, history kept; 409 when already archived' })
  archive(@CurrentUser() user: RequestUser, @Param() params: PatientIdParamsDto, @Body() body: ArchivePatientRequestDto) {
    return this.lifecycle.archive(user, params.id, body);
  }

  @Roles('manager', 'admin')
  @Post(':id/unarchive')
  @HttpCode(200)
  @ApiOkResponse({ type: PatientDto, description: '409 when not archived; 422 for an anonymised patient' })
  unarchive(@CurrentUser() user: RequestUser, @Param() params: PatientIdParamsDto, @Body() body: UnarchivePatientRequestDto) {
    return this.lifecycle.unarchive(user, params.id, body);
  }

  @Roles('manager', 'admin')
  @Post(':id/anonymise')
  @HttpCode(200)
  @ApiOkResponse({ type: PatientDto, description: 'Irreversible: demographics rewritten, clinical history kept; 409 when already anonymised' })
  anonymise(@CurrentUser() user: RequestUser, @Param() params: PatientIdParamsDto, @Body() body: AnonymisePatientRequestDto) {
    return this.lifecycle.anonymise(user, params.id, body);
  }
}
