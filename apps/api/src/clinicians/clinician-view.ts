import type { Clinician, NeedlingAuthorisation } from '@ims/contracts';
import type { Prisma } from '@ims/prisma';
import { compareHours, wallClockOf } from './working-hours';
import { dayIn, isAuthorisedOn } from './needling-authorisation';

/** What a Clinician response needs from the database, loaded in one query. */
export const CLINICIAN_INCLUDE = {
  user: { select: { clinics: { select: { clinic: { select: { id: true, name: true, timeZone: true } } } } } },
  authorisations: { orderBy: [{ validFrom: 'asc' }, { createdAt: 'asc' }] },
  workingHours: true,
} satisfies Prisma.ClinicianInclude;

export type ClinicianRow = Prisma.ClinicianGetPayload<{ include: typeof CLINICIAN_INCLUDE }>;
type AuthorisationRow = ClinicianRow['authorisations'][number];

/** A `date` column (midnight UTC through Prisma) as `YYYY-MM-DD`. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `YYYY-MM-DD` to what Prisma writes into a `date` column. */
export function dateColumn(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) throw new Error(`expected YYYY-MM-DD, got ${day}`);
  return date;
}

export function toAuthorisation(row: AuthorisationRow): NeedlingAuthorisation {
  return {
    id: row.id,
    kind: row.kind,
    issuingBody: row.issuingBody,
    number: row.number,
    validFrom: isoDay(row.validFrom),
    validTo: row.validTo ? isoDay(row.validTo) : null,
  };
}

/**
 * The Clinician payload. "Today" for `imsAuthorisedToday` is the calendar day in `timeZone` (the clinic the caller
 * asked about); without one, in the zone of the clinician's first clinic by name, since a day has no meaning
 * without a zone.
 */
export function toClinician(row: ClinicianRow, options: { timeZone?: string; now?: Date } = {}): Clinician {
  const clinics = row.user.clinics.map((membership) => membership.clinic).sort((a, b) => a.name.localeCompare(b.name));
  const authorisations = row.authorisations.map(toAuthorisation);
  const timeZone = options.timeZone ?? clinics[0]?.timeZone ?? 'UTC';
  return {
    id: row.id,
    userId: row.userId,
    name: row.displayName,
    registrationNumber: row.registrationNumber,
    clinicIds: clinics.map((clinic) => clinic.id),
    authorisations,
    workingHours: row.workingHours
      .map((hours) => ({ clinicId: hours.clinicId, weekday: hours.weekday, start: wallClockOf(hours.startTime), end: wallClockOf(hours.endTime) }))
      .sort(compareHours),
    imsAuthorisedToday: isAuthorisedOn(authorisations, 'ims', dayIn(timeZone, options.now)),
  };
}
