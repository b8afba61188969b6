import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { CommitPatientImportRequest, PatientImportProgress } from '@ims/contracts';
import { Prisma, postgresErrorInfo, type PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { ConflictError, NotFoundError, RuleViolationError } from '../common/problem/domain-errors';
import type { RequestUser } from '../common/access/request-user';
import { AuditService } from '../audit/audit.service';
import { dateColumn, writeData } from '../patients/patient-columns';
import { insertPatients, type PatientWrite } from './patient-bulk-insert';
import { reportOf, toProgress, type PatientImportRow, type StoredReport, type StoredRow } from './patient-import-view';

type CommitInput = z.output<typeof CommitPatientImportRequest>;

/** Rows per INSERT: small enough for a progress bar that moves, large enough to keep round trips few. */
export const COMMIT_BATCH_SIZE = 1000;
/** The commit's transaction may run this long; a "committing" claim older than this belongs to a dead attempt. */
const COMMIT_TIME_LIMIT_MS = 5 * 60_000;

/**
 * Commits a validated import: every row to insert goes in ONE transaction (all or nothing), in batched INSERTs
 * (see insertPatients).
 * Progress is written between batches through the pool, outside the transaction: written inside it, nobody could
 * see it until the very end. A failure rolls everything back and leaves the import `failed` with the reason.
 */
@Injectable()
export class PatientImportCommitService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async commit(actor: RequestUser, id: string, input: CommitInput): Promise<PatientImportProgress> {
    const current = await this.prisma.patientImport.findFirst({ where: { id, organisationId: actor.organisationId }, omit: { rows: true } });
    if (!current) throw new NotFoundError('Patient import', id);
    if (current.errorCount > 0 && !input.skipInvalidRows) {
      throw new RuleViolationError('The file has rows with problems', [
        {
          rule: 'import-has-invalid-rows',
          message: `${current.errorCount} row(s) have problems: fix the file and run the dry run again, or commit with skipInvalidRows to import only the valid rows`,
        },
      ]);
    }
    await this.claim(actor, current as PatientImportRow);

    const stored = await this.prisma.patientImport.findUniqueOrThrow({ where: { id }, select: { rows: true } });
    const rows = ((stored.rows ?? []) as unknown as StoredRow[]).filter((row) => !(input.skipDuplicates && row.duplicate));
    const report: StoredReport = { ...reportOf(current as PatientImportRow), rowsToInsert: rows.length, failureReason: undefined, commitStartedAt: new Date().toISOString() };
    await this.prisma.patientImport.updateMany({ where: { id }, data: { report: json(report) } });

    let batchLines: [number, number] | undefined;
    try {
      const committed = await this.prisma.$transaction(
        async (tx) => {
          for (let start = 0; start < rows.length; start += COMMIT_BATCH_SIZE) {
            const batch = rows.slice(start, start + COMMIT_BATCH_SIZE);
            batchLines = [batch[0].line, batch[batch.length - 1].line];
            await insertPatients(tx, actor.organisationId, batch.map((row) => patientWrite(current.clinicId, row)));
            // updateMany: an update would read back the row, megabytes of stored rows included, on every batch.
            await this.prisma.patientImport.updateMany({ where: { id }, data: { processedRows: start + batch.length } });
          }
          batchLines = undefined;
          await this.audit.record(
            actor,
            {
              action: 'import',
              entityType: 'patient_import',
              entityId: id,
              clinicId: current.clinicId,
              detail: {
                fileName: current.fileName,
                totalRows: current.totalRows,
                inserted: rows.length,
                skippedInvalid: current.errorCount,
                skippedDuplicates: report.validRows - rows.length,
              },
            },
            tx,
          );
          return tx.patientImport.update({
            where: { id },
            data: { status: 'committed', committedAt: new Date(), processedRows: rows.length, rows: Prisma.DbNull, report: json({ ...report, insertedRows: rows.length }) },
            omit: { rows: true },
          });
        },
        { timeout: COMMIT_TIME_LIMIT_MS, maxWait: 10_000 },
      );
      return toProgress(committed as PatientImportRow);
    } catch (error) {
      throw await this.fail(id, report, error, batchLines);
    }
  }

  /** Marks the import as committing, unless another commit holds it or it is done; a repeat after a failure is allowed. */
  private async claim(actor: RequestUser, current: PatientImportRow): Promise<void> {
    const claimed = await this.prisma.$executeRaw`
      UPDATE patient_import
      SET status = 'committing', processed_rows = 0, report = report || jsonb_build_object('commitStartedAt', now())
      WHERE id = ${current.id}::uuid AND organisation_id = ${actor.organisationId}::uuid
        AND (status IN ('validated', 'failed')
          OR (status = 'committing' AND (report->>'commitStartedAt')::timestamptz < now() - make_interval(secs => ${COMMIT_TIME_LIMIT_MS / 1000})))`;
    if (claimed === 1) return;
    const now = await this.prisma.patientImport.findUniqueOrThrow({ where: { id: current.id }, select: { status: true } });
    if (now.status === 'committed') {
      throw new RuleViolationError('The import was already committed', [{ rule: 'import-committed', message: 'these rows were already imported' }]);
    }
    throw new ConflictError('The import is being committed right now', [{ entity: 'patient_import', id: current.id, message: 'a commit is running' }]);
  }

  /** Records why the commit failed (the transaction has rolled back) and turns a refused row into a 422. */
  private async fail(id: string, report: StoredReport, error: unknown, batchLines?: [number, number]): Promise<unknown> {
    const database = postgresErrorInfo(error);
    const cause = (database?.message ?? (error instanceof Error ? error.message : String(error))).slice(0, 500);
    const reason = batchLines ? `The rows on lines ${batchLines[0]}-${batchLines[1]} were refused: ${cause}` : cause;
    await this.prisma.patientImport.updateMany({ where: { id }, data: { status: 'failed', processedRows: 0, report: json({ ...report, failureReason: reason }) } });
    if (database?.sqlState?.startsWith('23')) {
      return new RuleViolationError('The import failed and nothing was imported', [{ rule: 'import-failed', message: reason }]);
    }
    return error;
  }
}

/** The columns of an imported patient: the same derivation (search columns included) as a registration. */
const patientWrite = (clinicId: string, row: StoredRow): PatientWrite => writeData({ ...row.patient, homeClinicId: clinicId, dateOfBirth: dateColumn(row.patient.dateOfBirth) });

const json = (value: StoredReport): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
