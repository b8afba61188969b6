import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Bundle } from 'fhir/r4';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { FhirService } from './fhir.service';

class IdParamsDto extends createZodDto(z.object({ id: z.string() })) {}

/**
 * Record export. Physiotherapists export the clinical record they keep; admins answer patients' and other providers'
 * requests for a copy of the record, which is an administrative duty. Managers and receptionists do not export.
 */
@ApiTags('fhir')
@Controller('patients/:id/fhir')
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  @Get()
  @Roles('physiotherapist', 'admin')
  @Header('Content-Type', 'application/fhir+json; fhirVersion=4.0')
  @ApiProduces('application/fhir+json')
  @ApiOkResponse({ description: 'A FHIR R4 Bundle (type collection): Patient, Consents, Appointments; audited as an export' })
  @ApiNotFoundResponse({ description: 'Unknown patient, or one of another organisation' })
  export(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto): Promise<Bundle> {
    return this.fhir.exportPatient(user, params.id);
  }
}
