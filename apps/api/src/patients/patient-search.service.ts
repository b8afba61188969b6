import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { PatientSearchQuery, PatientSummary } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { FastSql } from '../database/fast-sql';
import type { RequestUser } from '../common/access/request-user';
import { NotFoundError } from '../common/problem/domain-errors';
import { isUuid } from './patient-lookup';
import { toSummary, type PatientFlags, type SummaryRow } from './patient-view';
import { searchTermsOf } from './search-terms';
import { searchStatement } from './patient-search-sql';

export type SearchQuery = z.output<typeof PatientSearchQuery>;

/** A page row with its flags, or the single all-null row that carries `total` past the last page. */
interface MatchRow extends Omit<SummaryRow, 'id'>, PatientFlags {
  id: string | null;
  total: number;
}

/**
 * Front-desk search as you type: a name with a typo or two tolerated (name keys, see name-search-keys.ts), part of a
 * phone number, a date of birth or a health number, best match first. Listing search results is not a read of
 * anyone's record (no audit row); opening one is. Values always travel as query parameters, never spliced into the
 * SQL text. One statement per search, outside any transaction: nothing here needs one, and a search must never
 * wait on a transaction's bookkeeping while the front desk types. The statement is prepared (FastSql.preparedRows):
 * its text takes a few dozen shapes at most (kind, number of words, filters), and planning it cost as much as
 * running it.
 */
@Injectable()
export class PatientSearchService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly fastSql: FastSql,
  ) {}

  async search(user: RequestUser, query: SearchQuery): Promise<{ items: PatientSummary[]; total: number }> {
    if (query.clinicId) await this.assertClinic(user.organisationId, query.clinicId);
    const scope = { organisationId: user.organisationId, includeArchived: query.includeArchived ?? false, clinicId: query.clinicId };
    const rows = await this.fastSql.preparedRows<MatchRow>(searchStatement(scope, searchTermsOf(query.q), query));
    const items = rows
      .filter((row): row is MatchRow & SummaryRow => row.id !== null)
      .map((row) => toSummary(row, { imsConsentOnFile: row.imsConsentOnFile, precautionsPresent: row.precautionsPresent }));
    return { items, total: rows[0]?.total ?? 0 };
  }

  private async assertClinic(organisationId: string, clinicId: string): Promise<void> {
    const clinic = isUuid(clinicId) ? await this.prisma.clinic.findFirst({ where: { id: clinicId, organisationId }, select: { id: true } }) : null;
    if (!clinic) throw new NotFoundError('clinic', clinicId);
  }
}
