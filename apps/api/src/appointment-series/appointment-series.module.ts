import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { AppointmentSeriesController } from './appointment-series.controller';
import { SeriesPreviewService } from './series-preview.service';
import { SeriesCommitService } from './series-commit.service';

/** Course booking across DST: the planner keeps local wall-clock time; single-booking rules check every session. */
@Module({
  imports: [IdempotencyModule, AppointmentsModule],
  controllers: [AppointmentSeriesController],
  providers: [SeriesPreviewService, SeriesCommitService],
})
export class AppointmentSeriesModule {}
