import { siteInputErrors, type CatalogueMuscle } from './site-input-rules';

const muscles = new Map<string, CatalogueMuscle>([
  ['trap', { id: 'trap', name: 'Upper trapezius', sided: true, levelled: false }],
  ['multifidus', { id: 'multifidus', name: 'Multifidus', sided: true, levelled: true }],
  ['interspinales', { id: 'interspinales', name: 'Interspinales', sided: false, levelled: true }],
]);
const paths = (input: Parameters<typeof siteInputErrors>[0]) => siteInputErrors(input, muscles).map((e) => e.path);

describe('siteInputErrors', () => {
  it('accepts sides and levels each muscle can have', () => {
    expect(
      paths({
        needlingDone: true,
        sites: [
          { muscleId: 'trap', side: 'left' },
          { muscleId: 'trap', side: 'bilateral' },
          { muscleId: 'multifidus', side: 'right', level: 'L4' },
          { muscleId: 'interspinales', side: 'midline', level: 'L4-L5' },
        ],
      }),
    ).toEqual([]);
  });

  it('names an unknown muscle by its site, and judges nothing else of that site', () => {
    expect(paths({ needlingDone: true, sites: [{ muscleId: 'trap', side: 'left' }, { muscleId: 'nope', side: 'midline', level: 'C5' }] })).toEqual(['sites.1.muscleId']);
  });

  it('refuses left/right of a midline structure and "midline" of a sided muscle', () => {
    const errors = siteInputErrors({ needlingDone: true, sites: [{ muscleId: 'interspinales', side: 'right' }, { muscleId: 'trap', side: 'midline' }] }, muscles);
    expect(errors).toEqual([
      { path: 'sites.0.side', message: 'Interspinales is a midline structure: its side is "midline"' },
      { path: 'sites.1.side', message: 'Upper trapezius is sided: choose left, right or bilateral' },
    ]);
  });

  it('refuses a spinal level for a muscle without one; an empty level is no level', () => {
    expect(paths({ needlingDone: true, sites: [{ muscleId: 'trap', side: 'left', level: 'C4' }, { muscleId: 'trap', side: 'left', level: '' }] })).toEqual(['sites.0.level']);
  });

  it('refuses sites on a visit without needling', () => {
    expect(paths({ needlingDone: false, sites: [{ muscleId: 'trap', side: 'left' }] })).toEqual(['sites']);
    expect(paths({ needlingDone: false, sites: [] })).toEqual([]);
  });
});
