import { Injectable } from '@nestjs/common';
import {
  outcomeAnswersSchema,
  outcomeInstrument,
  scoreOutcome,
  type CreateOutcomeRequest,
  type OutcomeAnswers,
  type OutcomeRecord,
  type ProblemFieldError,
  type PsfsAnswer,
} from '@ims/contracts';
import type { Prisma, OutcomeRecord as OutcomeRecordRow } from '@ims/prisma';
import { AuditService } from '../audit/audit.service';
import type { RequestUser } from '../common/access/request-user';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ConflictError, InvalidInputError } from '../common/problem/domain-errors';
import { assertActivePatient, patientOfOrganisation } from '../consents/patient-lookup';
import { lockVisiblePlan, signedVisitsOf } from './outcome-plan-access';
import { atSession, sessionClockOf, toOutcomeRecord } from './outcome-view';
import { psfsActivityErrors } from './psfs-activities';
import { RECORD_ORDER } from './record-views';

/** Clocks of the tablet and the server differ a little: a takenAt this far ahead still counts as "now". */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * Recording an outcome measurement on a plan: checks what needs the plan (the session exists or is the next one, one
 * baseline per measure, PSFS activities kept, scoreable by the instrument's rule), then stores the answers with their
 * score in one audited transaction.
 */
@Injectable()
export class OutcomeRecordingService {
  constructor(
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** With an `Idempotency-Key`, a retry of the same request replays this response instead of recording twice. */
  async record(user: RequestUser, body: CreateOutcomeRequest, idempotencyKey?: string): Promise<OutcomeRecord> {
    const request = { key: idempotencyKey, method: 'POST', path: '/api/outcomes', body };
    return this.idempotency.run(user, request, async (tx) => {
      const plan = await lockVisiblePlan(tx, user, body.planId);
      assertActivePatient(await patientOfOrganisation(tx, user, plan.patientId));
      const signedVisits = await signedVisitsOf(tx, [plan.id]);
      const earlier = await tx.outcomeRecord.findMany({ where: { planId: plan.id, measure: body.measure }, orderBy: RECORD_ORDER });
      // Already checked item by item by the contract; parsed again for its normalised form (activity names trimmed).
      const answers = outcomeAnswersSchema(body.measure).parse(body.answers) as OutcomeAnswers;

      const score = scoreOutcome(body.measure, answers);
      const errors = [
        ...timingErrors(body, signedVisits.length),
        ...psfsErrors(body, answers, earlier),
        ...(score.scoreable ? [] : [{ path: 'answers', message: score.reason }]),
      ];
      if (errors.length > 0 || !score.scoreable) throw new InvalidInputError(errors.map((error) => `${error.path}: ${error.message}`).join('; '), errors);

      const baseline = earlier.find((row) => row.timepoint === 'baseline') ?? null;
      if (body.timepoint === 'baseline' && baseline) {
        throw new ConflictError(`The plan already has a baseline ${outcomeInstrument(body.measure).name}: change is measured from one baseline`, [
          { entity: 'outcome-record', id: baseline.id, message: `baseline taken ${baseline.takenAt.toISOString()}` },
        ]);
      }

      const created = await tx.outcomeRecord.create({
        data: {
          organisationId: user.organisationId,
          planId: plan.id,
          patientId: plan.patientId,
          measure: body.measure,
          timepoint: body.timepoint,
          sessionNumber: body.sessionNumber ?? null,
          answers: answers as Prisma.InputJsonValue,
          score: score.score,
          subscores: score.subscores ?? undefined,
          takenAt: new Date(body.takenAt),
          recordedById: user.id,
        },
      });
      await this.audit.record(
        user,
        {
          action: 'create',
          entityType: 'outcome-record',
          entityId: created.id,
          patientId: plan.patientId,
          clinicId: plan.clinicId,
          detail: { planId: plan.id, measure: body.measure, timepoint: body.timepoint, sessionNumber: created.sessionNumber, score: score.score },
        },
        tx,
      );
      return toOutcomeRecord(created, {
        baselineScore: baseline ? baseline.score.toNumber() : null,
        atSession: atSession(created, sessionClockOf(plan.clinic.timeZone, signedVisits)),
        recorderName: user.name,
      });
    });
  }
}

/** Not taken in the future, and a session that has been signed or is the next one. */
function timingErrors(body: CreateOutcomeRequest, signedSessions: number): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  if (Date.parse(body.takenAt) > Date.now() + CLOCK_SKEW_MS) errors.push({ path: 'takenAt', message: 'cannot be in the future' });
  if (body.sessionNumber !== undefined && body.sessionNumber > signedSessions + 1) {
    const signed = `${signedSessions} session${signedSessions === 1 ? ' is' : 's are'} signed`;
    errors.push({ path: 'sessionNumber', message: `cannot be later than the next session: ${signed}, so at most ${signedSessions + 1}` });
  }
  return errors;
}

/** A PSFS keeps the activities of the plan's baseline PSFS, or of its first PSFS while there is no baseline. */
function psfsErrors(body: CreateOutcomeRequest, answers: OutcomeAnswers, earlier: readonly OutcomeRecordRow[]): ProblemFieldError[] {
  if (body.measure !== 'PSFS') return [];
  const reference = earlier.find((row) => row.timepoint === 'baseline') ?? earlier[0];
  if (!reference) return [];
  const activities = (reference.answers as unknown as PsfsAnswer[]).map((entry) => entry.activity);
  const label = reference.timepoint === 'baseline' ? 'the baseline' : "the plan's first PSFS";
  return psfsActivityErrors(answers as PsfsAnswer[], { activities, label });
}
