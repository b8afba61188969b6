import { Module } from '@nestjs/common';
import { PatientImportsController } from './patient-imports.controller';
import { PatientImportsService } from './patient-imports.service';
import { PatientImportCommitService } from './patient-import-commit.service';

/** CSV import of patients: dry run with a per-row report, progress, all-or-nothing commit. */
@Module({
  controllers: [PatientImportsController],
  providers: [PatientImportsService, PatientImportCommitService],
})
export class PatientImportsModule {}
