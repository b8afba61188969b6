import { z } from 'zod';
import type { OutcomeInstrument, OutcomeItem, OutcomeMeasure } from './instrument-types';
import { outcomeInstrument } from './instruments';

/** One answer to a fixed item: its published value, or null when the patient left it unanswered. */
export type ItemAnswer = number | null;
/** One PSFS entry: the patient's activity (kept from baseline) and its 0-10 rating, null when unrated. */
export interface PsfsAnswer {
  activity: string;
  value: number | null;
}
export type OutcomeAnswers = ItemAnswer[] | PsfsAnswer[];
export type OutcomeAnswersFor<M extends OutcomeMeasure> = M extends 'PSFS' ? PsfsAnswer[] : ItemAnswer[];

/** "must be 0-5" or "must be 6, 8, 10, 11 or 13": what the item accepts, in the words of an error message. */
function acceptedValues(item: OutcomeItem): string {
  if (item.values.kind === 'range') return `must be ${item.values.min} to ${item.values.max}`;
  const values = item.values.choices.map((choice) => choice.value);
  return `must be ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function itemSchema(item: OutcomeItem) {
  const error = `Item ${item.number} (${item.label}) ${acceptedValues(item)}`;
  if (item.values.kind === 'choices') {
    const values = item.values.choices.map((choice) => choice.value);
    return z.literal(values, { error }).nullable();
  }
  return z.number({ error }).int({ error }).min(item.values.min, { error }).max(item.values.max, { error }).nullable();
}

function fixedItemsSchema(instrument: OutcomeInstrument): z.ZodType<ItemAnswer[]> {
  const count = instrument.items.length;
  const [first, ...rest] = instrument.items.map(itemSchema);
  return z.tuple([first, ...rest], {
    error: `${instrument.name} has ${count} item${count === 1 ? '' : 's'}: send ${count} answer${count === 1 ? '' : 's'} in item order, null for an unanswered item`,
  });
}

/** The 1-based activity number of an issue inside a PSFS entry: zod reports the full path, the entry index sits before the field. */
function activityNumber(path: readonly PropertyKey[] | undefined, depthFromEnd: number): number {
  const index = path?.[path.length - depthFromEnd];
  return typeof index === 'number' ? index + 1 : 0;
}

function psfsSchema(instrument: OutcomeInstrument): z.ZodType<PsfsAnswer[]> {
  const { min, max, activityMaxLength, values } = instrument.activities!;
  const ratingError = (issue: { path?: readonly PropertyKey[] }) =>
    `Activity ${activityNumber(issue.path, 2)} must be rated ${values.min} to ${values.max}, or null when not rated`;
  const nameError = (issue: { path?: readonly PropertyKey[] }) =>
    `Activity ${activityNumber(issue.path, 2)} needs a name of 1 to ${activityMaxLength} characters`;
  const entry = z.object(
    {
      activity: z.string({ error: nameError }).trim().min(1, { error: nameError }).max(activityMaxLength, { error: nameError }),
      value: z.number({ error: ratingError }).int({ error: ratingError }).min(values.min, { error: ratingError }).max(values.max, { error: ratingError }).nullable(),
    },
    { error: (issue) => `Activity ${activityNumber(issue.path, 1)} must be { activity, value }` },
  );
  const countError = `PSFS needs ${min} to ${max} activities`;
  return z.array(entry, { error: countError }).min(min, { error: countError }).max(max, { error: countError });
}

/**
 * The answers array for one instrument: one entry per item in published order (PSFS: 3-5 `{ activity, value }`),
 * each an allowed value or null. Issues carry the item's array index in their path and name the item in the message,
 * e.g. path `[3]` (under a body, `['answers', 3]`) and "Item 4 (Walking) must be 0 to 5".
 */
export function outcomeAnswersSchema<M extends OutcomeMeasure>(measure: M): z.ZodType<OutcomeAnswersFor<M>> {
  const instrument = outcomeInstrument(measure);
  const schema = measure === 'PSFS' ? psfsSchema(instrument) : fixedItemsSchema(instrument);
  return schema as z.ZodType<OutcomeAnswersFor<M>>;
}

/**
 * For a request body that carries `measure` and `answers` side by side: checks the answers against that measure's
 * instrument and reports each issue under `answers`. Use as `z.object({ measure: OutcomeMeasure, answers: z.array(z.unknown()), ... })
 * .superRefine(refineOutcomeAnswers)`.
 */
export function refineOutcomeAnswers(body: { measure: OutcomeMeasure; answers: unknown }, context: z.RefinementCtx): void {
  const result = outcomeAnswersSchema(body.measure).safeParse(body.answers);
  if (result.success) return;
  for (const issue of result.error.issues) {
    context.addIssue({ code: 'custom', path: ['answers', ...issue.path], message: issue.message });
  }
}
