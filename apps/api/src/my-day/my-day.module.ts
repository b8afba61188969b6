import { Module } from '@nestjs/common';

/** Being built for issue 6 (the feature's owner fills in controllers and providers). */
@Module({})
export class MyDayModule {}
