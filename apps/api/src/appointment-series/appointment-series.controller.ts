import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { SeriesCommitRequest, SeriesCommitResponse, SeriesPreviewRequest, SeriesPreviewResponse } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { SeriesPreviewService } from './series-preview.service';
import { SeriesCommitService } from './series-commit.service';

class SeriesPreviewRequestDto extends createZodDto(SeriesPreviewRequest) {}
class SeriesPreviewResponseDto extends createZodDto(SeriesPreviewResponse) {}
class SeriesCommitRequestDto extends createZodDto(SeriesCommitRequest) {}
class SeriesCommitResponseDto extends createZodDto(SeriesCommitResponse) {}

/** Same people as single bookings: the front desk and physiotherapists book courses; managers too (and may override). */
const SCHEDULERS = ['receptionist', 'physiotherapist', 'manager'] as const;

/** Course booking: preview a pattern of sessions with conflicts and alternatives, then book the chosen ones at once. */
@ApiTags('appointments')
@Controller('appointments/series')
export class AppointmentSeriesController {
  constructor(
    private readonly previews: SeriesPreviewService,
    private readonly commits: SeriesCommitService,
  ) {}

  @Roles(...SCHEDULERS)
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: SeriesPreviewResponseDto, description: 'Each session at the first one’s local time, free or not, with DST flags and up to 3 alternatives' })
  @ApiUnprocessableEntityResponse({ description: '`plan-sessions`: count exceeds the plan’s sessions left to book' })
  preview(@CurrentUser() user: RequestUser, @Body() body: SeriesPreviewRequestDto) {
    return this.previews.preview(user, body);
  }

  @Roles(...SCHEDULERS)
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body replays the first response; same key, other body: 422' })
  @ApiCreatedResponse({ type: SeriesCommitResponseDto, description: 'All chosen sessions booked with one seriesId' })
  @ApiConflictResponse({ description: 'A session overlaps an active appointment (session and appointment named); nothing was booked' })
  @ApiUnprocessableEntityResponse({ description: 'Booking rules broken without a manager’s overrideReason, `plan-sessions`, or Idempotency-Key reused' })
  commit(@CurrentUser() user: RequestUser, @Body() body: SeriesCommitRequestDto, @Headers('idempotency-key') idempotencyKey?: string) {
    return this.commits.commit(user, body, idempotencyKey);
  }
}
