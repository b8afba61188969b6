import { PATIENT_IMPORT_FIELDS, PatientFields, type ImportDateFormat, type ImportRowError, type PatientImportField, type PatientImportMapping } from '@ims/contracts';
import { InvalidInputError } from '../common/problem/domain-errors';
import { isoDay, newPatientColumns, type PatientColumns } from '../patients/patient-columns';
import type { CsvRow } from './csv-table';

/** Where each mapped field's value sits in a row: the column's index and its header (for the report). */
export type ColumnPlan = Array<{ field: PatientImportField; column: string; index: number }>;

/** A valid row, normalised as it will be written (date of birth as YYYY-MM-DD, so it can be kept as JSON). */
export type ImportedPatient = Omit<PatientColumns, 'homeClinicId' | 'dateOfBirth'> & { dateOfBirth: string };

export type MappedRow = { line: number; patient: ImportedPatient; errors?: undefined } | { line: number; patient?: undefined; errors: ImportRowError[] };

/** Resolves the mapping against the file's header row; a header that is missing or ambiguous is a 400 naming it. */
export function planColumns(headers: string[], mapping: PatientImportMapping): ColumnPlan {
  const plan: ColumnPlan = [];
  const errors: Array<{ path: string; message: string }> = [];
  for (const [field, column] of Object.entries(mapping) as Array<[PatientImportField, string | undefined]>) {
    if (column === undefined) continue;
    const matches = headers.flatMap((header, index) => (header.toLowerCase() === column.toLowerCase() ? [index] : []));
    if (matches.length === 0) errors.push({ path: `mapping.${field}`, message: `column "${column}" is not in the file's header row` });
    else if (matches.length > 1) errors.push({ path: `mapping.${field}`, message: `column "${column}" appears ${matches.length} times in the header row` });
    else plan.push({ field, column: headers[matches[0]], index: matches[0] });
  }
  if (errors.length > 0) throw new InvalidInputError('The column mapping does not match the file', errors);
  return plan;
}

const SEX: Record<string, string> = { f: 'female', female: 'female', w: 'female', m: 'male', male: 'male', i: 'intersex', intersex: 'intersex', u: 'unknown', unknown: 'unknown' };
const YES = new Set(['yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0']);
const BOOLEAN_FIELDS = new Set<PatientImportField>(['reminderConsentEmail', 'reminderConsentSms']);

/** Spreadsheet text → what the registration schema expects; a value that cannot be read becomes a row error. */
function cellValue(field: PatientImportField, raw: string, dateFormat: ImportDateFormat): { value: unknown } | { error: string } {
  const text = raw.trim();
  if (field === 'firstName' || field === 'lastName') return { value: text };
  if (field === 'dateOfBirth') return text === '' ? { error: 'is required' } : readDate(text, dateFormat);
  if (text === '') return { value: null };
  if (field === 'sex') return SEX[text.toLowerCase()] ? { value: SEX[text.toLowerCase()] } : { error: 'must be one of female, male, intersex, unknown (or F, M, I, U)' };
  if (field === 'preferredContact') return { value: text.toLowerCase() === 'text' ? 'sms' : text.toLowerCase() };
  if (field === 'country') return { value: text.toUpperCase() };
  if (BOOLEAN_FIELDS.has(field)) {
    if (YES.has(text.toLowerCase())) return { value: true };
    if (NO.has(text.toLowerCase())) return { value: false };
    return { error: 'must be yes or no' };
  }
  return { value: text };
}

const DATE_PATTERNS: Record<ImportDateFormat, { pattern: RegExp; order: [year: number, month: number, day: number] }> = {
  'YYYY-MM-DD': { pattern: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, order: [1, 2, 3] },
  'DD/MM/YYYY': { pattern: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/, order: [3, 2, 1] },
  'MM/DD/YYYY': { pattern: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/, order: [3, 1, 2] },
};

/** Rewrites a date in the file's declared format as YYYY-MM-DD; whether it is a real, past date the schema decides. */
function readDate(text: string, format: ImportDateFormat): { value: string } | { error: string } {
  const { pattern, order } = DATE_PATTERNS[format];
  const match = pattern.exec(text);
  if (!match) return { error: `is not a date written as ${format}` };
  const [year, month, day] = order.map((group) => match[group]);
  return { value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** Where a schema issue path points, as the import field it came from (address and emergency contact are nested). */
function fieldOfIssue(path: PropertyKey[]): PatientImportField | undefined {
  const [head, part] = path.map(String);
  if (head === 'address') return ({ line1: 'addressLine1', line2: 'addressLine2', city: 'city', region: 'region', postalCode: 'postalCode', country: 'country' } as const)[part as 'city'];
  if (head === 'emergencyContact') return ({ name: 'emergencyContactName', relationship: 'emergencyContactRelationship', phone: 'emergencyContactPhone' } as const)[part as 'name'];
  return (PATIENT_IMPORT_FIELDS as readonly string[]).includes(head) ? (head as PatientImportField) : undefined;
}

const FRIENDLIER: Partial<Record<PatientImportField, string>> = { country: 'must be a two-letter country code, e.g. CA' };

/**
 * Validates one row with the same schema as registration (so phones become E.164, dates of birth are real and past,
 * emails well-formed) and returns either the normalised patient or every problem of the row.
 */
export function mapRow(row: CsvRow, plan: ColumnPlan, options: { clinicId: string; headerCount: number; dateFormat: ImportDateFormat }): MappedRow {
  if (row.cells.length !== options.headerCount) {
    // A row with more or fewer cells than the header is misaligned: importing it would put values in the wrong fields.
    return { line: row.line, errors: [{ line: row.line, field: 'row', column: null, message: `has ${row.cells.length} cells; the header row has ${options.headerCount}` }] };
  }
  const errors: ImportRowError[] = [];
  const values: Partial<Record<PatientImportField, unknown>> = {};
  for (const { field, column, index } of plan) {
    const result = cellValue(field, row.cells[index] ?? '', options.dateFormat);
    if ('error' in result) errors.push({ line: row.line, field, column, message: result.error });
    else values[field] = result.value;
  }
  const parsed = PatientFields.safeParse({
    ...values,
    homeClinicId: options.clinicId,
    address: { line1: values.addressLine1, line2: values.addressLine2, city: values.city, region: values.region, postalCode: values.postalCode, country: values.country },
    emergencyContact: { name: values.emergencyContactName, relationship: values.emergencyContactRelationship, phone: values.emergencyContactPhone },
    preferredContact: values.preferredContact ?? undefined,
    reminderConsentEmail: values.reminderConsentEmail ?? undefined,
    reminderConsentSms: values.reminderConsentSms ?? undefined,
  });
  const failedAlready = new Set(errors.map((error) => error.field));
  for (const issue of parsed.error?.issues ?? []) {
    const field = fieldOfIssue(issue.path) ?? 'row';
    if (failedAlready.has(field)) continue;
    failedAlready.add(field);
    const column = plan.find((entry) => entry.field === field)?.column ?? null;
    errors.push({ line: row.line, field, column, message: (field !== 'row' && FRIENDLIER[field]) || issue.message });
  }
  if (errors.length > 0 || !parsed.success) return { line: row.line, errors: errors.sort((a, b) => plan.findIndex((p) => p.field === a.field) - plan.findIndex((p) => p.field === b.field)) };
  const { homeClinicId: _clinic, dateOfBirth, ...columns } = newPatientColumns(parsed.data);
  return { line: row.line, patient: { ...columns, dateOfBirth: isoDay(dateOfBirth) } };
}
