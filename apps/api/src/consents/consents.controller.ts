import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Consent, ConsentList, CreateConsentRequest, WithdrawConsentRequest } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { ConsentsService } from './consents.service';

class ConsentDto extends createZodDto(Consent) {}
class ConsentListDto extends createZodDto(ConsentList) {}
class CreateConsentRequestDto extends createZodDto(CreateConsentRequest) {}
class WithdrawConsentRequestDto extends createZodDto(WithdrawConsentRequest) {}
class IdParamsDto extends createZodDto(z.object({ id: z.string() })) {}

/**
 * IMS consent details are clinical: physiotherapists take and read them. Receptionists see only the yes/no flag on
 * the patient; managers and admins do not need the details for their work.
 */
@ApiTags('consents')
@Roles('physiotherapist')
@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get('patients/:id/consents')
  @ApiOkResponse({ type: ConsentListDto, description: 'Every consent, newest first, and the one in force today in the home clinic’s time zone (audited read)' })
  @ApiNotFoundResponse({ description: 'Unknown patient, or one of another organisation' })
  list(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto): Promise<ConsentList> {
    return this.consents.list(user, params.id);
  }

  @Post('patients/:id/consents')
  @ApiCreatedResponse({ type: ConsentDto, description: 'Recorded; a renewal is a new consent and replaces the earlier ones' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body replays the first response; same key, other body: 422' })
  @ApiBadRequestResponse({ description: 'Invalid input: a future day or one before birth, a clinic not yours, thorax without pneumothorax, missing guardian or capacity details' })
  @ApiNotFoundResponse({ description: 'Unknown patient, or one of another organisation' })
  @ApiUnprocessableEntityResponse({ description: 'minor-consent / adult-consent: who gave consent does not fit the patient’s age; patient-archived / patient-anonymised' })
  create(
    @CurrentUser() user: RequestUser,
    @Param() params: IdParamsDto,
    @Body() body: CreateConsentRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<Consent> {
    return this.consents.create(user, params.id, body, idempotencyKey);
  }

  @Post('consents/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentDto, description: 'Withdrawn from `withdrawnOn` (that day is no longer covered)' })
  @ApiBadRequestResponse({ description: 'withdrawnOn before the consent was given or in the future' })
  @ApiNotFoundResponse({ description: 'Unknown consent, or one of another organisation' })
  @ApiConflictResponse({ description: 'Already withdrawn' })
  withdraw(@CurrentUser() user: RequestUser, @Param() params: IdParamsDto, @Body() body: WithdrawConsentRequestDto): Promise<Consent> {
    return this.consents.withdraw(user, params.id, body);
  }
}
