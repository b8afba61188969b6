import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  CreateWaitlistEntryRequest,
  RemoveWaitlistEntryQuery,
  WaitlistEntry,
  WaitlistList,
  WaitlistOffers,
  WaitlistOffersQuery,
  WaitlistQuery,
} from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { WaitlistService } from './waitlist.service';
import { WaitlistOffersService } from './waitlist-offers.service';

class WaitlistEntryDto extends createZodDto(WaitlistEntry) {}
class WaitlistListDto extends createZodDto(WaitlistList) {}
class WaitlistQueryDto extends createZodDto(WaitlistQuery) {}
class CreateWaitlistEntryRequestDto extends createZodDto(CreateWaitlistEntryRequest) {}
class RemoveWaitlistEntryQueryDto extends createZodDto(RemoveWaitlistEntryQuery) {}
class WaitlistOffersDto extends createZodDto(WaitlistOffers) {}
class WaitlistOffersQueryDto extends createZodDto(WaitlistOffersQuery) {}

/** The front desk and physiotherapists keep the waitlist; managers read it (waitlist length is one of their reports). */
@ApiTags('waitlist')
@ApiNotFoundResponse({ description: 'Unknown id, or one of another organisation or of a clinic you do not work at' })
@Controller('waitlist')
export class WaitlistController {
  constructor(
    private readonly waitlist: WaitlistService,
    private readonly offersService: WaitlistOffersService,
  ) {}

  @Roles('receptionist', 'physiotherapist', 'manager')
  @Get()
  @ApiOkResponse({ type: WaitlistListDto, description: 'Entries still waiting, most urgent priority first, then longest waiting' })
  list(@CurrentUser() user: RequestUser, @Query() query: WaitlistQueryDto) {
    return this.waitlist.list(user, query.clinicId);
  }

  @Roles('receptionist', 'physiotherapist', 'manager')
  @Get('offers')
  @ApiOkResponse({ type: WaitlistOffersDto, description: 'Slots freed by cancellations, no-shows and moves in [from, to) that are still free, with the entries that match each' })
  offers(@CurrentUser() user: RequestUser, @Query() query: WaitlistOffersQueryDto) {
    return this.offersService.offers(user, query);
  }

  @Roles('receptionist', 'physiotherapist')
  @Post()
  @ApiCreatedResponse({ type: WaitlistEntryDto })
  create(@CurrentUser() user: RequestUser, @Body() body: CreateWaitlistEntryRequestDto) {
    return this.waitlist.create(user, body);
  }

  @Roles('receptionist', 'physiotherapist')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Taken off the list; the reason comes from `?reason=` or a JSON body `{ reason }`' })
  remove(@CurrentUser() user: RequestUser, @Param('id') id: string, @Query() query: RemoveWaitlistEntryQueryDto, @Body() body: unknown) {
    return this.waitlist.remove(user, id, RemoveWaitlistEntryQuery.parse({ reason: query.reason ?? reasonOf(body) }).reason);
  }
}

const reasonOf = (body: unknown): unknown => (body && typeof body === 'object' && 'reason' in body ? body.reason : undefined);
