import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  AppointmentType,
  Clinic,
  CreateAppointmentTypeRequest,
  CreateRoomRequest,
  CreateTimeOffRequest,
  OpeningHours,
  PutOpeningHoursRequest,
  Room,
  TimeOff,
  TimeOffList,
  UpdateAppointmentTypeRequest,
  UpdateClinicRequest,
  UpdateRoomRequest,
} from '@ims/contracts';
import { Roles, SignedIn } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { OpeningHoursService } from './opening-hours.service';
import { TimeOffService } from './time-off.service';
import { RoomsAndTypesService } from './rooms-and-types.service';

class ClinicDto extends createZodDto(Clinic) {}
class UpdateClinicRequestDto extends createZodDto(UpdateClinicRequest) {}
class OpeningHoursDto extends createZodDto(OpeningHours) {}
class PutOpeningHoursRequestDto extends createZodDto(PutOpeningHoursRequest) {}
class TimeOffDto extends createZodDto(TimeOff) {}
class TimeOffListDto extends createZodDto(TimeOffList) {}
class CreateTimeOffRequestDto extends createZodDto(CreateTimeOffRequest) {}
class RoomDto extends createZodDto(Room) {}
class CreateRoomRequestDto extends createZodDto(CreateRoomRequest) {}
class UpdateRoomRequestDto extends createZodDto(UpdateRoomRequest) {}
class AppointmentTypeDto extends createZodDto(AppointmentType) {}
class CreateAppointmentTypeRequestDto extends createZodDto(CreateAppointmentTypeRequest) {}
class UpdateAppointmentTypeRequestDto extends createZodDto(UpdateAppointmentTypeRequest) {}

/** The set-up booking rules rest on: opening hours, time off, rooms and appointment types. Admins write it. */
@ApiTags('clinic set-up')
@ApiNotFoundResponse({ description: 'Unknown id, or one of another organisation' })
@Controller()
export class SchedulingSetupController {
  constructor(
    private readonly openingHours: OpeningHoursService,
    private readonly timeOff: TimeOffService,
    private readonly setup: RoomsAndTypesService,
  ) {}

  @Roles('admin')
  @Patch('clinics/:id')
  @ApiOkResponse({ type: ClinicDto, description: 'Name, time zone, address, phone, late-cancellation notice; last write wins' })
  updateClinic(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: UpdateClinicRequestDto) {
    return this.setup.updateClinic(user, id, body);
  }

  @SignedIn()
  @Get('clinics/:id/opening-hours')
  @ApiOkResponse({ type: OpeningHoursDto })
  getOpeningHours(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.openingHours.get(user, id);
  }

  @Roles('admin')
  @Put('clinics/:id/opening-hours')
  @ApiOkResponse({ type: OpeningHoursDto, description: 'All weekly opening hours replaced in one transaction' })
  putOpeningHours(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: PutOpeningHoursRequestDto) {
    return this.openingHours.replace(user, id, body);
  }

  @SignedIn()
  @Get('clinicians/:id/time-off')
  @ApiOkResponse({ type: TimeOffListDto, description: 'Time off ending within the last 90 days or later' })
  listTimeOff(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.timeOff.list(user, id);
  }

  @Roles('admin', 'physiotherapist')
  @Post('clinicians/:id/time-off')
  @ApiCreatedResponse({ type: TimeOffDto, description: "Admins record anyone's; a physiotherapist only their own (403 otherwise)" })
  addTimeOff(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: CreateTimeOffRequestDto) {
    return this.timeOff.add(user, id, body);
  }

  @Roles('admin')
  @Delete('clinicians/:id/time-off/:timeOffId')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeTimeOff(@CurrentUser() user: RequestUser, @Param('id') id: string, @Param('timeOffId') timeOffId: string) {
    return this.timeOff.remove(user, id, timeOffId);
  }

  @Roles('admin')
  @Post('rooms')
  @ApiCreatedResponse({ type: RoomDto })
  @ApiConflictResponse({ description: 'The clinic already has a room of that name' })
  createRoom(@CurrentUser() user: RequestUser, @Body() body: CreateRoomRequestDto) {
    return this.setup.createRoom(user, body);
  }

  @Roles('admin')
  @Patch('rooms/:id')
  @ApiOkResponse({ type: RoomDto, description: 'Rename, or retire with active: false' })
  @ApiConflictResponse({ description: 'The clinic already has a room of that name' })
  updateRoom(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: UpdateRoomRequestDto) {
    return this.setup.updateRoom(user, id, body);
  }

  @Roles('admin')
  @Post('appointment-types')
  @ApiCreatedResponse({ type: AppointmentTypeDto })
  @ApiConflictResponse({ description: 'The clinic already has a type of that name' })
  createType(@CurrentUser() user: RequestUser, @Body() body: CreateAppointmentTypeRequestDto) {
    return this.setup.createType(user, body);
  }

  @Roles('admin')
  @Patch('appointment-types/:id')
  @ApiOkResponse({ type: AppointmentTypeDto, description: 'A new duration applies to later bookings; retire with active: false' })
  @ApiConflictResponse({ description: 'The clinic already has a type of that name' })
  updateType(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: UpdateAppointmentTypeRequestDto) {
    return this.setup.updateType(user, id, body);
  }
}
