import { outcomeInstrument } from '@ims/contracts';
import { describe, expect, it } from 'vitest';
import { PLAN_ID } from '../plans/testing/plan-fixtures';
import { describeMcid, formatChange, formatScore, outcomeDueLabel } from './outcome-format';
import { emptyAnswers, formPathOf, outcomeResolver, toLocalInput, type OutcomeFormValues } from './outcome-form';

const NOW = new Date('2026-03-10T17:00:00Z');

function values(over: Partial<OutcomeFormValues> = {}): OutcomeFormValues {
  return {
    measure: 'NPRS',
    timepoint: 'session',
    sessionNumber: 4,
    takenAt: toLocalInput(new Date(NOW.getTime() - 60_000)),
    answers: [6],
    activities: [],
    ...over,
  };
}

async function resolve(form: OutcomeFormValues, signedSessions = 3) {
  const resolver = outcomeResolver({ planId: PLAN_ID, signedSessions, now: () => NOW });
  return resolver(form, undefined, { fields: {}, shouldUseNativeValidation: false });
}

describe('formPathOf', () => {
  it('puts an API path on the control that shows it', () => {
    expect(formPathOf('NDI', 'answers.3')).toBe('answers.3');
    expect(formPathOf('NDI', 'answers[3]')).toBe('answers.3');
    expect(formPathOf('PSFS', 'answers.0.activity')).toBe('activities.0.activity');
    expect(formPathOf('PSFS', 'answers.2.value')).toBe('activities.2.value');
    expect(formPathOf('QUICKDASH', 'answers')).toBe('root.answers');
    expect(formPathOf('NDI', '/takenAt')).toBe('takenAt');
    expect(formPathOf('NDI', 'planId')).toBeNull();
  });
});

describe('outcomeResolver', () => {
  it('builds the request body from valid values', async () => {
    const result = await resolve(values());
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ planId: PLAN_ID, measure: 'NPRS', timepoint: 'session', sessionNumber: 4, answers: [6], takenAt: '2026-03-10T16:59:00.000Z' });
  });

  it('sends no session number for a time point other than a session', async () => {
    const result = await resolve(values({ timepoint: 'discharge', sessionNumber: 4 }));
    expect(result.values).not.toHaveProperty('sessionNumber');
  });

  it('refuses a session beyond the next one, a time in the future and an empty session', async () => {
    const late = await resolve(values({ sessionNumber: 5, takenAt: toLocalInput(new Date(NOW.getTime() + 10 * 60_000)) }));
    expect(late.errors.sessionNumber?.message).toBe('Cannot be later than the next session: 3 sessions are signed, so at most 4');
    expect(late.errors.takenAt?.message).toBe('Cannot be in the future');
    const empty = await resolve(values({ sessionNumber: '', takenAt: '' }));
    expect(empty.errors.sessionNumber?.message).toBe('is required when the time point is a session');
    expect(empty.errors.takenAt?.message).toBe('Enter the date and time it was taken');
  });

  it('marks the item out of range and refuses answers the instrument cannot score', async () => {
    const wrong = await resolve(values({ measure: 'NDI', answers: [1, 1, 1, 9, 1, 1, 1, 1, 1, 1] }));
    expect((wrong.errors.answers as unknown as ({ message: string } | undefined)[])[3]?.message).toBe('Item 4 (Reading) must be 0 to 5');
    const sparse = await resolve(values({ measure: 'NDI', answers: [...emptyAnswers('NDI').slice(3), 1, 1, 1] }));
    expect(sparse.errors.root?.answers?.message).toBe('NDI needs at least 8 of 10 items answered; 3 were');
  });
});

describe('outcome wording', () => {
  it('reads scores, changes, MCIDs and due outcomes as clinicians do', () => {
    expect(formatScore(20, 'points')).toBe('20 points');
    expect(formatScore(24.4, '%')).toBe('24.4%');
    expect(formatChange({ absolute: -10, percent: -33.3 })).toBe('−10 points (−33.3%)');
    expect(formatChange({ absolute: 4, percent: null })).toBe('+4 points');
    expect(describeMcid('NPRS', outcomeInstrument('NPRS').mcid)).toBe('2 points or 30%');
    expect(describeMcid('FIQR', outcomeInstrument('FIQR').mcid)).toBe('14% of baseline');
    expect(describeMcid('GROC', outcomeInstrument('GROC').mcid)).toBe('+3 or more');
    expect(outcomeDueLabel({ measure: 'HIT6', timepoint: 'baseline', sessionNumber: 1 })).toBe('HIT-6 (baseline)');
    expect(outcomeDueLabel({ measure: 'NDI', timepoint: 'session', sessionNumber: 4 })).toBe('NDI (session 4)');
  });
});
