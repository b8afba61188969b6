import type { ItemAnswer, OutcomeAnswersFor, PsfsAnswer } from './answers';
import { outcomeAnswersSchema } from './answers';
import type { OutcomeInstrument, OutcomeMeasure, OutcomeSubscale } from './instrument-types';
import { outcomeInstrument } from './instruments';
import { roundToTenth } from './rounding';

export type OutcomeScore =
  | { scoreable: true; score: number; subscores?: Record<string, number> }
  | { scoreable: false; rule: 'missing-items' | 'invalid-answers'; reason: string };

type Scored = Extract<OutcomeScore, { scoreable: true }>;
type NotScoreable = Extract<OutcomeScore, { scoreable: false }>;

function answeredValues(answers: readonly ItemAnswer[]): number[] {
  return answers.filter((answer): answer is number => answer !== null);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function tooFewAnswered(name: string, needed: number, of: number, answered: number, what = 'items'): NotScoreable {
  if (of === 1) return { scoreable: false, rule: 'missing-items', reason: `${name} needs its single item answered` };
  const needs = needed === of ? `all ${of} ${what}` : `at least ${needed} of ${of} ${what}`;
  return { scoreable: false, rule: 'missing-items', reason: `${name} needs ${needs} answered; ${answered} ${answered === 1 ? 'was' : 'were'}` };
}

/** The whole-instrument rule: at least items − maxMissing answered. */
function checkAnswered(instrument: OutcomeInstrument, answers: readonly ItemAnswer[]): NotScoreable | null {
  const answered = answeredValues(answers).length;
  const needed = instrument.items.length - instrument.maxMissing;
  return answered >= needed ? null : tooFewAnswered(instrument.name, needed, instrument.items.length, answered);
}

function scored(score: number, subscores?: Record<string, number>): Scored {
  if (!subscores) return { scoreable: true, score: roundToTenth(score) };
  const rounded = Object.fromEntries(Object.entries(subscores).map(([key, value]) => [key, roundToTenth(value)]));
  return { scoreable: true, score: roundToTenth(score), subscores: rounded };
}

/** A subscale's answered values, or why it cannot be scored (more than its `maxMissing` unanswered). */
function subscaleValues(instrument: OutcomeInstrument, subscale: OutcomeSubscale, answers: readonly ItemAnswer[]): number[] | NotScoreable {
  const values = answeredValues(subscale.items.map((number) => answers[number - 1]));
  const needed = subscale.items.length - subscale.maxMissing;
  if (values.length >= needed) return values;
  return tooFewAnswered(`${instrument.name} ${subscale.label.toLowerCase()} subscale`, needed, subscale.items.length, values.length);
}

interface AnsweredSubscale {
  values: number[];
  itemCount: number;
}

/** Sum of a subscale with each missing item given the mean of its answered items (PRTEE user manual). */
function sumWithMeanSubstitution({ values, itemCount }: AnsweredSubscale): number {
  return (sum(values) / values.length) * itemCount;
}

/** Each subscale's answered values, or the first subscale that cannot be scored. */
function allSubscaleValues(instrument: OutcomeInstrument, answers: readonly ItemAnswer[]): Map<string, AnsweredSubscale> | NotScoreable {
  const bySubscale = new Map<string, AnsweredSubscale>();
  for (const subscale of instrument.subscales ?? []) {
    const values = subscaleValues(instrument, subscale, answers);
    if (!Array.isArray(values)) return values;
    bySubscale.set(subscale.key, { values, itemCount: subscale.items.length });
  }
  return bySubscale;
}

type ItemScorer = (instrument: OutcomeInstrument, answers: readonly ItemAnswer[]) => OutcomeScore;

const singleItem: ItemScorer = (instrument, answers) => checkAnswered(instrument, answers) ?? scored(answers[0] as number);

const completeSum: ItemScorer = (instrument, answers) => checkAnswered(instrument, answers) ?? scored(sum(answeredValues(answers)));

/** Sum scaled up to the full item count: the same as giving each missing item the mean of the answered ones. */
const proratedSum: ItemScorer = (instrument, answers) => {
  const values = answeredValues(answers);
  return checkAnswered(instrument, answers) ?? scored((sum(values) * instrument.items.length) / values.length);
};

const ITEM_SCORERS: Record<Exclude<OutcomeMeasure, 'PSFS'>, ItemScorer> = {
  NPRS: singleItem,
  GROC: singleItem,
  HIT6: completeSum,
  NDI: proratedSum,
  LEFS: proratedSum,
  ODI: (instrument, answers) => {
    const values = answeredValues(answers);
    return checkAnswered(instrument, answers) ?? scored((sum(values) / (5 * values.length)) * 100);
  },
  QUICKDASH: (instrument, answers) => {
    const values = answeredValues(answers);
    return checkAnswered(instrument, answers) ?? scored((sum(values) / values.length - 1) * 25);
  },
  PRTEE: (instrument, answers) => {
    const subscales = allSubscaleValues(instrument, answers);
    if (!(subscales instanceof Map)) return subscales;
    const pain = sumWithMeanSubstitution(subscales.get('pain')!);
    const fn = sumWithMeanSubstitution(subscales.get('function')!) / 2;
    return scored(pain + fn, { pain, function: fn });
  },
  SPADI: (instrument, answers) => {
    const subscales = allSubscaleValues(instrument, answers);
    if (!(subscales instanceof Map)) return subscales;
    const percentOfMax = ({ values }: AnsweredSubscale) => (sum(values) / (10 * values.length)) * 100;
    const pain = percentOfMax(subscales.get('pain')!);
    const disability = percentOfMax(subscales.get('disability')!);
    return scored((pain + disability) / 2, { pain, disability });
  },
  FIQR: (instrument, answers) => {
    const missing = checkAnswered(instrument, answers);
    if (missing) return missing;
    const subscales = allSubscaleValues(instrument, answers) as Map<string, AnsweredSubscale>;
    const fn = sum(subscales.get('function')!.values) / 3;
    const overall = sum(subscales.get('overall')!.values);
    const symptoms = sum(subscales.get('symptoms')!.values) / 2;
    return scored(fn + overall + symptoms, { function: fn, overall, symptoms });
  },
};

function scorePsfs(instrument: OutcomeInstrument, answers: readonly PsfsAnswer[]): OutcomeScore {
  const ratings = answers.map((entry) => entry.value).filter((value): value is number => value !== null);
  if (ratings.length < answers.length) return tooFewAnswered(instrument.name, answers.length, answers.length, ratings.length, 'listed activities');
  return scored(sum(ratings) / ratings.length);
}

/**
 * Scores answers by the instrument's published rule, to one decimal. Answers that do not fit the instrument, or too
 * many unanswered items, give `{ scoreable: false, reason }` naming the rule (e.g. "QuickDASH needs at least 10 of
 * 11 items answered; 9 were") rather than a throw, so the API can turn it into a 400 and the UI can show it.
 */
export function scoreOutcome<M extends OutcomeMeasure>(measure: M, answers: OutcomeAnswersFor<M>): OutcomeScore {
  const instrument = outcomeInstrument(measure);
  const parsed = outcomeAnswersSchema(measure).safeParse(answers);
  if (!parsed.success) {
    return { scoreable: false, rule: 'invalid-answers', reason: parsed.error.issues.map((issue) => issue.message).join('; ') };
  }
  if (measure === 'PSFS') return scorePsfs(instrument, parsed.data as PsfsAnswer[]);
  return ITEM_SCORERS[measure as Exclude<OutcomeMeasure, 'PSFS'>](instrument, parsed.data as ItemAnswer[]);
}
