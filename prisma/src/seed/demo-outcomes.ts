import type { Faker } from '@faker-js/faker';
import { outcomeInstrument, scoreOutcome, type OutcomeAnswers, type OutcomeMeasure } from '@ims/contracts';
import type { Prisma } from '../generated/client/client';

/** The activities patients most often name on the PSFS for the demo's "other" conditions. */
const PSFS_ACTIVITIES = ['Climbing stairs', 'Walking 30 minutes', 'Kneeling in the garden', 'Running', 'Getting out of a car'];

export interface OutcomesInput {
  faker: Faker;
  organisationId: string;
  plans: Array<{ id: string; patientId: string; primaryMeasure: OutcomeMeasure; status: string; plannedSessions: number }>;
  /** Signed notes of each plan: session number and when (the questionnaire is filled in at that visit). */
  sessions: Map<string, Array<{ sessionNumber: number; visitedAt: Date }>>;
  responders: Map<string, boolean>;
  /** The clinician user who records them. */
  recordedById: string;
}

/**
 * Answers a patient of the given severity would give: each item placed at `severity` (0 best .. 1 worst) of its range
 * in the instrument's direction, with a little noise, so the published scoring turns them into a believable score.
 */
function answersAt(faker: Faker, measure: OutcomeMeasure, severity: number): OutcomeAnswers {
  const instrument = outcomeInstrument(measure);
  const jitter = () => Math.min(1, Math.max(0, severity + faker.number.float({ min: -0.12, max: 0.12 })));
  const badness = (f: number) => (instrument.direction === 'lower-is-better' ? f : 1 - f);
  if (measure === 'PSFS') {
    return PSFS_ACTIVITIES.slice(0, 3).map((activity) => ({ activity, value: Math.round(10 * badness(jitter())) }));
  }
  return instrument.items.map((item) => {
    if (item.values.kind === 'choices') {
      const choices = item.values.choices;
      return choices[Math.min(choices.length - 1, Math.round(jitter() * (choices.length - 1)))].value;
    }
    const { min, max } = item.values;
    return Math.round(min + (max - min) * (measure === 'GROC' ? 1 - jitter() : badness(jitter())));
  });
}

/**
 * Outcome measures as a clinic records them: the primary measure at baseline (first treatment), at session 4 and at
 * discharge of completed courses, plus a GROC at discharge. Responders improve by well over the MCID; the others
 * barely move, so the session-4 review flags them. Every record is scored by the published rules it will be read with.
 */
export function buildOutcomes(input: OutcomesInput): Prisma.OutcomeRecordCreateManyInput[] {
  const { faker } = input;
  const records: Prisma.OutcomeRecordCreateManyInput[] = [];
  const add = (plan: OutcomesInput['plans'][number], measure: OutcomeMeasure, timepoint: 'baseline' | 'session' | 'discharge', session: { sessionNumber: number; visitedAt: Date }, severity: number) => {
    const answers = answersAt(faker, measure, severity);
    const scored = scoreOutcome(measure, answers as never);
    if (!scored.scoreable) return;
    records.push({
      organisationId: input.organisationId,
      planId: plan.id,
      patientId: plan.patientId,
      measure,
      timepoint,
      sessionNumber: session.sessionNumber,
      answers: answers as Prisma.InputJsonValue,
      score: scored.score,
      subscores: scored.subscores ? (scored.subscores as Prisma.InputJsonValue) : undefined,
      takenAt: new Date(session.visitedAt.getTime() + 5 * 60_000),
      recordedById: input.recordedById,
    });
  };
  for (const plan of input.plans) {
    const sessions = input.sessions.get(plan.id) ?? [];
    if (sessions.length === 0) continue;
    const responder = input.responders.get(plan.id) ?? false;
    const baseline = faker.number.float({ min: 0.5, max: 0.75 });
    const measure = plan.primaryMeasure;
    if (measure !== 'GROC') add(plan, measure, 'baseline', sessions[0], baseline);
    const fourth = sessions.find((s) => s.sessionNumber === 4);
    if (fourth) add(plan, measure, 'session', fourth, responder ? baseline - 0.3 : baseline - 0.03);
    const last = sessions[sessions.length - 1];
    if (plan.status === 'completed' && last.sessionNumber > 4) {
      add(plan, measure, 'discharge', last, responder ? baseline - 0.45 : baseline - 0.05);
      add(plan, 'GROC', 'discharge', last, responder ? 0.15 : 0.45);
    }
  }
  return records;
}
