import type { ImportDuplicate, ImportRowError, PatientImportProgress, PatientImportReport } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import type { ImportedPatient } from './import-row-mapping';

/** A valid row kept for the commit (`patient_import.rows`). */
export interface StoredRow {
  line: number;
  patient: ImportedPatient;
  /** Flagged by the dry run as a likely duplicate (of a patient or of an earlier row). */
  duplicate: boolean;
}

/** What `patient_import.report` holds: the dry run's findings, then the commit's outcome. */
export interface StoredReport {
  validRows: number;
  errorRows: ImportRowError[];
  duplicates: ImportDuplicate[];
  truncated: boolean;
  rowsToInsert?: number;
  insertedRows?: number;
  failureReason?: string;
  /** When the running commit started: a claim older than the commit's time limit belongs to a dead attempt. */
  commitStartedAt?: string;
}

export type PatientImportRow = Prisma.PatientImportGetPayload<object>;

export const reportOf = (row: PatientImportRow): StoredReport => row.report as unknown as StoredReport;

export function toProgress(row: PatientImportRow): PatientImportProgress {
  const report = reportOf(row);
  return {
    importId: row.id,
    clinicId: row.clinicId,
    fileName: row.fileName,
    status: row.status,
    totalRows: row.totalRows,
    validRows: report.validRows,
    invalidRows: row.errorCount,
    duplicateRows: row.duplicateCount,
    processedRows: row.processedRows,
    rowsToInsert: report.rowsToInsert ?? null,
    insertedRows: report.insertedRows ?? null,
    failureReason: report.failureReason ?? null,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

export function toReport(row: PatientImportRow): PatientImportReport {
  const report = reportOf(row);
  return { ...toProgress(row), errorRows: report.errorRows, duplicates: report.duplicates, truncated: report.truncated };
}
