import { Injectable } from '@nestjs/common';
import { OUTCOME_INSTRUMENTS, OUTCOME_MEASURES, OutcomeMeasureDefinitions, type OutcomeDue, type OutcomeMeasure, type PlanOutcomes } from '@ims/contracts';
import type { PrismaClient } from '@ims/prisma';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { userNames } from '../consents/patient-lookup';
import { InjectPrisma } from '../database/database.tokens';
import { nprsByVisit } from './nprs-by-visit';
import { planMeasures } from './outcome-analysis';
import { signedVisitsOf, visiblePlan, type Db } from './outcome-plan-access';
import { outcomeReview } from './outcome-review';
import { outcomesDue } from './outcome-schedule';
import { atSession, sessionClockOf } from './outcome-view';
import { RECORD_ORDER, recordViews } from './record-views';

/** The instruments as the form needs them, checked against the contract once (a drifted instrument fails at start-up). */
const DEFINITIONS = OutcomeMeasureDefinitions.parse({ items: OUTCOME_MEASURES.map((measure) => OUTCOME_INSTRUMENTS[measure]) });

/**
 * Outcomes of treatment plans: the instruments, each plan's analysis (change from baseline, MCID, responder, the
 * session-4 review, NPRS per visit) and the schedule of what is due, which the clinician's day can show as well.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  definitions(): OutcomeMeasureDefinitions {
    return DEFINITIONS;
  }

  /** `GET /api/plans/:id/outcomes` for a plan of one of the caller's clinics (else 404); an audited read. */
  async planOutcomes(user: RequestUser, planId: string): Promise<PlanOutcomes> {
    const plan = await visiblePlan(this.prisma, user, planId);
    const [visits, rows] = await Promise.all([
      signedVisitsOf(this.prisma, [plan.id]),
      this.prisma.outcomeRecord.findMany({ where: { planId: plan.id }, orderBy: RECORD_ORDER }),
    ]);
    const records = recordViews(rows, sessionClockOf(plan.clinic.timeZone, visits), await userNames(this.prisma, rows.map((row) => row.recordedById)));
    const facts = { plan: { status: plan.status, primaryMeasure: plan.primaryMeasure as OutcomeMeasure, plannedSessions: plan.plannedSessions }, signedSessions: visits.length, records };
    const result: PlanOutcomes = {
      planId: plan.id,
      primaryMeasure: facts.plan.primaryMeasure,
      signedSessions: visits.length,
      plannedSessions: plan.plannedSessions,
      measures: planMeasures(facts.plan.primaryMeasure, records),
      review: outcomeReview(facts),
      nprsByVisit: nprsByVisit(visits.filter((visit): visit is typeof visit & { sessionNumber: number } => visit.sessionNumber !== null)),
      due: outcomesDue(facts),
    };
    await this.audit.record(user, { action: 'read', entityType: 'outcome-record', entityId: null, patientId: plan.patientId, clinicId: plan.clinicId, detail: { planId: plan.id } });
    return result;
  }

  /**
   * What each plan is waiting for (see outcomesDue), by plan id, for lists such as the clinician's day. The caller has
   * already decided the user may see these plans; unknown ids are left out. Pass `db` to read inside a transaction.
   */
  async dueForPlans(planIds: readonly string[], db: Db = this.prisma): Promise<Map<string, OutcomeDue[]>> {
    const ids = [...new Set(planIds)];
    if (ids.length === 0) return new Map();
    const [plans, visits, rows] = await Promise.all([
      db.treatmentPlan.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, primaryMeasure: true, plannedSessions: true, clinic: { select: { timeZone: true } } } }),
      signedVisitsOf(db, ids),
      db.outcomeRecord.findMany({ where: { planId: { in: ids } }, select: { planId: true, measure: true, timepoint: true, sessionNumber: true, takenAt: true } }),
    ]);
    return new Map(
      plans.map((plan) => {
        const own = visits.filter((visit) => visit.planId === plan.id);
        const clock = sessionClockOf(plan.clinic.timeZone, own);
        const records = rows
          .filter((row) => row.planId === plan.id)
          .map((row) => ({ measure: row.measure as OutcomeMeasure, timepoint: row.timepoint, atSession: atSession(row, clock) }));
        const due = outcomesDue({ plan: { status: plan.status, primaryMeasure: plan.primaryMeasure as OutcomeMeasure, plannedSessions: plan.plannedSessions }, signedSessions: own.length, records });
        return [plan.id, due];
      }),
    );
  }
}
