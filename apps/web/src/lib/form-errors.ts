import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';

/** "must be at least 12 characters" → "Must be at least 12 characters": contract messages read as sentences. */
export function sentence(message: string | undefined): string | undefined {
  if (!message) return message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The problem's `errors[].path` in react-hook-form's dotted form: the API may write `hours.2.end`, `hours[2].end`
 * or a JSON pointer `/hours/2/end`.
 */
export function toFieldPath(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.');
}

/**
 * Puts the field errors of an API problem onto the form's fields. Only paths the form knows (`fields`, matched on
 * their first segment) are placed, so a message about a field the user cannot see is not lost: the caller still
 * shows the problem as an alert when this returns false.
 */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): boolean {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
  let placed = false;
  let first = true;
  for (const fieldError of error.problem.errors) {
    const path = toFieldPath(fieldError.path);
    if (!fields.includes(path.split('.')[0] ?? '')) continue;
    setError(path as Path<T>, { type: 'server', message: sentence(fieldError.message) }, { shouldFocus: first });
    placed = true;
    first = false;
  }
  return placed;
}
