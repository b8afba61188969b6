import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outcomeAnswersSchema, refineOutcomeAnswers } from './answers';
import { OutcomeMeasure } from './instrument-types';

/** Parses answers as they arrive inside a request body, so the paths read as the API reports them. */
function issuesFor(measure: OutcomeMeasure, answers: unknown) {
  const result = z.object({ answers: outcomeAnswersSchema(measure) }).safeParse({ answers });
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

const ODI_VALID = [3, 2, 4, 1, 3, 2, 1, 0, 2, 2];

describe('outcomeAnswersSchema', () => {
  it('accepts one published value per item, with null for an unanswered item', () => {
    expect(issuesFor('ODI', ODI_VALID)).toEqual([]);
    expect(issuesFor('ODI', [3, 2, 4, 1, 3, 2, 1, null, 2, 2])).toEqual([]);
    expect(issuesFor('HIT6', [6, 8, 10, 11, 13, null])).toEqual([]);
    expect(issuesFor('GROC', [-7])).toEqual([]);
  });

  it('names the item and its index when a value is out of range', () => {
    const answers = [...ODI_VALID];
    answers[3] = 6;
    expect(issuesFor('ODI', answers)).toEqual([{ path: ['answers', 3], message: 'Item 4 (Walking) must be 0 to 5' }]);
  });

  it('refuses fractions and strings with the same item message', () => {
    const answers: unknown[] = [...ODI_VALID];
    answers[1] = 2.5;
    answers[9] = '2';
    expect(issuesFor('ODI', answers)).toEqual([
      { path: ['answers', 1], message: 'Item 2 (Personal care) must be 0 to 5' },
      { path: ['answers', 9], message: 'Item 10 (Travelling) must be 0 to 5' },
    ]);
  });

  it('refuses a QuickDASH 0 (its items run 1-5) and a GROC of -8', () => {
    expect(issuesFor('QUICKDASH', [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([
      { path: ['answers', 0], message: 'Item 1 (Open a tight or new jar) must be 1 to 5' },
    ]);
    expect(issuesFor('GROC', [-8])).toEqual([{ path: ['answers', 0], message: 'Item 1 (Overall change since treatment began) must be -7 to 7' }]);
  });

  it('refuses a HIT-6 answer of 7: only 6, 8, 10, 11 and 13 are published values', () => {
    expect(issuesFor('HIT6', [10, 7, 10, 10, 10, 10])).toEqual([
      { path: ['answers', 1], message: 'Item 2 (Limits usual daily activities) must be 6, 8, 10, 11 or 13' },
    ]);
  });

  it('refuses the wrong number of answers, naming the instrument and its item count', () => {
    const expected = [{ path: ['answers'], message: 'ODI has 10 items: send 10 answers in item order, null for an unanswered item' }];
    expect(issuesFor('ODI', ODI_VALID.slice(0, 9))).toEqual(expected);
    expect(issuesFor('ODI', [...ODI_VALID, 0])).toEqual(expected);
    expect(issuesFor('NPRS', [])).toEqual([{ path: ['answers'], message: 'NPRS has 1 item: send 1 answer in item order, null for an unanswered item' }]);
  });

  it('refuses answers that are not a list', () => {
    expect(issuesFor('NDI', { 0: 1 })).toHaveLength(1);
    expect(issuesFor('NDI', { 0: 1 })[0].path).toEqual(['answers']);
  });

  describe('PSFS', () => {
    const three = [
      { activity: 'Walking the dog', value: 4 },
      { activity: 'Lifting my grandchild', value: null },
      { activity: 'Sitting at work', value: 6 },
    ];

    it('accepts 3 to 5 activities, each rated 0-10 or left unrated', () => {
      expect(issuesFor('PSFS', three)).toEqual([]);
      expect(issuesFor('PSFS', [...three, { activity: 'Gardening', value: 0 }, { activity: 'Cycling', value: 10 }])).toEqual([]);
    });

    it('refuses fewer than 3 or more than 5 activities', () => {
      const message = 'PSFS needs 3 to 5 activities';
      expect(issuesFor('PSFS', three.slice(0, 2))).toEqual([{ path: ['answers'], message }]);
      expect(issuesFor('PSFS', [...three, ...three])).toEqual([{ path: ['answers'], message }]);
    });

    it('names the activity whose rating or name is invalid', () => {
      const answers = [three[0], three[1], { activity: ' ', value: 11 }];
      expect(issuesFor('PSFS', answers)).toEqual([
        { path: ['answers', 2, 'activity'], message: 'Activity 3 needs a name of 1 to 80 characters' },
        { path: ['answers', 2, 'value'], message: 'Activity 3 must be rated 0 to 10, or null when not rated' },
      ]);
      expect(issuesFor('PSFS', [{ activity: 'x'.repeat(81), value: 2 }, three[1], three[2]])).toEqual([
        { path: ['answers', 0, 'activity'], message: 'Activity 1 needs a name of 1 to 80 characters' },
      ]);
    });

    it('refuses a bare number where an activity belongs', () => {
      expect(issuesFor('PSFS', [three[0], 5, three[2]])).toEqual([{ path: ['answers', 1], message: 'Activity 2 must be { activity, value }' }]);
    });
  });
});

describe('refineOutcomeAnswers', () => {
  const Body = z.object({ measure: OutcomeMeasure, answers: z.array(z.unknown()) }).superRefine(refineOutcomeAnswers);

  it('checks the answers against the measure named beside them', () => {
    expect(Body.safeParse({ measure: 'NPRS', answers: [7] }).success).toBe(true);
    const result = Body.safeParse({ measure: 'NPRS', answers: [11] });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['answers', 0], 'Item 1 (Pain intensity) must be 0 to 10']]);
  });

  it('reports PSFS issues under answers too', () => {
    const result = Body.safeParse({ measure: 'PSFS', answers: [{ activity: 'Walking', value: 12 }, { activity: 'Sitting', value: 1 }, { activity: 'Stairs', value: 1 }] });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['answers', 0, 'value'], 'Activity 1 must be rated 0 to 10, or null when not rated'],
    ]);
  });
});
