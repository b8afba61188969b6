import { ApiError, ResponseParseError } from './api-client';

/** A sentence a clinic user can act on, for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return error.problem.detail ?? 'The server could not be reached.';
    if (error.status === 503) {
      const wait = error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : '';
      return `${error.problem.detail ?? 'The service is temporarily unavailable.'}${wait}`;
    }
    return error.problem.detail ?? error.problem.title;
  }
  if (error instanceof ResponseParseError) {
    return 'The server sent an answer this version of the app does not understand. Reload the page.';
  }
  return 'Something went wrong. Please try again.';
}
