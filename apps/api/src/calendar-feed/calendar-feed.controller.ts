import { Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CalendarFeedLink } from '@ims/contracts';
import { Roles } from '../common/access/access.decorators';
import { Public } from '../common/access/public.decorator';
import { CurrentUser, type RequestUser } from '../common/access/request-user';
import { Client, type RequestClient } from '../account/request-client';
import { CalendarFeedService } from './calendar-feed.service';

class CalendarFeedLinkDto extends createZodDto(CalendarFeedLink) {}
class CalendarFeedQueryDto extends createZodDto(z.object({ token: z.string().min(1).max(200) })) {}

/** A clinician's schedule as an iCalendar subscription: the link is managed signed in, the feed read by token. */
@ApiTags('calendar feed')
@ApiNotFoundResponse({ description: 'Unknown clinician, another clinician’s feed, or a wrong or revoked token' })
@Controller('clinicians/:id')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Roles('physiotherapist', 'admin')
  @Post('calendar-feed')
  @ApiCreatedResponse({ type: CalendarFeedLinkDto, description: 'A new secret URL (shown once); the previous one stops working' })
  create(@CurrentUser() user: RequestUser, @Param('id') id: string, @Client() client: RequestClient) {
    return this.feeds.create(user, id, client.origin);
  }

  @Roles('physiotherapist', 'admin')
  @Delete('calendar-feed')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The feed URL no longer works' })
  revoke(@CurrentUser() user: RequestUser, @Param('id') id: string) {
    return this.feeds.revoke(user, id);
  }

  @Public()
  @Get('calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'RFC 5545 calendar of the last 30 and next 180 days' })
  feed(@Param('id') id: string, @Query() query: CalendarFeedQueryDto) {
    return this.feeds.render(id, query.token);
  }
}
