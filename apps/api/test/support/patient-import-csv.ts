import { searchFieldsOf, type PrismaClient } from '@ims/prisma';
import type { PatientImportMapping } from '@ims/contracts';
import type { TestApp } from './test-app';
import { createOrganisation, createUser } from './factories';
import { signIn, type SignedInAgent } from './sign-in';

/** The header row the import tests' files use, and the mapping that goes with it. */
export const HEADERS = ['First Name', 'Last Name', 'Date of Birth', 'Phone', 'Email', 'Health Number'];
export const MAPPING: PatientImportMapping = {
  firstName: 'First Name',
  lastName: 'Last Name',
  dateOfBirth: 'Date of Birth',
  phone: 'Phone',
  email: 'Email',
  healthNumber: 'Health Number',
};

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** A CSV file: the header row, then one line per row (cells in HEADERS order). */
export const csvOf = (rows: string[][]): string => [HEADERS, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Chloe', 'Mateo', 'Sofia', 'Arjun', 'Mei', 'Hiroshi', 'Amara', 'Jonas'];
const LAST = ['Smith', 'Brown', 'Tremblay', 'Martin', 'Roy', 'Wilson', 'Macdonald', 'Gagnon', 'Johnson', 'Taylor', 'Singh', 'Chen', 'Nguyen', 'Kowalski', 'Okafor', 'Haddad', 'Fraser', 'Leblanc'];

/**
 * `count` deterministic, valid, mutually distinct rows: every date of birth differs (one day apart from 1940), every
 * phone differs (604 and 778 numbers in the 555 range), so none of them is a duplicate of another.
 */
export function generatedRows(count: number, lastName: (index: number) => string = (i) => LAST[i % LAST.length]): string[][] {
  const start = Date.UTC(1940, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const dob = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const phone = `${i % 2 === 0 ? '604' : '778'}-555-${String(Math.floor(i / 2) % 10_000).padStart(4, '0')}`;
    return [FIRST[i % FIRST.length], lastName(i), dob, phone, `patient${i}@example.org`, ''];
  });
}

/** A fresh organisation with a signed-in receptionist (and the ids a test needs). */
export async function importTenant(testApp: TestApp, label: string): Promise<{ organisationId: string; clinicId: string; receptionist: SignedInAgent }> {
  const { organisation, clinic } = await createOrganisation(testApp.prisma, `${label} ${Math.random().toString(36).slice(2, 8)}`);
  const user = await createUser(testApp.prisma, { organisationId: organisation.id, clinicIds: [clinic.id], roles: ['receptionist'] });
  return { organisationId: organisation.id, clinicId: clinic.id, receptionist: await signIn(testApp, user.email) };
}

/** An already registered patient, search columns set as every patient write sets them. */
export async function registeredPatient(
  prisma: PrismaClient,
  fields: { organisationId: string; homeClinicId: string; firstName: string; lastName: string; dateOfBirth: string; phone?: string; healthNumber?: string },
) {
  const { dateOfBirth, ...rest } = fields;
  return prisma.patient.create({ data: { ...rest, dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`), ...searchFieldsOf(fields) } });
}
