import { Prisma } from '@ims/prisma';
import type { RequestUser } from '../common/access/request-user';
import { NotFoundError } from '../common/problem/domain-errors';
import { isOrganisationWide } from '../appointments/appointment-access';

/** What every report covers: local calendar days [from, to] in each of these clinics' own time zones. */
export interface ReportScope {
  organisationId: string;
  clinics: Array<{ id: string; name: string; timeZone: string }>;
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
}

/** What runs the scope's one statement: ReportRows (a prepared statement through the pool; Prisma on PGlite). */
export interface ScopeRows {
  rows<T>(query: Prisma.Sql): Promise<T[]>;
}

export interface ScopeRequest {
  from: string;
  to: string;
  clinicId?: string[];
}

/**
 * The clinics a report covers. Named clinics must be ones the user may see, as for the schedule (managers and admins:
 * any clinic of the organisation; others: their own), else 404 like any unknown id. Without names: the clinics the
 * user works at, or every clinic of the organisation for an organisation-wide user who belongs to none.
 */
export async function resolveReportScope(db: ScopeRows, user: RequestUser, request: ScopeRequest): Promise<ReportScope> {
  const named = request.clinicId ?? [];
  const wanted = named.length > 0 ? named : user.clinicIds;
  const everyClinic = wanted.length === 0 && isOrganisationWide(user);
  const clinics = await db.rows<ReportScope['clinics'][number]>(Prisma.sql`SELECT c.id::text AS "id", c.name, c.time_zone AS "timeZone"
    FROM clinic c
    WHERE c.organisation_id = ${user.organisationId}::uuid AND (${everyClinic}::boolean OR c.id = ANY(${wanted}::uuid[]))
    ORDER BY c.name, c.id`);
  const maySee = (id: string) => isOrganisationWide(user) || user.clinicIds.includes(id);
  for (const id of named) {
    if (!clinics.some((clinic) => clinic.id === id) || !maySee(id)) throw new NotFoundError('clinic', id);
  }
  return { organisationId: user.organisationId, clinics: clinics.filter((clinic) => maySee(clinic.id)), from: request.from, to: request.to };
}

/**
 * CTE `scope`: one row per clinic with the instants its local range starts and ends at (midnight to midnight in its
 * zone, so a 23-hour or 25-hour daylight-saving day is exactly one day), and the cut-off at which states such as
 * "stalled" or "waiting" are judged: the end of the range, or now when that comes first. `cut_off_day` is the local
 * day whose end the cut-off is (today while the range runs on).
 */
export function scopeCte(scope: ReportScope): Prisma.Sql {
  const ids = scope.clinics.map((clinic) => clinic.id);
  return Prisma.sql`scope AS (
    SELECT c.id AS clinic_id, c.name AS clinic_name, c.time_zone,
      (${scope.from}::date)::timestamp AT TIME ZONE c.time_zone AS range_start,
      (${scope.to}::date + 1)::timestamp AT TIME ZONE c.time_zone AS range_end,
      least((${scope.to}::date + 1)::timestamp AT TIME ZONE c.time_zone, now()) AS cut_off,
      least(${scope.to}::date, (now() AT TIME ZONE c.time_zone)::date) AS cut_off_day
    FROM clinic c
    WHERE c.organisation_id = ${scope.organisationId}::uuid AND c.id = ANY(${ids}::uuid[])
  )`;
}

/** The report's request as the audit trail keeps it. */
export const scopeDetail = (scope: ReportScope) => ({ from: scope.from, to: scope.to, clinicIds: scope.clinics.map((clinic) => clinic.id) });
