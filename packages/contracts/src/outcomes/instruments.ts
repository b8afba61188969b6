import type { AllowedValues, OutcomeInstrument, OutcomeItem, OutcomeMeasure } from './instrument-types';

function range(min: number, max: number, anchors?: { min: string; max: string }): AllowedValues {
  return anchors ? { kind: 'range', min, max, anchors } : { kind: 'range', min, max };
}

/** Items numbered from `first` (1-based), all sharing one answer scale. */
function items(labels: readonly string[], values: AllowedValues, first = 1): OutcomeItem[] {
  return labels.map((label, offset) => ({ number: first + offset, label, values }));
}

function numbers(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, offset) => from + offset);
}

const OSWESTRY_STATEMENT = range(0, 5, { min: 'First statement (least disability)', max: 'Last statement (most disability)' });

const HIT6_CHOICES = [
  { value: 6, label: 'Never' },
  { value: 8, label: 'Rarely' },
  { value: 10, label: 'Sometimes' },
  { value: 11, label: 'Very often' },
  { value: 13, label: 'Always' },
] as const;

const NPRS: OutcomeInstrument = {
  id: 'NPRS',
  name: 'NPRS',
  fullName: 'Numeric Pain Rating Scale',
  items: items(['Pain intensity'], range(0, 10, { min: 'No pain', max: 'Worst pain imaginable' })),
  direction: 'lower-is-better',
  scoreRange: { min: 0, max: 10 },
  unit: 'points',
  maxMissing: 0,
  scoringRule: 'The single 0-10 rating is the score.',
  missingRule: 'Its single item must be answered.',
  mcid: { value: 2, kind: 'points', alternativePercent: 30, citation: 'Farrar 2001, Pain 94:149' },
  hasBaseline: true,
};

const PSFS: OutcomeInstrument = {
  id: 'PSFS',
  name: 'PSFS',
  fullName: 'Patient-Specific Functional Scale',
  items: [],
  activities: { min: 3, max: 5, activityMaxLength: 80, values: { kind: 'range', min: 0, max: 10, anchors: { min: 'Unable to perform', max: 'Able at the level before the problem' } } },
  direction: 'higher-is-better',
  scoreRange: { min: 0, max: 10 },
  unit: 'points',
  maxMissing: 0,
  scoringRule: 'Mean of the activity ratings (Stratford 1995, Physiother Can 47:258).',
  missingRule:
    'Every listed activity must be rated: the score is compared with the same activities at baseline, and a mean over fewer activities would not be comparable (no published rule for unrated activities).',
  mcid: { value: 2, kind: 'points', citation: 'Abbott & Schmitt 2014, JOSPT 44:560' },
  hasBaseline: true,
};

const ODI: OutcomeInstrument = {
  id: 'ODI',
  name: 'ODI',
  fullName: 'Oswestry Disability Index (v2.1a)',
  items: items(
    ['Pain intensity', 'Personal care', 'Lifting', 'Walking', 'Sitting', 'Standing', 'Sleeping', 'Sex life', 'Social life', 'Travelling'],
    OSWESTRY_STATEMENT,
  ),
  direction: 'lower-is-better',
  scoreRange: { min: 0, max: 100 },
  unit: '%',
  maxMissing: 1,
  scoringRule: 'Sum of sections / (5 × sections answered) × 100 (Fairbank & Pynsent 2000, Spine 25:2940).',
  missingRule:
    'One section may be missed or not applicable: the denominator drops to 5 × 9 (Fairbank & Pynsent 2000, Spine 25:2940 give the rule for one missed section); with two or more missing it is not scored.',
  mcid: { value: 12, kind: 'points', citation: 'Abbott & Schmitt 2014, JOSPT 44:560 (percentage points)' },
  hasBaseline: true,
};

const NDI: OutcomeInstrument = {
  id: 'NDI',
  name: 'NDI',
  fullName: 'Neck Disability Index',
  items: items(
    ['Pain intensity', 'Personal care', 'Lifting', 'Reading', 'Headaches', 'Concentration', 'Work', 'Driving', 'Sleeping', 'Recreation'],
    OSWESTRY_STATEMENT,
  ),
  direction: 'lower-is-better',
  scoreRange: { min: 0, max: 50 },
  unit: 'points',
  maxMissing: 2,
  scoringRule: 'Sum of the 10 items, 0-50 (Vernon & Mior 1991, JMPT 14:409).',
  missingRule:
    'Each missing item is given the mean of the answered items, i.e. score = sum × 10 / answered (Vernon 2008, JMPT 31:491); with more than 2 of 10 missing it is not scored.',
  mcid: { value: 7.5, kind: 'points', citation: 'Young 2009, Spine J 9:802' },
  hasBaseline: true,
};

const QUICKDASH: OutcomeInstrument = {
  id: 'QUICKDASH',
  name: 'QuickDASH',
  fullName: 'Quick Disabilities of the Arm, Shoulder and Hand',
  items: items(
    [
      'Open a tight or new jar',
      'Heavy household chores',
      'Carry a shopping bag or briefcase',
      'Wash your back',
      'Use a knife to cut food',
      'Recreation taking force through the arm',
      'Interference with social activities',
      'Limitation in work or daily activities',
      'Arm, shoulder or hand pain',
      'Tingling (pins and needles)',
      'Difficulty sleeping because of pain',
    ],
    range(1, 5, { min: 'None / no difficulty', max: 'Extreme / unable' }),
  ),
  direction: 'lower-is-better',
  scoreRange: { min: 0, max: 100 },
  unit: 'points',
  maxMissing: 1,
  scoringRule: '((sum / n) − 1) × 25, n = items answered (Beaton 2005, JBJS Am 87:1038).',
  missingRule: 'At least 10 of the 11 items must be answered (Beaton 2005, JBJS Am 87:1038).',
  mcid: { value: 14, kind: 'points', citation: 'Sorensen 2013, J Hand Surg Am 38:641' },
  hasBaseline: true,
};

const PRTEE: OutcomeInstrument = {
  id: 'PRTEE',
  name: 'PRTEE',
  fullName: 'Patient-Rated Tennis Elbow Evaluation',
  items: [
    ...items(
      ['Pain at rest', 'Pain with repeated arm movement', 'Pain carrying a grocery bag', 'Pain at its least', 'Pain at its worst'],
      range(0, 10, { min: 'No pain', max: 'Worst imaginable' }),
    ),
    ...items(
      [
        'Turn a doorknob or key',
        'Carry a bag or briefcase by the handle',
        'Lift a cup or glass to your mouth',
        'Open a jar',
        'Pull up trousers',
        'Wring out a washcloth',
        'Personal activities',
        'Household work',
        'Your work or everyday work',
        'Recreation or sport',
      ],
      range(0, 10, { min: 'No difficulty', max: 'Unable to do' }),
      6,
    ),
  ],
  subscales: [
    { key: 'pain', label: 'Pain', items: numbers(1, 5), maxMissing: 1, scoreRange: { min: 0, max: 50 } },
    { key: 'function', label: 'Function', items: numbers(6, 15), maxMissing: 2, scoreRange: { min: 0, max: 50 } },
  ],
  direction: 'lower-is-better',
  scoreRange: { min: 0, max: 100 },
  unit: 'points',
  maxMissing: 3,
  scoringRule: 'Pain = sum of items 1-5 (0-50); function = sum of items 6-15 / 2 (0-50); total = pain + function (MacDermid 2007, PRTEE user manual).',
  missingRule:
    'A missing item is given the mean of the answered items of its subscale (MacDermid 2007, PRTEE user manual). The manual sets no limit; we score a subscale with at most 20% of its items missing (1 of 5 pain, 2 of 10 function), the proportion LEFS allows.',
  mcid: { value: 11, kind: 'points', alternativePercent: 37, citation: 'Poltawski & Watson 2011, Hand Therapy 16:52' },
  hasBaseline: true,
};

const SPADI: OutcomeInstrument = {
  id: 'SPADI',
  name: 'SPADI',
  fullName: 'Shoulder Pain and Disability Index',
  items: [
    ...items(
      ['Pain at its worst', 'Lying on the affected side', 'Reaching a high shelf', 'Touching the back of your neck', 'Pushing with the affected arm'],
      range(0, 10, { min: 'No pain', max: 'Worst pain imaginable' }),
    ),
    ...items(
      [
        'Washing your hair',
        'Washing your back',
        'Putting on an undershirt or jumper',
        'Putting on a shirt that buttons down the front',
        'Putting on your trousers',
        'Placing an object on a high shelf',
        'Carrying a heavy object (10 lb / 4.5 kg)',
        'Taking something from your back pocket',
      ],
      range(0, 10, { min: 'No difficulty', max: 'So difficult it needs help' }),
      6,
    ),
  ],
  subscales: [
    { key: 'pain', label: 'Pain', items: numbers(1, 5), maxMissing: 2, scoreRange: { min: 0, max: 100 } },
    { key: 'disability', label: 'Disability', items: numbers(6, 13), maxMissing: 2, scoreRange: { min: 0, max: 100 } },
  ],
  direction: 'lower-is-better',
  scoreRange: { min: 0, max: 100 },
  unit: 'points',
  maxMissing: 4,
  scoringRule:
    'Each subscale = sum / (10 × items answered) × 100; total = mean of the pain and disability subscales (Roach 1991, Arthritis Care Res 4:143).',
  missingRule:
    'Unanswered items leave the subscale denominator; a subscale with more than 2 unanswered items is not scored, and then neither is the total (Roach 1991, Arthritis Care Res 4:143).',
  mcid: { value: 13, kind: 'points', citation: 'Roy 2009, Arthritis Rheum 61:623 (upper bound of 8-13)' },
  hasBaseline: true,
};

const FIQR: OutcomeInstrument = {
  id: 'FIQR',
  name: 'FIQR',
  fullName: 'Revised Fibromyalgia Impact Questionnaire',
  items: items(
    [
      'Brush or comb your hair',
      'Walk continuously for 20 minutes',
      'Prepare a homemade meal',
      'Vacuum, scrub or sweep floors',
      'Lift and carry a bag of groceries',
      'Climb one flight of stairs',
      'Change bed sheets',
      'Sit in a chair for 45 minutes',
      'Go shopping for groceries',
      'Prevented from accomplishing goals',
      'Overwhelmed by fibromyalgia',
      'Pain',
      'Energy',
      'Stiffness',
      'Sleep quality',
      'Depression',
      'Memory problems',
      'Anxiety',
      'Tenderness to touch',
      'Balance problems',
      'Sensitivity to noise, light, odours or cold',
    ],
    range(0, 10),
  ),
  subscales: [
    { key: 'function', label: 'Function', items: numbers(1, 9), maxMissing: 0, scoreRange: { min: 0, max: 30 } },
    { key: 'overall', label: 'Overall impact', items: numbers(10, 11), maxMissing: 0, scoreRange: { min: 0, max: 20 } },
    { key: 'symptoms', label: 'Symptoms', items: numbers(12, 21), maxMissing: 0, scoreRange: { min: 0, max: 50 } },
  ],
  direction: 'lower-is-better',
  scoreRange: { min: 0, max: 100 },
  unit: 'points',
  maxMissing: 0,
  scoringRule: 'Function = sum of items 1-9 / 3; overall impact = sum of items 10-11; symptoms = sum of items 12-21 / 2; total = their sum (Bennett 2009, Arthritis Res Ther 11:R120).',
  missingRule: 'All 21 items must be answered: the FIQR was validated complete and its paper gives no rule for missing items (Bennett 2009, Arthritis Res Ther 11:R120).',
  mcid: { value: 14, kind: 'percent', citation: 'Bennett 2009, J Rheumatol 36:1304 (derived on the original FIQ)' },
  hasBaseline: true,
};

const HIT6: OutcomeInstrument = {
  id: 'HIT6',
  name: 'HIT-6',
  fullName: 'Headache Impact Test',
  items: items(
    ['Severe headache pain', 'Limits usual daily activities', 'Wish you could lie down', 'Too tired to work or do activities', 'Fed up or irritated', 'Limits concentration'],
    { kind: 'choices', choices: HIT6_CHOICES },
  ),
  direction: 'lower-is-better',
  scoreRange: { min: 36, max: 78 },
  unit: 'points',
  maxMissing: 0,
  scoringRule: 'Sum of the 6 answers scored 6, 8, 10, 11 or 13 (Kosinski 2003, Qual Life Res 12:963).',
  missingRule: 'All 6 items must be answered (Kosinski 2003, Qual Life Res 12:963: the total is defined on complete answers).',
  mcid: { value: 6, kind: 'points', citation: 'Houts 2020, Headache 60:2003' },
  hasBaseline: true,
};

const LEFS: OutcomeInstrument = {
  id: 'LEFS',
  name: 'LEFS',
  fullName: 'Lower Extremity Functional Scale',
  items: items(
    [
      'Usual work, housework or school',
      'Usual hobbies, recreation or sport',
      'Getting into or out of the bath',
      'Walking between rooms',
      'Putting on shoes or socks',
      'Squatting',
      'Lifting a bag of groceries from the floor',
      'Light activities around the home',
      'Heavy activities around the home',
      'Getting into or out of a car',
      'Walking 2 blocks',
      'Walking a mile',
      'Going up or down 10 stairs',
      'Standing for 1 hour',
      'Sitting for 1 hour',
      'Running on even ground',
      'Running on uneven ground',
      'Making sharp turns while running fast',
      'Hopping',
      'Rolling over in bed',
    ],
    range(0, 4, { min: 'Extreme difficulty or unable', max: 'No difficulty' }),
  ),
  direction: 'higher-is-better',
  scoreRange: { min: 0, max: 80 },
  unit: 'points',
  maxMissing: 4,
  scoringRule: 'Sum of the 20 items, 0-80 (Binkley 1999, PTJ 79:371).',
  missingRule:
    'Up to 4 missing items are each given the mean of the answered items (score = sum × 20 / answered); with more than 4 missing it is not scored (Binkley 1999, PTJ 79:371, scoring instructions).',
  mcid: { value: 9, kind: 'points', citation: 'Binkley 1999, PTJ 79:371' },
  hasBaseline: true,
};

const GROC: OutcomeInstrument = {
  id: 'GROC',
  name: 'GROC',
  fullName: 'Global Rating of Change',
  items: items(['Overall change since treatment began'], range(-7, 7, { min: 'A very great deal worse', max: 'A very great deal better' })),
  direction: 'higher-is-better',
  scoreRange: { min: -7, max: 7 },
  unit: 'points',
  maxMissing: 0,
  scoringRule: 'The single −7..+7 rating is the score and is itself the change (Jaeschke 1989, Control Clin Trials 10:407).',
  missingRule: 'Its single item must be answered.',
  mcid: { value: 3, kind: 'points', citation: 'Jaeschke 1989, Control Clin Trials 10:407 (+3 or more)' },
  hasBaseline: false,
};

/** Every instrument the clinic scores, keyed by its id. */
export const OUTCOME_INSTRUMENTS: Readonly<Record<OutcomeMeasure, OutcomeInstrument>> = {
  NPRS,
  PSFS,
  ODI,
  NDI,
  QUICKDASH,
  PRTEE,
  SPADI,
  FIQR,
  HIT6,
  LEFS,
  GROC,
};

export function outcomeInstrument(measure: OutcomeMeasure): OutcomeInstrument {
  return OUTCOME_INSTRUMENTS[measure];
}
