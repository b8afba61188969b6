import { Module } from '@nestjs/common';
import { CliniciansController } from './clinicians.controller';
import { ClinicianService } from './clinicians.service';
import { ClinicianAuthorisationsService } from './clinician-authorisations.service';
import { ClinicianWorkingHoursService } from './clinician-working-hours.service';

/** Clinician profiles, needling authorisations and working hours. Exports ClinicianService for "authorised on D". */
@Module({
  controllers: [CliniciansController],
  providers: [ClinicianService, ClinicianAuthorisationsService, ClinicianWorkingHoursService],
  exports: [ClinicianService],
})
export class CliniciansModule {}
