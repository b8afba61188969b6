import { Module } from '@nestjs/common';
import { WaitlistController } from './waitlist.controller';
import { WaitlistService } from './waitlist.service';
import { WaitlistOffersService } from './waitlist-offers.service';

/** The waitlist and the offers made from slots that cancellations, no-shows and moves free. */
@Module({
  controllers: [WaitlistController],
  providers: [WaitlistService, WaitlistOffersService],
})
export class WaitlistModule {}
