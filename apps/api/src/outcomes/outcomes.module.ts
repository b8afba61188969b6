import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { OutcomeRecordingService } from './outcome-recording.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

/**
 * Outcome measures: the instruments, recording with scoring, and each plan's analysis. OutcomesService.dueForPlans
 * (what each plan is waiting for) is exported for lists such as the clinician's day.
 */
@Module({ imports: [IdempotencyModule], controllers: [OutcomesController], providers: [OutcomesService, OutcomeRecordingService], exports: [OutcomesService] })
export class OutcomesModule {}
