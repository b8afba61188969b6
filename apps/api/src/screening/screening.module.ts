import { Module } from '@nestjs/common';
import { ScreeningController } from './screening.controller';
import { ScreeningService } from './screening.service';

/** Safety screening before needling, kept as history. */
@Module({ controllers: [ScreeningController], providers: [ScreeningService] })
export class ScreeningModule {}
