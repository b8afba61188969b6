import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@ims/prisma';
import { createUser } from './factories';

/** Another clinic of the organisation, in the given IANA zone. */
export async function createClinic(prisma: PrismaClient, options: { organisationId: string; timeZone?: string; name?: string }) {
  return prisma.clinic.create({
    data: {
      organisationId: options.organisationId,
      name: options.name ?? `Clinic ${randomUUID().slice(0, 8)}`,
      timeZone: options.timeZone ?? 'America/Vancouver',
    },
  });
}

/**
 * A physiotherapist user with a clinician profile, member of `clinicIds`. `authorisations` are calendar days
 * (`YYYY-MM-DD`, validTo null for open-ended).
 */
export async function createClinician(
  prisma: PrismaClient,
  options: {
    organisationId: string;
    clinicIds: string[];
    name?: string;
    email?: string;
    authorisations?: Array<{ kind?: 'ims' | 'dry_needling'; validFrom: string; validTo: string | null }>;
  },
) {
  const user = await createUser(prisma, { organisationId: options.organisationId, clinicIds: options.clinicIds, roles: ['physiotherapist'], email: options.email });
  const clinician = await prisma.clinician.create({
    data: {
      organisationId: options.organisationId,
      userId: user.id,
      displayName: options.name ?? `Clinician ${randomUUID().slice(0, 6)}`,
      authorisations: {
        create: (options.authorisations ?? []).map((a) => ({
          organisationId: options.organisationId,
          kind: a.kind ?? 'ims',
          issuingBody: 'iSTOP',
          validFrom: new Date(`${a.validFrom}T00:00:00Z`),
          validTo: a.validTo ? new Date(`${a.validTo}T00:00:00Z`) : null,
        })),
      },
    },
  });
  return { user, clinician };
}

/** A patient of the organisation whose home is `homeClinicId`. */
export async function createPatient(prisma: PrismaClient, options: { organisationId: string; homeClinicId: string; lastName?: string }) {
  return prisma.patient.create({
    data: {
      organisationId: options.organisationId,
      homeClinicId: options.homeClinicId,
      firstName: 'Pat',
      lastName: options.lastName ?? `Patient-${randomUUID().slice(0, 6)}`,
      dateOfBirth: new Date('1980-04-02T00:00:00Z'),
    },
  });
}
