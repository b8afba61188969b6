import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  Appointment,
  AppointmentHistory,
  AppointmentList,
  AppointmentListQuery,
  AppointmentStatusChangeRequest,
  CancelAppointmentRequest,
  CreateAppointmentRequest,
  MoveAppointmentRequest,
} from '@ims/contracts';
import { Roles, SignedIn } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { AppointmentBookingService } from './appointment-booking.service';
import { AppointmentMoveService } from './appointment-move.service';
import { AppointmentLifecycleService } from './appointment-lifecycle.service';
import { AppointmentQueryService } from './appointment-query.service';

class AppointmentDto extends createZodDto(Appointment) {}
class AppointmentListDto extends createZodDto(AppointmentList) {}
class AppointmentListQueryDto extends createZodDto(AppointmentListQuery) {}
class AppointmentHistoryDto extends createZodDto(AppointmentHistory) {}
class CreateAppointmentRequestDto extends createZodDto(CreateAppointmentRequest) {}
class MoveAppointmentRequestDto extends createZodDto(MoveAppointmentRequest) {}
class StatusChangeRequestDto extends createZodDto(AppointmentStatusChangeRequest) {}
class CancelAppointmentRequestDto extends createZodDto(CancelAppointmentRequest) {}

/** Who runs the schedule: the front desk, physiotherapists and managers (who alone may override the rules). */
const SCHEDULERS = ['receptionist', 'physiotherapist', 'manager'] as const;
/** Day-to-day status changes are the front desk's and the clinicians'; a manager's only booking write is an override. */
const FRONT_DESK = ['receptionist', 'physiotherapist'] as const;

/** Single appointments and their lifecycle. Completion is not a route: signing the visit note completes it. */
@ApiTags('appointments')
@ApiNotFoundResponse({ description: 'Unknown id, or one of another organisation or of a clinic you do not work in' })
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly booking: AppointmentBookingService,
    private readonly moves: AppointmentMoveService,
    private readonly lifecycle: AppointmentLifecycleService,
    private readonly query: AppointmentQueryService,
  ) {}

  @SignedIn()
  @Get()
  @ApiOkResponse({ type: AppointmentListDto, description: 'Appointments overlapping [from, to), by start, in clinics you may see' })
  list(@CurrentUser() user: RequestUser, @Query() query: AppointmentListQueryDto) {
    return this.query.list(user, query);
  }

  @Roles(...SCHEDULERS)
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body replays the first response; same key, other body: 422' })
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiConflictResponse({ description: 'Overlaps an active appointment of the clinician, room or patient (named in `conflicts`)' })
  @ApiUnprocessableEntityResponse({ description: 'Outside working/opening hours or during time off (managers may override with overrideReason)' })
  create(@CurrentUser() user: RequestUser, @Body() body: CreateAppointmentRequestDto, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.booking.create(user, body, idempotencyKey);
  }

  @SignedIn()
  @Get(':id')
  @ApiOkResponse({ type: AppointmentDto })
  get(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.query.get(user, id);
  }

  @SignedIn()
  @Get(':id/history')
  @ApiOkResponse({ type: AppointmentHistoryDto, description: 'Created, moved (from, to) and status changes, oldest first' })
  history(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.query.history(user, id);
  }

  @Roles(...SCHEDULERS)
  @Patch(':id')
  @ApiOkResponse({ type: AppointmentDto, description: 'Moved (or notes edited); 409 on a stale version or an overlap' })
  move(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: MoveAppointmentRequestDto) {
    return this.moves.move(user, id, body);
  }

  @Roles(...FRONT_DESK)
  @Post(':id/arrive')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentDto, description: "Only on the appointment's day (422 status-transition otherwise)" })
  arrive(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: StatusChangeRequestDto) {
    return this.lifecycle.arrive(user, id, body.version);
  }

  @Roles(...FRONT_DESK)
  @Post(':id/no-show')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentDto, description: 'Only once it has started (422 status-transition otherwise)' })
  noShow(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: StatusChangeRequestDto) {
    return this.lifecycle.noShow(user, id, body.version);
  }

  @Roles(...FRONT_DESK)
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentDto, description: "Before its end; lateCancellation when inside the clinic's notice period" })
  cancel(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: CancelAppointmentRequestDto) {
    return this.lifecycle.cancel(user, id, body.version, body.reason);
  }
}
