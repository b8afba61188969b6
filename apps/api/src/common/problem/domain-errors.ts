import type { ProblemConflict, ProblemFieldError, ProblemViolation } from '@ims/contracts';

/**
 * Errors services throw. They say what went wrong in the domain's words; ProblemDetailsFilter alone decides the
 * HTTP status and body, so no service imports an HTTP exception.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that is malformed or invalid for reasons a schema cannot see (400). */
export class InvalidInputError extends DomainError {
  readonly kind = 'validation';
  constructor(message: string, readonly errors: ProblemFieldError[] = []) {
    super(message);
  }
}

/**
 * No session, an expired one, or failed credentials (401). `kind` tells a client which: `mfa-required` means the
 * session still owes its second factor, `mfa-invalid-code` a wrong code at that step.
 */
export class UnauthenticatedError extends DomainError {
  readonly kind: string;
  constructor(message: string, kind: 'unauthenticated' | 'mfa-required' | 'mfa-invalid-code' = 'unauthenticated') {
    super(message);
    this.kind = kind;
  }
}

/** The user's role or clinic membership does not allow this (403). */
export class ForbiddenError extends DomainError {
  readonly kind: string;
  constructor(message: string, kind = 'forbidden') {
    super(message);
    this.kind = kind;
  }
}

/** Unknown id, or one the user may not know exists (another organisation's, another clinic's): 404. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(readonly entity: string, readonly id?: string) {
    super(`${entity} not found`);
  }
}

/** The write collides with existing state: an overlapping booking, a duplicate, an already-signed note (409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(message: string, readonly conflicts: ProblemConflict[] = []) {
    super(message);
  }
}

/** The client edited an out-of-date `version` (409). */
export class StaleVersionError extends DomainError {
  readonly kind = 'stale-version';
  constructor(readonly entity: string, readonly currentVersion?: number) {
    super(`${entity} was changed by someone else; reload and try again`);
  }
}

/** A failed `If-Match` precondition (412). */
export class PreconditionFailedError extends DomainError {
  readonly kind = 'precondition-failed';
}

/** A valid request refused by a domain rule (422), one violation per failed rule. */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule-violation';
  constructor(message: string, readonly violations: ProblemViolation[]) {
    super(message);
  }
}

/** Too many attempts (429). */
export class TooManyRequestsError extends DomainError {
  readonly kind = 'too-many-requests';
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

/** A dependency (the database) cannot be reached right now (503). */
export class ServiceUnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(message: string, readonly retryAfterSeconds = 5) {
    super(message);
  }
}
