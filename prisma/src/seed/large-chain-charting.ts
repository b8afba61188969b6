import { outcomeInstrument, scoreOutcome, type OutcomeAnswers, type OutcomeMeasure } from '@ims/contracts';
import type { Condition } from '../generated/client/enums';
import { visitContentHash, type SignableVisit } from '../visits/visit-content-hash';
import { DAY_MS, dateOfDay } from './large-chain-clock';
import { IdMint, Rng } from './large-chain-random';
import { tableCode, type ChainBuffers } from './large-chain-tables';

/** A muscle of the catalogue (a migration puts it in every database), as the charting needs it. */
export interface CatalogueMuscle {
  id: string;
  code: string;
  region: string;
  sided: boolean;
  levelled: boolean;
  depthMinCm: number;
  depthMaxCm: number;
  thoraxRisk: boolean;
}

/**
 * Muscles needled per condition (catalogue codes), none near the pleura: the chain's consents do not disclose the
 * pneumothorax risk, so a thoracic site could not be signed.
 */
const MUSCLES_FOR_CONDITION: Record<Condition, string[]> = {
  neck_pain: ['upper_trapezius', 'splenius_capitis', 'cervical_multifidus', 'semispinalis_capitis', 'splenius_cervicis', 'suboccipitals'],
  back_pain: ['lumbar_multifidus', 'iliocostalis_lumborum', 'quadratus_lumborum', 'gluteus_medius', 'gluteus_maximus', 'piriformis', 'longissimus_lumborum'],
  headache: ['suboccipitals', 'temporalis', 'upper_trapezius', 'splenius_capitis', 'semispinalis_capitis', 'masseter', 'sternocleidomastoid'],
  tennis_elbow: ['extensor_carpi_radialis_brevis', 'extensor_carpi_radialis_longus', 'extensor_digitorum', 'supinator', 'brachioradialis', 'cervical_multifidus', 'anconeus'],
  frozen_shoulder: ['supraspinatus', 'infraspinatus', 'teres_minor', 'posterior_deltoid', 'middle_deltoid', 'anterior_deltoid', 'teres_major'],
  whiplash: ['upper_trapezius', 'cervical_multifidus', 'splenius_capitis', 'semispinalis_capitis', 'sternocleidomastoid', 'suboccipitals'],
  fibromyalgia: ['upper_trapezius', 'gluteus_medius', 'infraspinatus', 'lumbar_multifidus', 'quadratus_lumborum', 'splenius_capitis'],
  other: ['vastus_lateralis', 'tibialis_anterior', 'medial_gastrocnemius', 'soleus', 'biceps_femoris', 'gluteus_medius'],
};
const LEVELS: Record<string, string[]> = { head_neck: ['C3-C4', 'C4-C5', 'C5-C6', 'C6-C7'], back: ['L3-L4', 'L4-L5', 'L5-S1'] };
const NEEDLE_LENGTHS_MM = [15, 25, 30, 40, 50, 60, 75, 100];

const SUBJECTIVE = [
  'Pain eased for two days after last session, then returned at about half the intensity.',
  'Slept better this week. Still stiff first thing in the morning.',
  'Flare-up after a long day at the computer; settled with heat.',
  'Managed a full work week; aching by Friday afternoon.',
  'No change since last visit. Pain worse when driving.',
  'Walked 30 minutes daily without a flare.',
];
const OBJECTIVE = [
  'Taut bands palpable with local twitch on needling; range improved after treatment.',
  'Tender points reproduce familiar pain; segmental tenderness at the levels needled.',
  'Active range limited by pain at end range; guarding reduced after needling.',
];
const ASSESSMENT = [
  'Responding to IMS: shortened muscles releasing, pain settling.',
  'Slow progress; neuropathic features persist. Continue course and review at session 4.',
  'Good twitch responses; tolerance good. Expect further gains.',
];
const PLAN_TEXT = ['Continue weekly IMS.', 'Next session: add paraspinals at the segment above.', 'Review outcome measures at session 4.'];
const ADVICE = ['Heat and gentle movement tonight; expect soreness for 24-48 h.', 'Keep active; walk daily.', 'Posture breaks every 30 minutes at work.'];
const ASSESSMENT_SUBJECTIVE = 'Referred for chronic pain; history taken, red flags screened.';
const ASSESSMENT_FINDING = 'Initial assessment: chronic neuropathic pain with myofascial shortening; suitable for IMS.';

export interface ChartedVisit {
  appointmentId: string;
  clinicId: string;
  patientId: string;
  clinicianId: string;
  clinicianUserId: string;
  planId: string | null;
  condition: Condition | null;
  startsAt: number;
  localDay: number;
  /** Signed (completed appointment) or a draft (the visit in progress). */
  signed: boolean;
  /** Session n of the plan (signed treatment visits), else null. */
  sessionNumber: number | null;
  /** Pain before, on the plan's course (a responder's falls session by session). */
  painBefore: number;
  nowMs: number;
}

/**
 * The clinical record of one visit: an assessment without needling, or a treatment with 2-4 sites at depths inside
 * each muscle's usual range, balanced needle counts, and the adverse events the literature reports (bruising 7.6%,
 * bleeding 4.7%: Brady 2014). Written as a draft; a signed one carries the signature it gets when the whole chain is
 * signed in one statement at the end (the database refuses sites of a note that is already signed).
 */
export class Charting {
  private readonly pools: Map<Condition, CatalogueMuscle[]>;

  constructor(
    private readonly buffers: ChainBuffers,
    private readonly ids: IdMint,
    private readonly organisationId: string,
    muscles: CatalogueMuscle[],
  ) {
    const byCode = new Map(muscles.map((muscle) => [muscle.code, muscle]));
    this.pools = new Map(
      (Object.keys(MUSCLES_FOR_CONDITION) as Condition[]).map((condition) => [
        condition,
        MUSCLES_FOR_CONDITION[condition].map((code) => byCode.get(code)).filter((m): m is CatalogueMuscle => Boolean(m) && !m!.thoraxRisk),
      ]),
    );
  }

  writeVisit(rng: Rng, visit: ChartedVisit): void {
    const { signed } = visit;
    const needling = visit.condition !== null && visit.planId !== null && (this.pools.get(visit.condition)?.length ?? 0) >= 2;
    const signedAt = Math.min(visit.startsAt + 40 * 60_000, visit.nowMs);
    const id = this.ids.next(tableCode('visit_note'), visit.startsAt);
    const sites: SignableVisit['sites'] = [];
    const siteRows: Array<[number, CatalogueMuscle, string, string | null, string, number, string, string, string, string]> = [];
    if (needling && signed) {
      const pool = this.pools.get(visit.condition!)!;
      const count = rng.weighted([[2, 35], [3, 40], [4, 25]] as const);
      for (const [position, muscle] of rng.sample(pool, count).entries()) {
        const depth = Math.min(muscle.depthMaxCm, Math.max(muscle.depthMinCm, Math.round(rng.float(muscle.depthMinCm, muscle.depthMaxCm) * 2) / 2));
        const lengthMm = NEEDLE_LENGTHS_MM.find((length) => length >= depth * 10 + 5) ?? 100;
        const side = muscle.sided ? rng.pick(['left', 'right', 'bilateral']) : 'midline';
        const level = muscle.levelled ? rng.pick(LEVELS[muscle.region] ?? LEVELS.back) : null;
        const gauge = rng.chance(0.5) ? '0.25' : '0.30';
        const technique = rng.chance(0.8) ? 'pistoning' : 'rotation';
        const twitch = rng.weighted([['local', 5], ['strong', 3], ['none', 2]] as const);
        const tolerance = rng.chance(0.8) ? 'good' : 'fair';
        const depthText = depth.toFixed(1);
        siteRows.push([position, muscle, side, level, gauge, lengthMm, depthText, technique, twitch, tolerance]);
        sites.push({
          muscleId: muscle.id, muscle: { code: muscle.code }, side, level, gaugeMm: { toFixed: () => gauge }, lengthMm,
          depthCm: { toFixed: () => depthText }, depthAckReason: null, technique, twitch, tolerance,
        });
      }
    }
    const events: Array<{ kind: string; detail: string | null }> = [];
    if (sites.length > 0) {
      for (const [kind, chance] of [['bruising', 0.076], ['bleeding', 0.047], ['soreness', 0.1], ['vasovagal', 0.005]] as const) {
        if (rng.chance(chance)) events.push({ kind, detail: kind === 'bruising' ? 'Small bruise at one site; pressure applied' : null });
      }
    }
    const needles = sites.length;
    const assessmentVisit = visit.planId === null;
    const painAfter = signed ? Math.max(0, visit.painBefore - (needles > 0 ? rng.int(1, 3) : 0)) : null;
    const note = {
      subjective: assessmentVisit ? ASSESSMENT_SUBJECTIVE : rng.pick(SUBJECTIVE),
      objective: signed ? rng.pick(OBJECTIVE) : '',
      assessment: signed ? (needles > 0 ? rng.pick(ASSESSMENT) : ASSESSMENT_FINDING) : '',
      plan: signed ? rng.pick(PLAN_TEXT) : '',
      advice: signed && needles > 0 ? rng.pick(ADVICE) : '',
      minutesSpent: signed ? rng.int(25, 45) : null,
    };
    const visitDate = dateOfDay(visit.localDay);
    const contentHash = signed
      ? visitContentHash({
          id, appointmentId: visit.appointmentId, patientId: visit.patientId, clinicianId: visit.clinicianId, planId: visit.planId,
          visitedAt: new Date(visit.startsAt), visitDate: new Date(visit.localDay * DAY_MS), painBefore: visit.painBefore, painAfter,
          ...note, screeningChanges: '', needlingDone: needles > 0, needlesOpened: needles, needlesRemoved: needles, needlesRetained: 0, needlesDisposed: needles,
          sites, adverseEvents: events,
        })
      : null;
    this.buffers.visit_note.add([
      id, this.organisationId, visit.clinicId, visit.patientId, visit.clinicianId, visit.appointmentId, visit.planId, 'draft',
      new Date(visit.startsAt), visitDate, visit.sessionNumber, visit.painBefore, painAfter, note.subjective, note.objective, note.assessment,
      note.plan, note.advice, needles > 0 || (!signed && needling), needles, needles, 0, needles, note.minutesSpent,
      signed ? new Date(signedAt) : null, signed ? visit.clinicianUserId : null, contentHash, visit.clinicianUserId,
      new Date(visit.startsAt), new Date(signed ? signedAt : visit.nowMs),
    ]);
    for (const [position, muscle, side, level, gauge, lengthMm, depthText, technique, twitch, tolerance] of siteRows) {
      this.buffers.visit_site.add([this.ids.next(tableCode('visit_site'), visit.startsAt), id, position, muscle.id, side, level, gauge, lengthMm, depthText, technique, twitch, tolerance]);
    }
    for (const [position, event] of events.entries()) {
      this.buffers.visit_adverse_event.add([this.ids.next(tableCode('visit_adverse_event'), visit.startsAt), id, position, event.kind, event.detail]);
    }
  }
}

const PSFS_ACTIVITIES = ['Climbing stairs', 'Walking 30 minutes', 'Kneeling in the garden', 'Running', 'Getting out of a car'];

/**
 * Answers a patient of the given severity would give (0 best .. 1 worst), each item placed at that point of its range
 * in the instrument's direction with a little noise, so the published scoring gives a believable score.
 */
function answersAt(rng: Rng, measure: OutcomeMeasure, severity: number): OutcomeAnswers {
  const instrument = outcomeInstrument(measure);
  const jitter = () => Math.min(1, Math.max(0, severity + rng.float(-0.12, 0.12)));
  const badness = (f: number) => (instrument.direction === 'lower-is-better' ? f : 1 - f);
  if (measure === 'PSFS') return PSFS_ACTIVITIES.slice(0, 3).map((activity) => ({ activity, value: Math.round(10 * badness(jitter())) }));
  return instrument.items.map((item) => {
    if (item.values.kind === 'choices') {
      const choices = item.values.choices;
      return choices[Math.min(choices.length - 1, Math.round(jitter() * (choices.length - 1)))].value;
    }
    const { min, max } = item.values;
    return Math.round(min + (max - min) * (measure === 'GROC' ? 1 - jitter() : badness(jitter())));
  });
}

/** Answers with their published score, ready to be recorded. */
interface ScoredAnswers {
  answers: string;
  score: number;
  subscores: string | null;
}

/**
 * Answer sets per measure at 21 severities (0, 0.05 .. 1) with a few variants each, scored once by the published
 * rules: scoring validates the answers against the instrument's schema, far too slow to repeat half a million times.
 */
class AnswerPool {
  private readonly pools = new Map<OutcomeMeasure, ScoredAnswers[][]>();
  private static readonly LEVELS = 20;
  private static readonly VARIANTS = 6;

  constructor(private readonly seed: number) {}

  pick(rng: Rng, measure: OutcomeMeasure, severity: number): ScoredAnswers | undefined {
    let pool = this.pools.get(measure);
    if (!pool) {
      const poolRng = new Rng(this.seed, `answers-${measure}`);
      pool = Array.from({ length: AnswerPool.LEVELS + 1 }, (_, level) =>
        Array.from({ length: AnswerPool.VARIANTS }, () => {
          const answers = answersAt(poolRng, measure, level / AnswerPool.LEVELS);
          const scored = scoreOutcome(measure, answers as never);
          return scored.scoreable ? { answers: JSON.stringify(answers), score: scored.score, subscores: scored.subscores ? JSON.stringify(scored.subscores) : null } : undefined;
        }).filter((entry): entry is ScoredAnswers => entry !== undefined),
      );
      this.pools.set(measure, pool);
    }
    const level = pool[Math.min(AnswerPool.LEVELS, Math.max(0, Math.round(severity * AnswerPool.LEVELS)))];
    return level.length > 0 ? rng.pick(level) : undefined;
  }
}

export interface PlanOutcomes {
  planId: string;
  patientId: string;
  measure: OutcomeMeasure;
  recordedById: string;
  responder: boolean;
  completed: boolean;
  /** Signed sessions in order: number and visit time. */
  sessions: Array<{ sessionNumber: number; visitedAt: number }>;
}

/**
 * The primary measure at baseline (session 1), at session 4 and at discharge of a completed course, plus a GROC at
 * discharge. Responders improve by well over the MCID; the others barely move, so the session-4 review flags them.
 */
export class OutcomeWriter {
  private readonly answers: AnswerPool;

  constructor(
    private readonly buffers: ChainBuffers,
    private readonly ids: IdMint,
    private readonly organisationId: string,
    seed: number,
  ) {
    this.answers = new AnswerPool(seed);
  }

  write(rng: Rng, plan: PlanOutcomes): void {
    if (plan.sessions.length === 0) return;
    const baseline = rng.float(0.5, 0.75);
    const add = (measure: OutcomeMeasure, timepoint: string, session: { sessionNumber: number; visitedAt: number }, severity: number) => {
      const scored = this.answers.pick(rng, measure, severity);
      if (!scored) return;
      const takenAt = session.visitedAt + 5 * 60_000;
      this.buffers.outcome_record.add([
        this.ids.next(tableCode('outcome_record'), takenAt), this.organisationId, plan.planId, plan.patientId, measure, timepoint, session.sessionNumber,
        scored.answers, scored.score, scored.subscores, new Date(takenAt), plan.recordedById, new Date(takenAt),
      ]);
    };
    if (plan.measure !== 'GROC') add(plan.measure, 'baseline', plan.sessions[0], baseline);
    const fourth = plan.sessions.find((session) => session.sessionNumber === 4);
    if (fourth) add(plan.measure, 'session', fourth, plan.responder ? baseline - 0.3 : baseline - 0.03);
    const last = plan.sessions[plan.sessions.length - 1];
    if (plan.completed && last.sessionNumber > 4) {
      add(plan.measure, 'discharge', last, plan.responder ? baseline - 0.45 : baseline - 0.05);
      add('GROC', 'discharge', last, plan.responder ? 0.15 : 0.45);
    }
  }
}
