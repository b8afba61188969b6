import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PutScreeningRequest, ScreeningResponse } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { ScreeningService } from './screening.service';

class ScreeningResponseDto extends createZodDto(ScreeningResponse) {}
class PutScreeningRequestDto extends createZodDto(PutScreeningRequest) {}
class IdParamsDto extends createZodDto(z.object({ id: z.string() })) {}

/**
 * Screening details are clinical: physiotherapists only. Receptionists see the yes/no "precautions present" flag on
 * the patient; managers' reports and admins' settings work need none of the detail.
 */
@ApiTags('screening')
@Roles('physiotherapist')
@Controller('patients/:id/screening')
export class ScreeningController {
  constructor(private readonly screening: ScreeningService) {}

  @Get()
  @ApiOkResponse({ type: ScreeningResponseDto, description: 'The current screening and the history, newest first (audited read)' })
  @ApiNotFoundResponse({ description: 'Unknown patient, or one of another organisation' })
  get(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto): Promise<ScreeningResponse> {
    return this.screening.get(user, params.id);
  }

  @Put()
  @ApiOkResponse({ type: ScreeningResponseDto, description: 'A new screening was added to the history; earlier ones are kept unchanged' })
  @ApiBadRequestResponse({ description: 'Invalid input, e.g. a precaution left unanswered or a clinic not yours' })
  @ApiNotFoundResponse({ description: 'Unknown patient, or one of another organisation' })
  @ApiConflictResponse({ description: 'basedOnId is not the newest screening: another was recorded meanwhile; nothing written' })
  @ApiUnprocessableEntityResponse({ description: 'patient-archived / patient-anonymised' })
  put(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto, @Body() body: PutScreeningRequestDto): Promise<ScreeningResponse> {
    return this.screening.put(user, params.id, body);
  }
}
