import { psfsActivityErrors } from './psfs-activities';

const baseline = { activities: ['Reversing the car', 'Lifting my toddler', 'Sleeping on my side'], label: 'the baseline' };
const answers = (...activities: string[]) => activities.map((activity) => ({ activity, value: 5 }));

describe('psfsActivityErrors', () => {
  it('accepts the baseline’s activities in the baseline’s order', () => {
    expect(psfsActivityErrors(answers('Reversing the car', 'Lifting my toddler', 'Sleeping on my side'), baseline)).toEqual([]);
  });

  it('names each activity that differs or moved, at answers.<index>.activity', () => {
    const errors = psfsActivityErrors(answers('Reversing the car', 'Sleeping on my side', 'Gardening'), baseline);
    expect(errors).toEqual([
      { path: 'answers.1.activity', message: 'Activity 2 must be "Lifting my toddler", as at the baseline (PSFS keeps its activities in order)' },
      { path: 'answers.2.activity', message: 'Activity 3 must be "Sleeping on my side", as at the baseline (PSFS keeps its activities in order)' },
    ]);
  });

  it('refuses a different number of activities at answers, listing the ones to keep', () => {
    expect(psfsActivityErrors(answers('Reversing the car', 'Lifting my toddler', 'Sleeping on my side', 'Running'), baseline)).toEqual([
      { path: 'answers', message: 'PSFS keeps the 3 activities of the baseline: "Reversing the car", "Lifting my toddler", "Sleeping on my side"; 4 were sent' },
    ]);
  });
});
