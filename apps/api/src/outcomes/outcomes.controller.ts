import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CreateOutcomeRequest, OutcomeMeasureDefinitions, OutcomeRecord, PlanOutcomes } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { OutcomeRecordingService } from './outcome-recording.service';
import { OutcomesService } from './outcomes.service';

class OutcomeMeasureDefinitionsDto extends createZodDto(OutcomeMeasureDefinitions) {}
class CreateOutcomeRequestDto extends createZodDto(CreateOutcomeRequest) {}
class OutcomeRecordDto extends createZodDto(OutcomeRecord) {}
class PlanOutcomesDto extends createZodDto(PlanOutcomes) {}
class IdParamsDto extends createZodDto(z.object({ id: z.string() })) {}

/**
 * Outcome measures are clinical: physiotherapists record them; managers read them to review courses and outcomes by
 * condition. The front desk never sees them.
 */
@ApiTags('outcomes')
@Controller()
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly recording: OutcomeRecordingService,
  ) {}

  @Get('outcome-measures')
  @Roles('physiotherapist', 'manager')
  @ApiOkResponse({ type: OutcomeMeasureDefinitionsDto, description: 'Every instrument: items and allowed values, direction, range, scoring and missing-item rules, MCID with its citation' })
  definitions(): OutcomeMeasureDefinitions {
    return this.outcomes.definitions();
  }

  @Post('outcomes')
  @Roles('physiotherapist')
  @ApiCreatedResponse({ type: OutcomeRecordDto, description: 'Recorded with its score; changeFromBaseline and responder when the plan has a baseline of the measure (GROC: always)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body replays the first response; same key, other body: 422' })
  @ApiBadRequestResponse({
    description: 'An answer outside its item (errors at answers.<index>), not scoreable by the instrument’s rule, GROC at baseline, PSFS activities not those of baseline, a session after the next one, takenAt in the future',
  })
  @ApiNotFoundResponse({ description: 'Unknown plan, or one of another clinic or organisation' })
  @ApiConflictResponse({ description: 'The plan already has a baseline of this measure' })
  @ApiUnprocessableEntityResponse({ description: 'patient-archived / patient-anonymised' })
  record(@CurrentUser() user: RequestUser, @Body() body: CreateOutcomeRequestDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<OutcomeRecord> {
    return this.recording.record(user, body, idempotencyKey);
  }

  @Get('plans/:id/outcomes')
  @Roles('physiotherapist', 'manager')
  @ApiOkResponse({ type: PlanOutcomesDto, description: 'Per measure (primary first) the baseline, every record with its change and the MCID; the session-4 review; NPRS per visit; what is due (audited read)' })
  @ApiNotFoundResponse({ description: 'Unknown plan, or one of another clinic or organisation' })
  planOutcomes(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto): Promise<PlanOutcomes> {
    return this.outcomes.planOutcomes(user, params.id);
  }
}
