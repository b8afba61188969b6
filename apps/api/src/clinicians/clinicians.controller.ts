import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  Clinician,
  ClinicianList,
  ClinicianListQuery,
  CreateAuthorisationRequest,
  CreateClinicianRequest,
  EndAuthorisationRequest,
  NeedlingAuthorisation,
  PutWorkingHoursRequest,
  UpdateClinicianRequest,
} from '@ims/contracts';
import { Roles, SignedIn } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { ClinicianService } from './clinicians.service';
import { ClinicianAuthorisationsService } from './clinician-authorisations.service';
import { ClinicianWorkingHoursService } from './clinician-working-hours.service';

class ClinicianDto extends createZodDto(Clinician) {}
class ClinicianListDto extends createZodDto(ClinicianList) {}
class ClinicianListQueryDto extends createZodDto(ClinicianListQuery) {}
class CreateClinicianRequestDto extends createZodDto(CreateClinicianRequest) {}
class UpdateClinicianRequestDto extends createZodDto(UpdateClinicianRequest) {}
class NeedlingAuthorisationDto extends createZodDto(NeedlingAuthorisation) {}
class CreateAuthorisationRequestDto extends createZodDto(CreateAuthorisationRequest) {}
class EndAuthorisationRequestDto extends createZodDto(EndAuthorisationRequest) {}
class PutWorkingHoursRequestDto extends createZodDto(PutWorkingHoursRequest) {}

/** Clinician profiles: everyone signed in may read them (booking needs them); only admins change them. */
@ApiTags('clinicians')
@ApiNotFoundResponse({ description: 'Unknown id, or one of another organisation' })
@Controller('clinicians')
export class CliniciansController {
  constructor(
    private readonly clinicians: ClinicianService,
    private readonly authorisations: ClinicianAuthorisationsService,
    private readonly workingHours: ClinicianWorkingHoursService,
  ) {}

  @SignedIn()
  @Get()
  @ApiOkResponse({ type: ClinicianListDto, description: 'Active clinicians of the organisation, or of `clinicId`' })
  list(@CurrentUser() user: RequestUser, @Query() query: ClinicianListQueryDto) {
    return this.clinicians.list(user, query);
  }

  @SignedIn()
  @Get(':id')
  @ApiOkResponse({ type: ClinicianDto })
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.clinicians.get(user, id);
  }

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: ClinicianDto, description: 'The user is now a clinician (422 without the physiotherapist role, 409 if already)' })
  create(@CurrentUser() user: RequestUser, @Body() body: CreateClinicianRequestDto) {
    return this.clinicians.create(user, body);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOkResponse({ type: ClinicianDto })
  update(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: UpdateClinicianRequestDto) {
    return this.clinicians.update(user, id, body);
  }

  @Roles('admin')
  @Post(':id/authorisations')
  @ApiCreatedResponse({ type: NeedlingAuthorisationDto })
  addAuthorisation(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: CreateAuthorisationRequestDto) {
    return this.authorisations.add(user, id, body);
  }

  @Roles('admin')
  @Post(':id/authorisations/:authorisationId/end')
  @HttpCode(200)
  @ApiOkResponse({ type: NeedlingAuthorisationDto, description: 'Ended on validTo; authorisations are never deleted' })
  endAuthorisation(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Param('authorisationId') authorisationId: string,
    @Body() body: EndAuthorisationRequestDto,
  ) {
    return this.authorisations.end(user, id, authorisationId, body);
  }

  @Roles('admin')
  @Put(':id/working-hours')
  @ApiOkResponse({ type: ClinicianDto, description: 'All weekly hours replaced in one transaction' })
  putWorkingHours(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: PutWorkingHoursRequestDto) {
    return this.workingHours.replace(user, id, body);
  }
}
