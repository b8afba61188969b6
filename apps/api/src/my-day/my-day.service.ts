import { Injectable } from '@nestjs/common';
import type { MyDay, MyDayQuery } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { InjectPrisma } from '../database/database.tokens';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { InvalidInputError, NotFoundError } from '../common/problem/domain-errors';
import { ofOrganisation } from '../common/lookup/of-organisation';
import { isOrganisationWide, visibleClinicFilter } from '../appointments/appointment-access';
import { dayIn } from '../clinicians/needling-authorisation';
import type { Db } from '../consents/patient-lookup';
import { signedSessionCounts } from '../plans/plan-progress';
import { OutcomesService } from '../outcomes/outcomes.service';
import { latestPrecautions } from './latest-precautions';
import { MY_DAY_INCLUDE, toMyDayItem } from './my-day-view';

const DAY_MS = 86_400_000;

interface DayClinician {
  id: string;
  userId: string;
  clinics: Array<{ id: string; name: string; timeZone: string }>;
}

/**
 * A clinician's day at a glance: their appointments of one calendar day (each in its own clinic's time zone), minus
 * cancelled ones, with the patient's precautions, the plan's progress and the visit note if one exists. A fixed number
 * of queries whatever the number of appointments, and every patient shown is an audited read.
 */
@Injectable()
export class MyDayService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly outcomes: OutcomesService,
  ) {}

  async day(user: RequestUser, query: MyDayQuery): Promise<MyDay> {
    return this.prisma.$transaction(async (tx) => {
      const clinician = await this.clinicianFor(tx, user, query.clinicianId);
      const date = query.date ?? dayIn(defaultZone(clinician, user));
      const dayStart = Date.parse(`${date}T00:00:00Z`);
      const clinicId = visibleClinicFilter(user);
      // Any zone's local day lies within a day either side of the UTC one; the exact day is decided per row below.
      const candidates = await tx.appointment.findMany({
        where: {
          organisationId: user.organisationId,
          clinicianId: clinician.id,
          status: { not: 'cancelled' },
          startsAt: { gte: new Date(dayStart - DAY_MS), lt: new Date(dayStart + 2 * DAY_MS) },
          ...(clinicId ? { clinicId } : {}),
        },
        include: MY_DAY_INCLUDE,
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      });
      const rows = candidates.filter((row) => dayIn(row.timeZone, row.startsAt) === date);
      const precautions = await latestPrecautions(tx, rows.map((row) => row.patientId));
      const planIds = rows.flatMap((row) => (row.planId ? [row.planId] : []));
      const sessions = await signedSessionCounts(tx, planIds);
      const due = await this.outcomes.dueForPlans(planIds, tx);
      await this.audit.recordMany(
        user,
        rows.map((row) => ({ action: 'read', entityType: 'my-day', entityId: row.id, patientId: row.patientId, clinicId: row.clinicId, detail: { date, clinicianId: clinician.id } })),
        tx,
      );
      const items = rows.map((row) =>
        toMyDayItem(row, precautions.get(row.patientId) ?? [], row.planId ? (sessions.get(row.planId) ?? 0) : 0, row.planId ? (due.get(row.planId) ?? []) : []),
      );
      return { date, clinicianId: clinician.id, items };
    });
  }

  /**
   * Whose day: the one asked for, else the caller's own. Managers may look at any clinician of the organisation; a
   * physiotherapist at a colleague's day only where they work together (a clinician sharing no clinic with them is a
   * 404, like any resource of a clinic they do not work in), and then only its appointments in their own clinics.
   */
  private async clinicianFor(db: Db, user: RequestUser, clinicianId: string | undefined): Promise<DayClinician> {
    const select = { id: true, userId: true, user: { select: { clinics: { select: { clinic: { select: { id: true, name: true, timeZone: true } } } } } } } as const;
    const row = clinicianId
      ? await ofOrganisation('clinician', clinicianId, () => db.clinician.findFirst({ where: { id: clinicianId, organisationId: user.organisationId }, select }))
      : await db.clinician.findFirst({ where: { userId: user.id, organisationId: user.organisationId }, select });
    if (!row) {
      throw new InvalidInputError('clinicianId: is required (you have no clinician profile)', [{ path: 'clinicianId', message: 'is required: you have no clinician profile' }]);
    }
    const clinics = row.user.clinics.map((membership) => membership.clinic).sort((a, b) => a.name.localeCompare(b.name));
    const own = row.userId === user.id;
    if (!own && !isOrganisationWide(user) && !clinics.some((clinic) => user.clinicIds.includes(clinic.id))) throw new NotFoundError('clinician', row.id);
    return { id: row.id, userId: row.userId, clinics };
  }
}

/** "Today" without a date: in the zone of the clinician's first clinic (by name) that the caller may see. */
function defaultZone(clinician: DayClinician, user: RequestUser): string {
  const visible = isOrganisationWide(user) ? clinician.clinics : clinician.clinics.filter((clinic) => user.clinicIds.includes(clinic.id));
  return (visible[0] ?? clinician.clinics[0])?.timeZone ?? 'UTC';
}
