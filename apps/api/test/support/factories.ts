import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import type { PrismaClient, Role } from '@ims/prisma';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2 }));

/** A fresh organisation with one clinic (America/Vancouver), for tests that need their own tenant. */
export async function createOrganisation(prisma: PrismaClient, name = `Test clinic ${randomUUID().slice(0, 8)}`) {
  const organisation = await prisma.organisation.create({ data: { name } });
  const clinic = await prisma.clinic.create({
    data: { organisationId: organisation.id, name: `${name} main`, timeZone: 'America/Vancouver' },
  });
  return { organisation, clinic };
}

/** A user with the given roles, member of the given clinics, password TEST_PASSWORD. */
export async function createUser(
  prisma: PrismaClient,
  options: { organisationId: string; clinicIds: string[]; roles: Role[]; email?: string; active?: boolean },
) {
  return prisma.user.create({
    data: {
      organisationId: options.organisationId,
      email: options.email ?? `user-${randomUUID().slice(0, 8)}@test.clinic`,
      name: 'Test User',
      passwordHash: await passwordHash(),
      roles: options.roles,
      active: options.active ?? true,
      clinics: { create: options.clinicIds.map((clinicId) => ({ organisationId: options.organisationId, clinicId })) },
    },
  });
}
