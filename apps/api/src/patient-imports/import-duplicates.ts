import type { DuplicateCandidate, ImportDuplicate } from '@ims/contracts';
import { foldForSearch, healthNumberKey, type Prisma, type PrismaClient } from '@ims/prisma';
import { SIMILAR_NAME } from '../patients/duplicate-finder';
import type { ImportedPatient } from './import-row-mapping';

type Reason = DuplicateCandidate['reasons'][number];
type Db = PrismaClient | Prisma.TransactionClient;

export interface RowToCheck {
  line: number;
  patient: ImportedPatient;
}

/** Strongest first, as registration's duplicate check orders them. */
const REASON_ORDER: Reason[] = ['same_health_number', 'same_phone', 'same_dob_similar_name', 'same_email_and_dob'];
const byStrength = (reasons: Iterable<Reason>): Reason[] => [...new Set(reasons)].sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));

/** At most this many existing patients are listed per row: more would not help anyone decide. */
const MAX_MATCHES_PER_ROW = 5;

const phonesOf = (patient: ImportedPatient) => [...new Set([patient.phone, patient.phoneAlt].filter((phone): phone is string => !!phone))];

/**
 * Rows that repeat an earlier row of the same file: the same health number, a shared phone, the same date of birth
 * with the same last name, or the same email and date of birth (registration's rules, with names compared exactly:
 * a file is one system's export, so its own duplicates are spelt alike). The first occurrence is kept as the original.
 */
export function duplicatesWithinFile(rows: RowToCheck[]): ImportDuplicate[] {
  const firstLineOf = new Map<string, number>();
  const found: ImportDuplicate[] = [];
  for (const { line, patient } of rows) {
    const keys: Array<[Reason, string]> = [
      ...(patient.healthNumber ? [['same_health_number', `h:${healthNumberKey(patient.healthNumber)}`] as [Reason, string]] : []),
      ...phonesOf(patient).map((phone) => ['same_phone', `p:${phone}`] as [Reason, string]),
      ['same_dob_similar_name', `n:${patient.dateOfBirth}:${foldForSearch(patient.lastName)}`],
      ...(patient.email ? [['same_email_and_dob', `e:${patient.dateOfBirth}:${patient.email.toLowerCase()}`] as [Reason, string]] : []),
    ];
    const earlier = keys.flatMap(([reason, key]) => (firstLineOf.has(key) ? [{ reason, line: firstLineOf.get(key)! }] : []));
    for (const [, key] of keys) if (!firstLineOf.has(key)) firstLineOf.set(key, line);
    if (earlier.length === 0) continue;
    const original = Math.min(...earlier.map((match) => match.line));
    found.push({ line, reasons: byStrength(earlier.filter((match) => match.line === original).map((match) => match.reason)), patientId: null, patientLabel: null, duplicateOfLine: original });
  }
  return found;
}

interface MatchRow {
  line: number;
  patientId: string;
  reasons: Reason[];
  label: string;
}

/**
 * Rows that look like patients already registered in the organisation, with registration's rules (see
 * DuplicateFinder) applied to the whole file in one statement: one equi-join per rule, so each can use a hash join
 * or an index however many rows the file has. Archived patients count; anonymised ones do not.
 */
export async function duplicatesOfExisting(db: Db, organisationId: string, rows: RowToCheck[]): Promise<ImportDuplicate[]> {
  if (rows.length === 0) return [];
  const lines = rows.map((row) => row.line);
  const dobs = rows.map((row) => row.patient.dateOfBirth);
  const names = rows.map((row) => foldForSearch(`${row.patient.firstName} ${row.patient.lastName}`));
  const lastNames = rows.map((row) => foldForSearch(row.patient.lastName));
  const healthKeys = rows.map((row) => healthNumberKey(row.patient.healthNumber));
  const emails = rows.map((row) => row.patient.email?.toLowerCase() ?? null);
  const phoneLines = rows.flatMap((row) => phonesOf(row.patient).map(() => row.line));
  const phones = rows.flatMap((row) => phonesOf(row.patient));

  const matches = await db.$queryRaw<MatchRow[]>`
    WITH r AS (
      SELECT * FROM unnest(${lines}::int[], ${dobs}::date[], ${names}::text[], ${lastNames}::text[], ${healthKeys}::text[], ${emails}::text[])
        AS r(line, dob, name, last_name, health_key, email)
    ),
    rp AS (SELECT * FROM unnest(${phoneLines}::int[], ${phones}::text[]) AS rp(line, phone)),
    candidates AS (SELECT id, date_of_birth, search_name, phone, phone_alt, health_number_key, email FROM patient
      WHERE organisation_id = ${organisationId}::uuid AND anonymised_at IS NULL),
    hits AS (
      SELECT r.line, p.id, 'same_dob_similar_name' AS reason FROM r JOIN candidates p ON p.date_of_birth = r.dob
        WHERE similarity(p.search_name, r.name) >= ${SIMILAR_NAME}
          OR word_similarity(r.name, p.search_name) >= ${SIMILAR_NAME + 0.2}
          OR position(' ' || r.last_name || ' ' IN ' ' || p.search_name || ' ') > 0
      UNION ALL SELECT rp.line, p.id, 'same_phone' FROM rp JOIN candidates p ON p.phone = rp.phone
      UNION ALL SELECT rp.line, p.id, 'same_phone' FROM rp JOIN candidates p ON p.phone_alt = rp.phone
      UNION ALL SELECT r.line, p.id, 'same_health_number' FROM r JOIN candidates p ON p.health_number_key = r.health_key
      UNION ALL SELECT r.line, p.id, 'same_email_and_dob' FROM r JOIN candidates p ON p.date_of_birth = r.dob AND lower(p.email) = r.email
    )
    SELECT h.line, h.id AS "patientId", array_agg(DISTINCT h.reason) AS reasons,
      p.first_name || ' ' || p.last_name || ' (' || to_char(p.date_of_birth, 'YYYY-MM-DD') || ')' AS label
    FROM hits h JOIN patient p ON p.id = h.id
    GROUP BY h.line, h.id, p.first_name, p.last_name, p.date_of_birth
    ORDER BY h.line, count(DISTINCT h.reason) DESC, p.last_name, p.first_name, h.id`;

  const perLine = new Map<number, number>();
  const found: ImportDuplicate[] = [];
  for (const match of matches) {
    const count = perLine.get(match.line) ?? 0;
    if (count >= MAX_MATCHES_PER_ROW) continue;
    perLine.set(match.line, count + 1);
    found.push({ line: match.line, reasons: byStrength(match.reasons), patientId: match.patientId, patientLabel: match.label, duplicateOfLine: null });
  }
  return found;
}
