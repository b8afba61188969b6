import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  CreatePlanRequest,
  DiscontinuePlanRequest,
  Plan,
  PlanList,
  PlanListQuery,
  PlanTransitionRequest,
  ReviewPlanRequest,
  UpdatePlanRequest,
} from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { PlanQueryService } from './plan-query.service';
import { PlansService } from './plans.service';
import { PlanLifecycleService } from './plan-lifecycle.service';

class PlanDto extends createZodDto(Plan) {}
class PlanListDto extends createZodDto(PlanList) {}
class PlanListQueryDto extends createZodDto(PlanListQuery) {}
class CreatePlanRequestDto extends createZodDto(CreatePlanRequest) {}
class UpdatePlanRequestDto extends createZodDto(UpdatePlanRequest) {}
class PlanTransitionRequestDto extends createZodDto(PlanTransitionRequest) {}
class DiscontinuePlanRequestDto extends createZodDto(DiscontinuePlanRequest) {}
class ReviewPlanRequestDto extends createZodDto(ReviewPlanRequest) {}
class IdParamsDto extends createZodDto(z.object({ id: z.string() })) {}

const READERS = ['receptionist', 'physiotherapist', 'manager', 'admin'] as const;
const PLANNERS = ['physiotherapist'] as const;

/**
 * Treatment plans. Everyone reads them: the front desk books courses against them (seeing condition, status and
 * progress but not the clinician's free text, see plan-view.ts), managers report on them, admins answer record
 * requests. Only physiotherapists plan a course, edit it, move it through its lifecycle and record its review, in
 * the clinics they work in. A plan of a clinic the user does not work in is a 404 (managers and admins: any clinic).
 */
@ApiTags('plans')
@ApiNotFoundResponse({ description: 'Unknown id, or one of another organisation or of a clinic you do not work in' })
@Controller('plans')
export class PlansController {
  constructor(
    private readonly query: PlanQueryService,
    private readonly plans: PlansService,
    private readonly lifecycle: PlanLifecycleService,
  ) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: PlanListDto, description: 'Plans in clinics you may see, newest first (audited read per plan)' })
  list(@CurrentUser() user: RequestUser, @Query() query: PlanListQueryDto): Promise<PlanList> {
    return this.query.list(user, query);
  }

  @Roles(...PLANNERS)
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body replays the first response; same key, other body: 422' })
  @ApiCreatedResponse({ type: PlanDto, description: 'A draft plan; the clinician defaults to yours' })
  @ApiBadRequestResponse({ description: 'Invalid input: "other" without conditionDetail, unusual plannedSessions not confirmed, a clinic not yours, a clinician not working there' })
  @ApiUnprocessableEntityResponse({ description: 'patient-archived / patient-anonymised; Idempotency-Key reused for another request' })
  create(@CurrentUser() user: RequestUser, @Body() body: CreatePlanRequestDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<Plan> {
    return this.plans.create(user, body, idempotencyKey);
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOkResponse({ type: PlanDto, description: 'With progress (signed sessions) and whether the session-4 review is due (audited read)' })
  get(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto): Promise<Plan> {
    return this.query.get(user, params.id);
  }

  @Roles(...PLANNERS)
  @Patch(':id')
  @ApiOkResponse({ type: PlanDto })
  @ApiBadRequestResponse({ description: 'Invalid input, e.g. plannedSessions below the sessions already signed' })
  @ApiConflictResponse({ description: 'Stale version: someone else changed the plan' })
  @ApiUnprocessableEntityResponse({ description: 'plan-closed: a completed or discontinued plan is not edited' })
  update(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto, @Body() body: UpdatePlanRequestDto): Promise<Plan> {
    return this.plans.update(user, params.id, body);
  }

  @Roles(...PLANNERS)
  @Post(':id/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanDto, description: "draft → active; startedOn is today in the clinic's time zone" })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'status-transition: only a draft is activated' })
  activate(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto, @Body() body: PlanTransitionRequestDto): Promise<Plan> {
    return this.lifecycle.activate(user, params.id, body.version);
  }

  @Roles(...PLANNERS)
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanDto, description: 'active → completed; endedOn is today' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'status-transition: only an active plan is completed' })
  complete(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto, @Body() body: PlanTransitionRequestDto): Promise<Plan> {
    return this.lifecycle.complete(user, params.id, body.version);
  }

  @Roles(...PLANNERS)
  @Post(':id/discontinue')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanDto, description: 'draft or active → discontinued with the reason; endedOn is today' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: 'status-transition: the plan is already closed' })
  discontinue(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto, @Body() body: DiscontinuePlanRequestDto): Promise<Plan> {
    return this.lifecycle.discontinue(user, params.id, body.version, body.reason);
  }

  @Roles(...PLANNERS)
  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanDto, description: 'The session-4 review is recorded: reviewedAt, reviewedBy, reviewNote' })
  @ApiConflictResponse({ description: 'Stale version, or the review is already recorded' })
  @ApiUnprocessableEntityResponse({ description: 'review-not-due: the plan is not active or has fewer than 4 signed sessions' })
  review(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto, @Body() body: ReviewPlanRequestDto): Promise<Plan> {
    return this.lifecycle.review(user, params.id, body.version, body.note);
  }
}
