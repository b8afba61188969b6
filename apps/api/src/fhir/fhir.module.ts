import { Module } from '@nestjs/common';
import { FhirController } from './fhir.controller';
import { FhirService } from './fhir.service';

/** FHIR R4 record export. */
@Module({ controllers: [FhirController], providers: [FhirService] })
export class FhirModule {}
