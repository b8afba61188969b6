import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** Replays of creates sent with `Idempotency-Key`; import it in the feature module whose creates accept the header. */
@Module({ providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
