import type { ProblemFieldError, PsfsAnswer } from '@ims/contracts';

/**
 * PSFS scores are compared with the same activities rated at baseline, so every later PSFS of a plan keeps the
 * reference's activities: the same names in the same order. The reference is the baseline, or before one is recorded
 * the plan's first PSFS. Returns one error per mismatch, at `answers.<index>.activity`, or one at `answers` when the
 * number of activities differs.
 */
export function psfsActivityErrors(answers: readonly PsfsAnswer[], reference: { activities: readonly string[]; label: string }): ProblemFieldError[] {
  const expected = reference.activities;
  const listed = expected.map((activity) => `"${activity}"`).join(', ');
  if (answers.length !== expected.length) {
    return [{ path: 'answers', message: `PSFS keeps the ${expected.length} activities of ${reference.label}: ${listed}; ${answers.length} were sent` }];
  }
  return answers.flatMap((answer, index) =>
    answer.activity === expected[index]
      ? []
      : [{ path: `answers.${index}.activity`, message: `Activity ${index + 1} must be "${expected[index]}", as at ${reference.label} (PSFS keeps its activities in order)` }],
  );
}
