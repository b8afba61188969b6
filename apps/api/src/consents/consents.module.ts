import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

/** IMS consent: record, list, withdraw; ConsentsService.inForceOn is what note signing checks. */
@Module({ imports: [IdempotencyModule], controllers: [ConsentsController], providers: [ConsentsService], exports: [ConsentsService] })
export class ConsentsModule {}
