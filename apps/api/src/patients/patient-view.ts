import type { Patient, PatientSummary } from '@ims/contracts';
import { Prisma, type PrismaClient } from '@ims/prisma';
import { isoDay, type PatientRow } from './patient-columns';

export type Db = PrismaClient | Prisma.TransactionClient;
export type PatientFlags = Patient['flags'];

const NO_FLAGS: PatientFlags = { imsConsentOnFile: false, precautionsPresent: false };

/**
 * The flags of patient `p`, as columns "imsConsentOnFile" and "precautionsPresent"; needs {@link FLAG_JOINS} in the
 * FROM clause. Shared by loadFlags and the search statement (which reads a page and its flags in one round trip).
 */
export const FLAG_COLUMNS = Prisma.sql`EXISTS (
    SELECT 1 FROM ims_consent c
    WHERE c.patient_id = p.id AND c.consented_on <= day.today AND (c.withdrawn_on IS NULL OR c.withdrawn_on > day.today)
  ) AS "imsConsentOnFile",
  COALESCE((
    SELECT s.precautions_present FROM patient_screening s
    WHERE s.patient_id = p.id ORDER BY s.recorded_at DESC, s.id DESC LIMIT 1
  ), false) AS "precautionsPresent"`;
export const FLAG_JOINS = Prisma.sql`JOIN clinic k ON k.id = p.home_clinic_id
  CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE k.time_zone)::date AS today) AS day`;

/**
 * The yes/no flags every role may see, for many patients in one query. "IMS consent on file" is a consent in force
 * today (consented on or before today, not withdrawn on or before today), today being the calendar day in the
 * patient's home clinic's zone; "precautions present" is what the newest screening found.
 */
export async function loadFlags(db: Db, patientIds: string[]): Promise<Map<string, PatientFlags>> {
  const flags = new Map<string, PatientFlags>();
  if (patientIds.length === 0) return flags;
  const rows = await db.$queryRaw<Array<{ id: string; imsConsentOnFile: boolean; precautionsPresent: boolean }>>`
    SELECT p.id::text AS id, ${FLAG_COLUMNS}
    FROM patient p ${FLAG_JOINS}
    WHERE p.id = ANY(${patientIds}::uuid[])`;
  for (const row of rows) flags.set(row.id, { imsConsentOnFile: row.imsConsentOnFile, precautionsPresent: row.precautionsPresent });
  return flags;
}

export function toPatient(row: PatientRow, flags: PatientFlags = NO_FLAGS): Patient {
  return {
    id: row.id,
    version: row.version,
    homeClinicId: row.homeClinicId,
    firstName: row.firstName,
    lastName: row.lastName,
    middleName: row.middleName,
    preferredName: row.preferredName,
    dateOfBirth: isoDay(row.dateOfBirth),
    sex: row.sex,
    genderIdentity: row.genderIdentity,
    pronouns: row.pronouns,
    phone: row.phone,
    phoneAlt: row.phoneAlt,
    email: row.email,
    address: { line1: row.addressLine1, line2: row.addressLine2, city: row.city, region: row.region, postalCode: row.postalCode, country: row.country },
    healthNumber: row.healthNumber,
    healthNumberIssuer: row.healthNumberIssuer,
    emergencyContact: { name: row.emergencyContactName, relationship: row.emergencyContactRelationship, phone: row.emergencyContactPhone },
    referrerName: row.referrerName,
    referralSource: row.referralSource,
    preferredContact: row.preferredContact,
    reminderConsentEmail: row.reminderConsentEmail,
    reminderConsentSms: row.reminderConsentSms,
    frontDeskNotes: row.frontDeskNotes,
    flags,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    anonymisedAt: row.anonymisedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The columns a search or duplicate row selects (alias `p`), read back by `toSummary`. */
export const SUMMARY_COLUMNS = Prisma.sql`p.id::text AS id, p.home_clinic_id::text AS "homeClinicId", p.first_name AS "firstName",
  p.last_name AS "lastName", p.preferred_name AS "preferredName", p.date_of_birth AS "dateOfBirth", p.phone, p.email,
  p.health_number AS "healthNumber", p.archived_at AS "archivedAt"`;

export interface SummaryRow {
  id: string;
  homeClinicId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: Date;
  phone: string | null;
  email: string | null;
  healthNumber: string | null;
  archivedAt: Date | null;
}

export function toSummary(row: SummaryRow, flags: PatientFlags = NO_FLAGS): PatientSummary {
  return {
    id: row.id,
    homeClinicId: row.homeClinicId,
    firstName: row.firstName,
    lastName: row.lastName,
    preferredName: row.preferredName,
    dateOfBirth: isoDay(row.dateOfBirth),
    phone: row.phone,
    email: row.email,
    healthNumber: row.healthNumber,
    flags,
    archived: row.archivedAt !== null,
  };
}

/** Summaries with their flags, in the order of `rows`. */
export async function summariesOf(db: Db, rows: SummaryRow[]): Promise<PatientSummary[]> {
  const flags = await loadFlags(db, rows.map((row) => row.id));
  return rows.map((row) => toSummary(row, flags.get(row.id)));
}
