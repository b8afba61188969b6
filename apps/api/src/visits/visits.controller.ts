import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
import { AddAddendumRequest, Addendum, CreateVisitRequest, SaveVisitRequest, SignVisitRequest, VisitList, VisitListQuery, VisitNote } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { VisitDraftsService } from './visit-drafts.service';
import { VisitSigningService } from './visit-signing.service';
import { VisitAddendaService } from './visit-addenda.service';
import { VisitQueryService } from './visit-query.service';

class VisitNoteDto extends createZodDto(VisitNote) {}
class VisitListDto extends createZodDto(VisitList) {}
class VisitListQueryDto extends createZodDto(VisitListQuery) {}
class CreateVisitRequestDto extends createZodDto(CreateVisitRequest) {}
class SaveVisitRequestDto extends createZodDto(SaveVisitRequest) {}
class SignVisitRequestDto extends createZodDto(SignVisitRequest) {}
class AddAddendumRequestDto extends createZodDto(AddAddendumRequest) {}
class AddendumDto extends createZodDto(Addendum) {}

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Same key and body replays the first response; same key, other body: 422' };

/**
 * Visit notes are the clinical record: physiotherapists read those of their clinics' patients; only the
 * appointment's own clinician starts, edits and signs one (403 for anyone else). Receptionists never see notes, and
 * managers review caseloads and outcomes in the reports, not the notes themselves.
 */
@ApiTags('visits')
@Roles('physiotherapist')
@ApiNotFoundResponse({ description: 'Unknown id, or one of another organisation or of a clinic you do not work in' })
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly drafts: VisitDraftsService,
    private readonly signing: VisitSigningService,
    private readonly addenda: VisitAddendaService,
    private readonly query: VisitQueryService,
  ) {}

  @Get()
  @ApiOkResponse({ type: VisitListDto, description: 'Newest visit first, in your clinics (audited read)' })
  list(@CurrentUser() user: RequestUser, @Query() query: VisitListQueryDto): Promise<VisitList> {
    return this.query.list(user, query);
  }

  @Post()
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: VisitNoteDto, description: 'A draft, with the appointment’s patient, clinician, plan and start time' })
  @ApiConflictResponse({ description: 'The appointment already has a note (named in `conflicts`)' })
  @ApiUnprocessableEntityResponse({ description: 'appointment-arrived: the patient has not arrived (booked, cancelled, no-show); patient-archived / patient-anonymised' })
  create(@CurrentUser() user: RequestUser, @Body() body: CreateVisitRequestDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<VisitNote> {
    return this.drafts.create(user, body, idempotencyKey);
  }

  @Get(':id')
  @ApiOkResponse({ type: VisitNoteDto, description: 'With sites, adverse events, needle count and addenda oldest first (audited read)' })
  get(@CurrentUser() user: RequestUser, @Param('id') id: string): Promise<VisitNote> {
    return this.query.get(user, id);
  }

  @Put(':id')
  @ApiOkResponse({ type: VisitNoteDto, description: 'The whole draft saved at `version` (autosave); sites and adverse events replaced' })
  @ApiBadRequestResponse({ description: 'Invalid input: a depth deeper than the needle, an unknown muscle, a side or level the muscle cannot have, a plan of another patient' })
  @ApiConflictResponse({ description: 'Stale `version` (nothing saved), or the note is already signed' })
  save(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: SaveVisitRequestDto): Promise<VisitNote> {
    return this.drafts.save(user, id, body);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @ApiOkResponse({ type: VisitNoteDto, description: 'Signed and locked (signer, time, content hash, session number); the appointment is completed' })
  @ApiConflictResponse({ description: 'Stale `version`, or already signed' })
  @ApiUnprocessableEntityResponse({
    description: 'One violation per failed rule: needling-authorisation, consent, needle-count, depth-range, thorax-consent, required-fields',
  })
  sign(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: SignVisitRequestDto): Promise<VisitNote> {
    return this.signing.sign(user, id, body.version);
  }

  @Post(':id/addenda')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: AddendumDto, description: 'Added to the signed note; addenda are never edited or removed' })
  @ApiConflictResponse({ description: 'The note is still a draft: edit it instead' })
  addAddendum(
    @CurrentUser() user: RequestUser,
    @Param('id') id: string,
    @Body() body: AddAddendumRequestDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<Addendum> {
    return this.addenda.add(user, id, body, idempotencyKey);
  }
}
