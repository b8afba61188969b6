import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { AppointmentTypeList, ClinicFilterQuery, ClinicList, RoomList } from '@ims/contracts';
import { SignedIn } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { ClinicSetupService } from './clinic-setup.service';

class ClinicListDto extends createZodDto(ClinicList) {}
class RoomListDto extends createZodDto(RoomList) {}
class AppointmentTypeListDto extends createZodDto(AppointmentTypeList) {}
class ClinicFilterQueryDto extends createZodDto(ClinicFilterQuery) {}

/** Clinics, rooms and appointment types the signed-in user may see (admins and managers: all of the organisation). */
@ApiTags('clinic set-up')
@SignedIn()
@Controller()
export class ClinicSetupController {
  constructor(private readonly setup: ClinicSetupService) {}

  @Get('clinics')
  @ApiOkResponse({ type: ClinicListDto })
  clinics(@CurrentUser() actor: RequestUser): Promise<ClinicListDto> {
    return this.setup.clinics(actor);
  }

  @Get('rooms')
  @ApiOkResponse({ type: RoomListDto })
  @ApiNotFoundResponse({ description: 'clinicId is not a clinic you may see' })
  rooms(@CurrentUser() actor: RequestUser, @Query() query: ClinicFilterQueryDto): Promise<RoomListDto> {
    return this.setup.rooms(actor, query.clinicId);
  }

  @Get('appointment-types')
  @ApiOkResponse({ type: AppointmentTypeListDto })
  @ApiNotFoundResponse({ description: 'clinicId is not a clinic you may see' })
  appointmentTypes(@CurrentUser() actor: RequestUser, @Query() query: ClinicFilterQueryDto): Promise<AppointmentTypeListDto> {
    return this.setup.appointmentTypes(actor, query.clinicId);
  }
}
