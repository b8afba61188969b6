import type { z } from 'zod';
import type { PatientFields } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { searchFieldsOf, type SearchFields } from '@ims/prisma';

/** Registration fields as validated (phones in E.164, empty text as null). */
export type PatientInput = z.output<typeof PatientFields>;

/** The patient columns a registration or edit writes, flat as the table has them. */
export interface PatientColumns {
  homeClinicId: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  preferredName: string | null;
  dateOfBirth: Date;
  sex: PatientInput['sex'] | null;
  genderIdentity: string | null;
  pronouns: string | null;
  phone: string | null;
  phoneAlt: string | null;
  email: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  healthNumber: string | null;
  healthNumberIssuer: string | null;
  emergencyContactName: string | null;
  emergencyContactRelationship: string | null;
  emergencyContactPhone: string | null;
  referrerName: string | null;
  referralSource: string | null;
  preferredContact: PatientInput['preferredContact'];
  reminderConsentEmail: boolean;
  reminderConsentSms: boolean;
  frontDeskNotes: string | null;
}

export const COLUMN_NAMES = [
  'homeClinicId', 'firstName', 'lastName', 'middleName', 'preferredName', 'dateOfBirth', 'sex', 'genderIdentity', 'pronouns',
  'phone', 'phoneAlt', 'email', 'addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'country', 'healthNumber',
  'healthNumberIssuer', 'emergencyContactName', 'emergencyContactRelationship', 'emergencyContactPhone', 'referrerName',
  'referralSource', 'preferredContact', 'reminderConsentEmail', 'reminderConsentSms', 'frontDeskNotes',
] as const satisfies ReadonlyArray<keyof PatientColumns>;

/** `YYYY-MM-DD` to what Prisma writes into a `date` column (midnight UTC). */
export const dateColumn = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The columns an edit sets: only what the request names. `undefined` means "leave as is", `null` clears; an
 * address or emergency contact given as null clears all its parts, given as an object changes the parts it names.
 */
export function columnsOf(input: Partial<PatientInput>): Partial<PatientColumns> {
  const columns: Partial<PatientColumns> = {};
  const set = <K extends keyof PatientColumns>(key: K, value: PatientColumns[K] | undefined) => {
    if (value !== undefined) columns[key] = value;
  };
  set('homeClinicId', input.homeClinicId);
  set('firstName', input.firstName);
  set('lastName', input.lastName);
  set('middleName', input.middleName);
  set('preferredName', input.preferredName);
  set('dateOfBirth', input.dateOfBirth === undefined ? undefined : dateColumn(input.dateOfBirth));
  set('sex', input.sex);
  set('genderIdentity', input.genderIdentity);
  set('pronouns', input.pronouns);
  set('phone', input.phone);
  set('phoneAlt', input.phoneAlt);
  set('email', input.email);
  if (input.address !== undefined) {
    const address = input.address;
    set('addressLine1', address === null ? null : address.line1);
    set('addressLine2', address === null ? null : address.line2);
    set('city', address === null ? null : address.city);
    set('region', address === null ? null : address.region);
    set('postalCode', address === null ? null : address.postalCode);
    set('country', address === null ? null : address.country?.toUpperCase());
  }
  set('healthNumber', input.healthNumber);
  set('healthNumberIssuer', input.healthNumberIssuer);
  if (input.emergencyContact !== undefined) {
    const contact = input.emergencyContact;
    set('emergencyContactName', contact === null ? null : contact.name);
    set('emergencyContactRelationship', contact === null ? null : contact.relationship);
    set('emergencyContactPhone', contact === null ? null : contact.phone);
  }
  set('referrerName', input.referrerName);
  set('referralSource', input.referralSource);
  set('preferredContact', input.preferredContact);
  set('reminderConsentEmail', input.reminderConsentEmail);
  set('reminderConsentSms', input.reminderConsentSms);
  set('frontDeskNotes', input.frontDeskNotes);
  return columns;
}

/** Every registration column for a new patient: what the request leaves out is null (or its default). */
export function newPatientColumns(input: PatientInput): PatientColumns {
  const given = columnsOf(input);
  const blank = Object.fromEntries(COLUMN_NAMES.map((name) => [name, null])) as unknown as PatientColumns;
  return { ...blank, preferredContact: 'email', reminderConsentEmail: false, reminderConsentSms: false, ...given };
}

/** The registration columns of a stored row, for merging an edit into. */
export function columnsOfRow(row: PatientColumns): PatientColumns {
  return Object.fromEntries(COLUMN_NAMES.map((name) => [name, row[name]])) as unknown as PatientColumns;
}

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Names of the columns whose value differs (for the audit row: names only, never values). */
export function changedColumns(before: PatientColumns, after: PatientColumns): Array<keyof PatientColumns> {
  return COLUMN_NAMES.filter((name) => !sameValue(before[name], after[name]));
}

/** What to write: the columns plus the search columns derived from them (every patient write sets both). */
export function writeData(columns: PatientColumns): PatientColumns & SearchFields {
  return { ...columns, ...searchFieldsOf(columns) };
}

export type PatientRow = Prisma.PatientGetPayload<object>;
