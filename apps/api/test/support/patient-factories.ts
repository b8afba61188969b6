import { randomBytes } from 'node:crypto';
import { searchFieldsOf, type PrismaClient } from '@ims/prisma';

export interface PatientSeed {
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD` */
  dateOfBirth?: string;
  middleName?: string | null;
  preferredName?: string | null;
  phone?: string | null;
  phoneAlt?: string | null;
  email?: string | null;
  healthNumber?: string | null;
  archived?: boolean;
}

/**
 * A patient written straight to the database with its search columns derived as the API derives them, for tests
 * that need many patients (search ranking) or a particular state (archived) without going through the routes.
 */
export async function insertPatient(prisma: PrismaClient, options: { organisationId: string; homeClinicId: string } & PatientSeed) {
  const { organisationId, homeClinicId, dateOfBirth, archived, ...fields } = options;
  return prisma.patient.create({
    data: {
      organisationId,
      homeClinicId,
      ...fields,
      dateOfBirth: new Date(`${dateOfBirth ?? '1980-04-02'}T00:00:00Z`),
      ...searchFieldsOf(fields),
      ...(archived ? { archivedAt: new Date() } : {}),
    },
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const randomWord = (length: number) => {
  const bytes = randomBytes(length);
  const word = [...bytes].map((byte) => LETTERS[byte % LETTERS.length]).join('');
  return word[0].toUpperCase() + word.slice(1);
};

/**
 * A valid registration body for `POST /api/patients`: random names and a random date of birth between 1930 and
 * 2010, so registrations in one test file do not look like duplicates of each other unless a test means them to.
 */
export function registration(homeClinicId: string, overrides: Record<string, unknown> = {}) {
  const day = new Date(Date.UTC(1930, 0, 1) + randomBytes(4).readUInt32BE(0) % (80 * 365) * 86_400_000);
  return {
    homeClinicId,
    firstName: randomWord(7),
    lastName: randomWord(9),
    dateOfBirth: day.toISOString().slice(0, 10),
    ...overrides,
  };
}
