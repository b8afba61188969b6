import { Module } from '@nestjs/common';
import { ClinicSetupController } from './clinic-setup.controller';
import { ClinicSetupService } from './clinic-setup.service';

/** Read routes for clinic set-up: clinics, rooms, appointment types. */
@Module({ controllers: [ClinicSetupController], providers: [ClinicSetupService] })
export class ClinicSetupModule {}
