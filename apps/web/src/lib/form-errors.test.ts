import { problemType } from '@ims/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { applyProblemToForm, sentence, toFieldPath } from './form-errors';

const validation = (errors: { path: string; message: string }[]) =>
  new ApiError({ problem: { type: problemType('validation'), title: 'Bad Request', status: 400, errors } });

describe('toFieldPath', () => {
  it.each([
    ['password', 'password'],
    ['hours.2.end', 'hours.2.end'],
    ['hours[2].end', 'hours.2.end'],
    ['/hours/2/end', 'hours.2.end'],
  ])('%s → %s', (input, expected) => expect(toFieldPath(input)).toBe(expected));
});

describe('applyProblemToForm', () => {
  it('puts known field errors on their fields, as sentences, focusing the first', () => {
    const setError = vi.fn();
    const placed = applyProblemToForm(
      validation([
        { path: 'newPassword', message: 'is too common' },
        { path: 'somethingElse', message: 'ignored' },
      ]),
      setError,
      ['newPassword', 'currentPassword'],
    );

    expect(placed).toBe(true);
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError).toHaveBeenCalledWith('newPassword', { type: 'server', message: 'Is too common' }, { shouldFocus: true });
  });

  it('reports false when nothing could be placed', () => {
    const setError = vi.fn();
    expect(applyProblemToForm(new Error('boom'), setError, ['name'])).toBe(false);
    expect(applyProblemToForm(validation([{ path: 'other', message: 'x' }]), setError, ['name'])).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });

  it('leaves empty messages alone', () => {
    expect(sentence(undefined)).toBeUndefined();
    expect(sentence('must end after it starts')).toBe('Must end after it starts');
  });
});
