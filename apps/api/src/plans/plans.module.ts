import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { PlansController } from './plans.controller';
import { PlanQueryService } from './plan-query.service';
import { PlansService } from './plans.service';
import { PlanLifecycleService } from './plan-lifecycle.service';

/**
 * Treatment plans: an IMS course for one condition, draft → active → completed | discontinued, with progress counted
 * from signed visit notes and the review due at session 4.
 */
@Module({ imports: [IdempotencyModule], controllers: [PlansController], providers: [PlanQueryService, PlansService, PlanLifecycleService] })
export class PlansModule {}
