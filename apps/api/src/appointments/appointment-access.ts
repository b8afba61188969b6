import type { Prisma } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import { NotFoundError } from '../common/problem/domain-errors';
import { isUuid } from '../clinicians/clinician-lookup';
import type { Db } from './conflict-lookup';
import { APPOINTMENT_INCLUDE, type AppointmentRow } from './appointment-view';

/** Managers and admins look after every clinic of the organisation; everyone else works in their own clinics. */
const ORGANISATION_WIDE_ROLES = new Set(['admin', 'manager']);

export const isOrganisationWide = (user: RequestUser): boolean => user.roles.some((role) => ORGANISATION_WIDE_ROLES.has(role));

/** The clinics whose schedule the user may see and change, as a filter on `clinicId`. */
export function visibleClinicFilter(user: RequestUser): Prisma.StringFilter | undefined {
  return isOrganisationWide(user) ? undefined : { in: user.clinicIds };
}

/** A clinic the user may book at: of their organisation and (unless organisation-wide) one they work in; else 404. */
export async function visibleClinic(db: Db, user: RequestUser, clinicId: string) {
  const clinic = isUuid(clinicId)
    ? await db.clinic.findFirst({
        where: { id: clinicId, organisationId: user.organisationId },
        select: { id: true, name: true, timeZone: true, lateCancelNoticeHours: true },
      })
    : null;
  if (!clinic || (!isOrganisationWide(user) && !user.clinicIds.includes(clinic.id))) throw new NotFoundError('clinic', clinicId);
  return clinic;
}

/**
 * The appointment `id` as the user may see it: of their organisation and of a clinic they work in (managers and
 * admins: any clinic). Anything else is "not found", never "forbidden", so ids of others reveal nothing.
 */
export async function visibleAppointment(db: Db, user: RequestUser, id: string): Promise<AppointmentRow> {
  const clinicId = visibleClinicFilter(user);
  const row = isUuid(id)
    ? await db.appointment.findFirst({
        where: { id, organisationId: user.organisationId, ...(clinicId ? { clinicId } : {}) },
        include: APPOINTMENT_INCLUDE,
      })
    : null;
  if (!row) throw new NotFoundError('appointment', id);
  return row;
}
