import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { IMPORT_REPORT_LIST_LIMIT, type CreatePatientImportRequest, type ImportRowError, type PatientImportProgress, type PatientImportReport } from '@ims/contracts';
import type { Prisma, PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { InvalidInputError, NotFoundError } from '../common/problem/domain-errors';
import type { RequestUser } from '../common/access/request-user';
import { readCsvTable } from './csv-table';
import { mapRow, planColumns } from './import-row-mapping';
import { duplicatesOfExisting, duplicatesWithinFile, type RowToCheck } from './import-duplicates';
import { toProgress, toReport, type PatientImportRow, type StoredReport, type StoredRow } from './patient-import-view';

type DryRunInput = z.output<typeof CreatePatientImportRequest>;

/** More rows than this in one file is refused: split it (the dry run keeps every valid row until the commit). */
export const MAX_IMPORT_ROWS = 50_000;

/**
 * The dry run of a CSV import and the reads of an import's state. Nothing here writes patients: the dry run parses,
 * validates every row with the registration schema, finds duplicates and keeps the valid rows for the commit
 * (PatientImportCommitService).
 */
@Injectable()
export class PatientImportsService {
  constructor(@InjectPrisma() private readonly prisma: PrismaClient) {}

  async dryRun(actor: RequestUser, input: DryRunInput): Promise<PatientImportReport> {
    await this.assertClinicOfOrganisation(actor, input.clinicId);
    const table = readCsvTable(input.csv);
    if (table.rows.length > MAX_IMPORT_ROWS) {
      throw new InvalidInputError(`The file has ${table.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`, [{ path: 'csv', message: `has more than ${MAX_IMPORT_ROWS} rows` }]);
    }
    const plan = planColumns(table.headers, input.mapping);
    const options = { clinicId: input.clinicId, headerCount: table.headers.length, dateFormat: input.dateFormat };

    const errors: ImportRowError[] = [];
    const valid: RowToCheck[] = [];
    let invalidRows = 0;
    for (const row of table.rows) {
      const mapped = mapRow(row, plan, options);
      if (mapped.patient) {
        valid.push({ line: mapped.line, patient: mapped.patient });
      } else {
        invalidRows += 1;
        errors.push(...mapped.errors);
      }
    }

    const duplicates = [...duplicatesWithinFile(valid), ...(await duplicatesOfExisting(this.prisma, actor.organisationId, valid))].sort(
      (a, b) => a.line - b.line || (a.patientId === null ? 1 : 0) - (b.patientId === null ? 1 : 0),
    );
    const duplicateLines = new Set(duplicates.map((duplicate) => duplicate.line));
    const rows: StoredRow[] = valid.map(({ line, patient }) => ({ line, patient, duplicate: duplicateLines.has(line) }));
    const truncated = errors.length > IMPORT_REPORT_LIST_LIMIT || duplicates.length > IMPORT_REPORT_LIST_LIMIT;
    const report: StoredReport = {
      validRows: valid.length,
      errorRows: errors.slice(0, IMPORT_REPORT_LIST_LIMIT),
      duplicates: duplicates.slice(0, IMPORT_REPORT_LIST_LIMIT),
      truncated,
    };

    const created = await this.prisma.patientImport.create({
      data: {
        organisationId: actor.organisationId,
        clinicId: input.clinicId,
        createdById: actor.id,
        fileName: input.fileName,
        status: 'validated',
        totalRows: table.rows.length,
        errorCount: invalidRows,
        duplicateCount: duplicateLines.size,
        mapping: { ...input.mapping, dateFormat: input.dateFormat } as Prisma.InputJsonValue,
        rows: rows as unknown as Prisma.InputJsonValue,
        report: report as unknown as Prisma.InputJsonValue,
      },
      omit: { rows: true },
    });
    return toReport(created as PatientImportRow);
  }

  /** Status and progress, cheap enough to poll while a commit runs. */
  async progress(actor: RequestUser, id: string): Promise<PatientImportProgress> {
    return toProgress(await this.find(actor, id));
  }

  async report(actor: RequestUser, id: string): Promise<PatientImportReport> {
    return toReport(await this.find(actor, id));
  }

  /** An import of the caller's organisation (another organisation's id is a 404, as if it did not exist). */
  private async find(actor: RequestUser, id: string): Promise<PatientImportRow> {
    // `rows` can be megabytes: it is read only by the commit.
    const row = await this.prisma.patientImport.findFirst({ where: { id, organisationId: actor.organisationId }, omit: { rows: true } });
    if (!row) throw new NotFoundError('Patient import', id);
    return row as PatientImportRow;
  }

  private async assertClinicOfOrganisation(actor: RequestUser, clinicId: string): Promise<void> {
    const clinic = await this.prisma.clinic.findFirst({ where: { id: clinicId, organisationId: actor.organisationId }, select: { id: true } });
    if (!clinic) throw new InvalidInputError('clinicId: is not a clinic of your organisation', [{ path: 'clinicId', message: 'is not a clinic of your organisation' }]);
  }
}
