import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

/** Per-clinician iCalendar feeds at a secret, revocable URL. */
@Module({ controllers: [CalendarFeedController], providers: [CalendarFeedService] })
export class CalendarFeedModule {}
