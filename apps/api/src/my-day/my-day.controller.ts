import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { MyDay, MyDayQuery } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { MyDayService } from './my-day.service';

class MyDayDto extends createZodDto(MyDay) {}
class MyDayQueryDto extends createZodDto(MyDayQuery) {}

/**
 * The clinician's day, with precautions from the safety screening: clinical, so physiotherapists (their own day, or a
 * colleague's in a clinic they share) and managers (anyone's, to cover a caseload). The front desk has the schedule
 * without the clinical flags; admins do not treat.
 */
@ApiTags('my-day')
@Roles('physiotherapist', 'manager')
@Controller('my-day')
export class MyDayController {
  constructor(private readonly myDay: MyDayService) {}

  @Get()
  @ApiOkResponse({ type: MyDayDto, description: "The day's appointments (cancelled left out) by start, each on its clinic's calendar day (audited read)" })
  @ApiBadRequestResponse({ description: 'No clinicianId and you have no clinician profile' })
  @ApiNotFoundResponse({ description: 'Unknown clinician, or one who shares no clinic with you' })
  day(@CurrentUser() user: RequestUser, @Query() query: MyDayQueryDto): Promise<MyDay> {
    return this.myDay.day(user, query);
  }
}
