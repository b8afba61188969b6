import { Module } from '@nestjs/common';
import { SchedulingSetupController } from './scheduling-setup.controller';
import { OpeningHoursService } from './opening-hours.service';
import { TimeOffService } from './time-off.service';
import { RoomsAndTypesService } from './rooms-and-types.service';

/** Writes of the scheduling set-up (opening hours, time off, rooms, appointment types); the reads of rooms/types live in clinic-setup. */
@Module({ controllers: [SchedulingSetupController], providers: [OpeningHoursService, TimeOffService, RoomsAndTypesService] })
export class SchedulingSetupModule {}
