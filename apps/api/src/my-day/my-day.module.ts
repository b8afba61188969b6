import { Module } from '@nestjs/common';
import { MyDayController } from './my-day.controller';
import { MyDayService } from './my-day.service';
import { OutcomesModule } from '../outcomes/outcomes.module';

/** `GET /api/my-day`: a clinician's appointments of one day with precautions, plan progress and visit status. */
@Module({ imports: [OutcomesModule], controllers: [MyDayController], providers: [MyDayService] })
export class MyDayModule {}
