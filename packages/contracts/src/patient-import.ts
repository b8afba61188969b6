import { z } from 'zod';
import { Id, IsoDateTime } from './common';
import { DuplicateReason } from './patients';

/**
 * CSV import of patients: a dry run (`POST /api/patient-imports`) validates every row and finds duplicates, then a
 * commit (`POST /api/patient-imports/:id/commit`) inserts the valid rows in one transaction, all or nothing.
 */

/** The largest CSV accepted, in characters (~10 MB): a chain's export of 20k+ patients fits comfortably. */
export const MAX_IMPORT_CSV_CHARS = 10 * 1024 * 1024;

/** The patient fields a CSV column can fill (the registration fields, with address and emergency contact flattened). */
export const PATIENT_IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'middleName',
  'preferredName',
  'dateOfBirth',
  'sex',
  'genderIdentity',
  'pronouns',
  'phone',
  'phoneAlt',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'healthNumber',
  'healthNumberIssuer',
  'emergencyContactName',
  'emergencyContactRelationship',
  'emergencyContactPhone',
  'referrerName',
  'referralSource',
  'preferredContact',
  'reminderConsentEmail',
  'reminderConsentSms',
  'frontDeskNotes',
] as const;
export const PatientImportField = z.enum(PATIENT_IMPORT_FIELDS);
export type PatientImportField = z.infer<typeof PatientImportField>;

const Header = z.string().trim().min(1, 'is required').max(200);
const optionalHeaders = Object.fromEntries(
  PATIENT_IMPORT_FIELDS.filter((field) => !['firstName', 'lastName', 'dateOfBirth'].includes(field)).map((field) => [field, Header.optional()]),
) as Record<Exclude<PatientImportField, 'firstName' | 'lastName' | 'dateOfBirth'>, z.ZodOptional<typeof Header>>;

/** Target field → the CSV header that fills it. Names and date of birth are required; other fields are optional. */
export const PatientImportMapping = z.strictObject({ firstName: Header, lastName: Header, dateOfBirth: Header, ...optionalHeaders });
export type PatientImportMapping = z.infer<typeof PatientImportMapping>;

/** How dates of birth are written in the file; day/month order cannot be guessed reliably, so the user says. */
export const ImportDateFormat = z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY']);
export type ImportDateFormat = z.infer<typeof ImportDateFormat>;

/** `POST /api/patient-imports`: the dry run. Nothing is imported yet; the response is the report. */
export const CreatePatientImportRequest = z.object({
  /** Home clinic given to every imported patient. */
  clinicId: Id,
  fileName: z.string().trim().min(1, 'is required').max(255),
  /** The whole file as text, header row first (UTF-8; a BOM is ignored; comma-separated). */
  csv: z.string().min(1, 'is required').max(MAX_IMPORT_CSV_CHARS, 'is larger than 10 MB'),
  mapping: PatientImportMapping,
  dateFormat: ImportDateFormat.default('YYYY-MM-DD'),
});
export type CreatePatientImportRequest = z.input<typeof CreatePatientImportRequest>;

/**
 * One problem of one row: `line` is the line of the file where the row starts (the header is line 1), `field` the
 * target field (or `row` for a problem with the row as a whole) and `column` the CSV header it came from.
 */
export const ImportRowError = z.object({
  line: z.number().int().positive(),
  field: z.union([PatientImportField, z.literal('row')]),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** A row that looks like someone already registered (`patientId`) or like an earlier row of the file (`duplicateOfLine`). */
export const ImportDuplicate = z.object({
  line: z.number().int().positive(),
  reasons: z.array(DuplicateReason),
  patientId: Id.nullable(),
  /** "First Last (YYYY-MM-DD)" of the existing patient, so the user can judge without opening them. */
  patientLabel: z.string().nullable(),
  duplicateOfLine: z.number().int().positive().nullable(),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicate>;

export const PatientImportStatus = z.enum(['validated', 'committing', 'committed', 'failed']);
export type PatientImportStatus = z.infer<typeof PatientImportStatus>;

/** `GET /api/patient-imports/:id`: where an import stands; poll it for the progress bar while committing. */
export const PatientImportProgress = z.object({
  importId: Id,
  clinicId: Id,
  fileName: z.string(),
  status: PatientImportStatus,
  /** Data rows in the file (the header not counted). */
  totalRows: z.number().int().nonnegative(),
  validRows: z.number().int().nonnegative(),
  /** Rows with at least one problem (never imported). */
  invalidRows: z.number().int().nonnegative(),
  /** Valid rows that look like an existing patient or an earlier row of the file. */
  duplicateRows: z.number().int().nonnegative(),
  /** Rows written so far by a running commit (visible before the commit's transaction ends). */
  processedRows: z.number().int().nonnegative(),
  /** Rows the commit is inserting (or inserted): the valid rows, less duplicates when they are skipped. */
  rowsToInsert: z.number().int().nonnegative().nullable(),
  insertedRows: z.number().int().nonnegative().nullable(),
  failureReason: z.string().nullable(),
  createdAt: IsoDateTime,
  committedAt: IsoDateTime.nullable(),
});
export type PatientImportProgress = z.infer<typeof PatientImportProgress>;

/** The dry run's report. Lists stop at REPORT_LIST_LIMIT entries (`truncated`); the counts are always complete. */
export const PatientImportReport = PatientImportProgress.extend({
  errorRows: z.array(ImportRowError),
  duplicates: z.array(ImportDuplicate),
  truncated: z.boolean(),
});
export type PatientImportReport = z.infer<typeof PatientImportReport>;
export const IMPORT_REPORT_LIST_LIMIT = 2000;

/**
 * `POST /api/patient-imports/:id/commit`. `skipDuplicates` must be chosen explicitly: true leaves out the rows the
 * report flags as duplicates, false imports them as new patients (the user checked they are different people).
 * A file with invalid rows is refused (422) unless `skipInvalidRows` is true: then only the valid rows are imported.
 */
export const CommitPatientImportRequest = z.object({
  skipDuplicates: z.boolean(),
  skipInvalidRows: z.boolean().default(false),
});
export type CommitPatientImportRequest = z.input<typeof CommitPatientImportRequest>;
