import { UnauthenticatedError } from '../common/problem/domain-errors';

/**
 * 401s of the two-factor step, with their own problem types so the web app can tell "enter your code" apart from
 * "your session is gone": `mfa-required` (this session still owes its second factor) and `mfa-invalid-code`.
 */
export class MfaError extends UnauthenticatedError {
  constructor(message: string, kind: 'mfa-required' | 'mfa-invalid-code') {
    super(message, kind);
  }
}
