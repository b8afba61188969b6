import {
  CreateOutcomeRequest,
  outcomeInstrument,
  scoreOutcome,
  type ItemAnswer,
  type OutcomeAnswersFor,
  type OutcomeMeasure,
  type OutcomeTimepoint,
  type PlanOutcomes,
  type PsfsAnswer,
} from '@ims/contracts';
import type { Control, FieldErrors, Resolver } from 'react-hook-form';
import { toFieldPath } from '../../lib/form-errors';
import { formatDateTime } from '../patients/patient-format';

/** What the recording form edits: fixed items in `answers`, PSFS activities in `activities`. */
export interface OutcomeFormValues {
  measure: OutcomeMeasure;
  timepoint: OutcomeTimepoint;
  /** NumberInput's value: a number, or '' while empty. */
  sessionNumber: number | string;
  /** A `datetime-local` value in the browser's zone. */
  takenAt: string;
  answers: ItemAnswer[];
  activities: PsfsAnswer[];
}

/** The form's control: it edits `OutcomeFormValues` and submits the request body its resolver builds. */
export type OutcomeFormControl = Control<OutcomeFormValues, unknown, CreateOutcomeRequest>;

/** What the form opens with when a due outcome or a button asked for a particular recording. */
export interface OutcomeFormPreset {
  measure: OutcomeMeasure;
  timepoint: OutcomeTimepoint;
  sessionNumber?: number | null;
}

/** Clocks of the tablet and the server differ a little, as the API allows for. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-03-10T09:05" in the browser's zone, as a `datetime-local` input holds it. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** One unanswered entry per item of the instrument. */
export function emptyAnswers(measure: OutcomeMeasure): ItemAnswer[] {
  return outcomeInstrument(measure).items.map(() => null);
}

/**
 * The PSFS activities every later PSFS of the plan keeps: those of its baseline PSFS, or of its first PSFS while there
 * is no baseline (the API holds recordings to the same reference). Null before any PSFS.
 */
export function psfsReference(outcomes: PlanOutcomes): { activities: string[]; label: string } | null {
  const psfs = outcomes.measures.find((measure) => measure.measure === 'PSFS');
  const reference = psfs?.baseline ?? psfs?.records[0];
  if (!reference) return null;
  const activities = (reference.answers as PsfsAnswer[]).map((entry) => entry.activity);
  return { activities, label: reference.timepoint === 'baseline' ? 'the baseline' : 'the plan’s first PSFS' };
}

/** A new PSFS: the reference's activities unrated, or empty rows to name. */
export function psfsDefaults(outcomes: PlanOutcomes): PsfsAnswer[] {
  const reference = psfsReference(outcomes);
  const min = outcomeInstrument('PSFS').activities!.min;
  const names = reference?.activities ?? Array.from({ length: min }, () => '');
  return names.map((activity) => ({ activity, value: null }));
}

/** Why this measure cannot take a baseline on this plan (GROC never does; one baseline per measure), or null. */
export function baselineBlocked(outcomes: PlanOutcomes, measure: OutcomeMeasure): string | null {
  const instrument = outcomeInstrument(measure);
  if (!instrument.hasBaseline) return `${instrument.name} has no baseline: it rates the change since treatment began`;
  const baseline = outcomes.measures.find((entry) => entry.measure === measure)?.baseline;
  return baseline ? `The baseline ${instrument.name} was taken ${formatDateTime(baseline.takenAt)}` : null;
}

/**
 * The form's starting point: the preset's measure and time point, else the plan's primary measure at baseline while
 * it has none and at the latest signed session after; taken now.
 */
export function outcomeFormDefaults(outcomes: PlanOutcomes, preset: OutcomeFormPreset | undefined, now: Date): OutcomeFormValues {
  const measure = preset?.measure ?? outcomes.primaryMeasure;
  const timepoint = preset?.timepoint ?? (baselineBlocked(outcomes, measure) ? 'session' : 'baseline');
  return {
    measure,
    timepoint,
    sessionNumber: preset?.sessionNumber ?? Math.max(1, outcomes.signedSessions),
    takenAt: toLocalInput(now),
    answers: emptyAnswers(measure),
    activities: psfsDefaults(outcomes),
  };
}

/** The answers as the API takes them: one per item in order (PSFS: `{ activity, value }` entries, names trimmed). */
export function answersOf(values: Pick<OutcomeFormValues, 'measure' | 'answers' | 'activities'>): ItemAnswer[] | PsfsAnswer[] {
  if (values.measure === 'PSFS') return values.activities.map((entry) => ({ activity: entry.activity.trim(), value: entry.value }));
  return outcomeInstrument(values.measure).items.map((_, index) => values.answers[index] ?? null);
}

/** The live score of what is entered so far, by the instrument's published rule. */
export function previewScore(values: Pick<OutcomeFormValues, 'measure' | 'answers' | 'activities'>) {
  return scoreOutcome(values.measure, answersOf(values) as OutcomeAnswersFor<typeof values.measure>);
}

function takenAtIso(takenAt: string): string | null {
  const time = takenAt ? new Date(takenAt).getTime() : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The request body for the form's values; `takenAt` stays empty when it is not a date (the contract then names it). */
export function toOutcomeRequest(values: OutcomeFormValues, planId: string): CreateOutcomeRequest {
  const session = values.timepoint === 'session' && values.sessionNumber !== '' ? Number(values.sessionNumber) : undefined;
  return {
    planId,
    measure: values.measure,
    timepoint: values.timepoint,
    ...(session === undefined ? {} : { sessionNumber: session }),
    answers: answersOf(values),
    takenAt: takenAtIso(values.takenAt) ?? '',
  };
}

const PLAIN_FIELDS = new Set(['measure', 'timepoint', 'sessionNumber', 'takenAt']);

/**
 * Where a problem path of the API or the contract (`answers.3`, `answers.0.activity`, `answers`, `takenAt`) sits in
 * this form: item 4's control, PSFS activity 1's name, the answers as a whole (`root.answers`), or null when the form
 * shows no such field.
 */
export function formPathOf(measure: OutcomeMeasure, path: string): string | null {
  const [head, index, field] = toFieldPath(path).split('.');
  if (head === undefined) return null;
  if (PLAIN_FIELDS.has(head)) return head;
  if (head !== 'answers') return null;
  if (index === undefined || !/^\d+$/.test(index)) return 'root.answers';
  if (measure !== 'PSFS') return `answers.${index}`;
  return `activities.${index}.${field === 'activity' ? 'activity' : 'value'}`;
}

function setIn(target: Record<string, unknown>, path: string, message: string) {
  const segments = path.split('.');
  let node: Record<string, unknown> = target;
  segments.slice(0, -1).forEach((segment, position) => {
    const nextIsIndex = /^\d+$/.test(segments[position + 1] ?? '');
    node[segment] ??= nextIsIndex ? [] : {};
    node = node[segment] as Record<string, unknown>;
  });
  const last = segments[segments.length - 1]!;
  node[last] ??= { type: 'validation', message };
}

interface OutcomeRules {
  planId: string;
  /** Signed sessions of the plan: a recording may name at most the next one. */
  signedSessions: number;
  now?: () => Date;
}

function timingErrors(values: OutcomeFormValues, { signedSessions, now = () => new Date() }: OutcomeRules): [string, string][] {
  const errors: [string, string][] = [];
  const takenAt = takenAtIso(values.takenAt);
  if (takenAt === null) errors.push(['takenAt', 'Enter the date and time it was taken']);
  else if (Date.parse(takenAt) > now().getTime() + CLOCK_SKEW_MS) errors.push(['takenAt', 'Cannot be in the future']);
  if (values.timepoint !== 'session' || values.sessionNumber === '') return errors;
  const session = Number(values.sessionNumber);
  if (!Number.isInteger(session) || session < 1) errors.push(['sessionNumber', 'Enter a session number of 1 or more']);
  else if (session > signedSessions + 1) {
    const signed = `${signedSessions} session${signedSessions === 1 ? ' is' : 's are'} signed`;
    errors.push(['sessionNumber', `Cannot be later than the next session: ${signed}, so at most ${signedSessions + 1}`]);
  }
  return errors;
}

/**
 * Checks the form as the API will: each answer against its item with the contract's own messages ("Item 4 (Reading)
 * must be 0 to 5"), the time point, the session, and that the instrument's rule can score the answers. Errors land on
 * the item they name, so the clinician sees the same marks before sending as after a refusal.
 */
export function outcomeResolver(rules: OutcomeRules): Resolver<OutcomeFormValues, unknown, CreateOutcomeRequest> {
  return (values) => {
    const errors: Record<string, unknown> = {};
    for (const [path, message] of timingErrors(values, rules)) setIn(errors, path, message);
    const body = toOutcomeRequest(values, rules.planId);
    const parsed = CreateOutcomeRequest.safeParse(body);
    for (const issue of parsed.error?.issues ?? []) {
      const path = formPathOf(values.measure, issue.path.join('.'));
      if (path) setIn(errors, path, issue.message);
    }
    if (parsed.success) {
      const score = previewScore(values);
      if (!score.scoreable) setIn(errors, 'root.answers', score.reason);
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors: errors as FieldErrors<OutcomeFormValues> };
    return { values: body, errors: {} };
  };
}
