import { Injectable } from '@nestjs/common';
import type { MuscleList } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';

/**
 * The muscle catalogue: reference data from a data migration, the same for every organisation, so nothing here is
 * scoped to a tenant and reading it is not a clinical read to audit.
 */
@Injectable()
export class MusclesService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  /** Every muscle, by region (the enum's head-to-foot order) then name. */
  async list(): Promise<MuscleList> {
    const rows = await this.prisma.muscle.findMany({ orderBy: [{ region: 'asc' }, { name: 'asc' }, { code: 'asc' }] });
    return {
      items: rows.map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        region: row.region,
        sided: row.sided,
        levelled: row.levelled,
        depthMinCm: row.depthMinCm.toNumber(),
        depthMaxCm: row.depthMaxCm.toNumber(),
        thoraxRisk: row.thoraxRisk,
      })),
    };
  }
}
