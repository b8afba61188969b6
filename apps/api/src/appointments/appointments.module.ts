import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { AppointmentsController } from './appointments.controller';
import { AppointmentRulesService } from './appointment-rules.service';
import { AppointmentEvents } from './appointment-events';
import { AppointmentBookingService } from './appointment-booking.service';
import { AppointmentMoveService } from './appointment-move.service';
import { AppointmentLifecycleService } from './appointment-lifecycle.service';
import { AppointmentQueryService } from './appointment-query.service';

/**
 * Single appointments: booking, moving, lifecycle and the schedule. Exports the slot rules (course booking uses
 * them), the change hook (reminders and calendar feeds subscribe to it) and the lifecycle (signing a visit note
 * completes its appointment).
 */
@Module({
  imports: [IdempotencyModule],
  controllers: [AppointmentsController],
  providers: [AppointmentRulesService, AppointmentEvents, AppointmentBookingService, AppointmentMoveService, AppointmentLifecycleService, AppointmentQueryService],
  exports: [AppointmentRulesService, AppointmentEvents, AppointmentLifecycleService],
})
export class AppointmentsModule {}
