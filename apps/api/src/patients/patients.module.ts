import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { PatientsController } from './patients.controller';
import { PatientsService } from './patients.service';
import { PatientSearchService } from './patient-search.service';
import { PatientLifecycleService } from './patient-lifecycle.service';
import { DuplicateFinder } from './duplicate-finder';

/** Patient registration, search, duplicates, archive and anonymise. Exports PatientsService for other features. */
@Module({
  imports: [IdempotencyModule],
  controllers: [PatientsController],
  providers: [PatientsService, PatientSearchService, PatientLifecycleService, DuplicateFinder],
  exports: [PatientsService, DuplicateFinder],
})
export class PatientsModule {}
