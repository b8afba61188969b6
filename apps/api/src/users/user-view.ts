import type { Prisma } from '@ims/prisma';
import type { RoleName, User } from '@ims/contracts';

/** What every user read loads: clinic memberships and the clinician profile's id. */
export const USER_INCLUDE = {
  clinics: { select: { clinicId: true } },
  clinician: { select: { id: true } },
} satisfies Prisma.UserInclude;

export type UserRow = Prisma.UserGetPayload<{ include: typeof USER_INCLUDE }>;

/** The User contract for a row; never the password hash or the two-factor secret. */
export function toUserView(row: UserRow): User {
  return {
    id: row.id,
    version: row.version,
    email: row.email,
    name: row.name,
    roles: row.roles as RoleName[],
    clinicIds: row.clinics.map((c) => c.clinicId).sort(),
    active: row.active,
    mfaEnabled: row.totpEnabledAt != null,
    clinicianId: row.clinician?.id ?? null,
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  };
}
