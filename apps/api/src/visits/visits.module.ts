import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { AppointmentsModule } from '../appointments/appointments.module';
import { CliniciansModule } from '../clinicians/clinicians.module';
import { ConsentsModule } from '../consents/consents.module';
import { VisitsController } from './visits.controller';
import { VisitDraftsService } from './visit-drafts.service';
import { VisitSigningService } from './visit-signing.service';
import { VisitAddendaService } from './visit-addenda.service';
import { VisitQueryService } from './visit-query.service';

/**
 * Visit notes: drafts started from arrived appointments, signing under the sign rules (authorisation from clinicians,
 * consent from consents; completion of the appointment from appointments), addenda and the audited reads.
 */
@Module({
  imports: [IdempotencyModule, AppointmentsModule, CliniciansModule, ConsentsModule],
  controllers: [VisitsController],
  providers: [VisitDraftsService, VisitSigningService, VisitAddendaService, VisitQueryService],
})
export class VisitsModule {}
