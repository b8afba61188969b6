import { Module } from '@nestjs/common';
import { MusclesController } from './muscles.controller';
import { MusclesService } from './muscles.service';

/** `GET /api/muscles`: the catalogue of muscles commonly needled in IMS (rows from a data migration). */
@Module({ controllers: [MusclesController], providers: [MusclesService] })
export class MusclesModule {}
