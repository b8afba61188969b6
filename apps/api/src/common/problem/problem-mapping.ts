import { HttpException, HttpStatus } from '@nestjs/common';
import { postgresErrorInfo, isDatabaseUnavailable, SQLSTATE } from '@ims/prisma';
import { problemType, type Problem } from '@ims/contracts';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PreconditionFailedError,
  RuleViolationError,
  ServiceUnavailableError,
  StaleVersionError,
  TooManyRequestsError,
  UnauthenticatedError,
} from './domain-errors';

export interface MappedProblem {
  problem: Problem;
  headers?: Record<string, string>;
  /** True when the error is ours to investigate (logged at error level). */
  unexpected?: boolean;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Refused by a clinic rule',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

const NUL_TEXT = { detail: 'The request contains a character that cannot be stored (U+0000)', message: 'contains a NUL character' };
const NUMBER_RANGE = { detail: 'A number in the request is outside the range this API can store', message: 'number out of range' };
const DATE_RANGE = { detail: 'A date or time in the request is outside the range this API can store', message: 'date or time out of range' };

/**
 * Input the contracts let through but PostgreSQL cannot hold, by SQLSTATE: a 400, like any invalid input (the
 * statement failed, so nothing was written). Found by fuzzing (test/http/hostile-input.spec.ts).
 */
const UNSTORABLE_INPUT: Record<string, { detail: string; message: string }> = {
  '22021': NUL_TEXT, // character_not_in_repertoire: U+0000 in text
  '22P05': NUL_TEXT, // untranslatable_character: \u0000 in jsonb
  '22003': NUMBER_RANGE, // numeric_value_out_of_range: a safe integer beyond int4 (a `version` of 2^31)
  '22007': DATE_RANGE, // invalid_datetime_format: a day before year 1, which the driver cannot even write
  '22008': DATE_RANGE, // datetime_field_overflow: year 0, e.g. a day before an instant in year 1
};
/** Prisma's own check of the same (P2020 "Value out of range for the type"), made before PostgreSQL sees the value. */
const PRISMA_VALUE_OUT_OF_RANGE = 'P2020';

function problem(status: number, kind: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: problemType(kind), title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

function zodIssues(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/** Maps anything thrown while handling a request to RFC 9457 problem details. The only place that does. */
export function toProblem(error: unknown): MappedProblem {
  if (error instanceof DomainError) return fromDomainError(error);

  if (error instanceof ZodValidationException) {
    const zodError = error.getZodError() as ZodError;
    const errors = zodIssues(zodError);
    return { problem: problem(400, 'validation', describeFieldErrors(errors), { errors }) };
  }
  if (error instanceof ZodError) {
    const errors = zodIssues(error);
    return { problem: problem(400, 'validation', describeFieldErrors(errors), { errors }) };
  }

  // body-parser: malformed JSON, oversized bodies, bad charsets.
  const bodyError = error as { type?: string; status?: number; message?: string };
  if (bodyError?.type === 'entity.parse.failed') {
    return {
      problem: problem(400, 'malformed-json', `The request body is not valid JSON: ${bodyError.message}`, {
        errors: [{ path: '(body)', message: 'malformed JSON' }],
      }),
    };
  }
  if (bodyError?.type === 'entity.too.large') {
    return { problem: problem(413, 'payload-too-large', 'The request body is larger than this API accepts') };
  }
  if (bodyError?.type && bodyError.status && bodyError.status >= 400 && bodyError.status < 500) {
    return { problem: problem(bodyError.status, 'bad-request', bodyError.message) };
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail = typeof response === 'string' ? response : ((response as { message?: string | string[] }).message ?? error.message);
    const kind = status === HttpStatus.NOT_FOUND ? 'not-found' : status === HttpStatus.TOO_MANY_REQUESTS ? 'too-many-requests' : `http-${status}`;
    return { problem: problem(status, kind, Array.isArray(detail) ? detail.join('; ') : detail) };
  }

  const pg = postgresErrorInfo(error);
  if (pg?.sqlState === SQLSTATE.uniqueViolation || pg?.sqlState === SQLSTATE.exclusionViolation) {
    return {
      problem: problem(409, 'conflict', 'The change conflicts with an existing record', {
        conflicts: [{ entity: pg.constraint ?? 'record', message: 'already exists or overlaps' }],
      }),
    };
  }
  if (pg?.sqlState === SQLSTATE.foreignKeyViolation) {
    return { problem: problem(409, 'conflict', 'The change refers to a record that does not exist or is still in use') };
  }
  const unstorable =
    pg?.sqlState && Object.hasOwn(UNSTORABLE_INPUT, pg.sqlState) ? UNSTORABLE_INPUT[pg.sqlState] : (error as { code?: string })?.code === PRISMA_VALUE_OUT_OF_RANGE ? NUMBER_RANGE : undefined;
  if (unstorable) return { problem: problem(400, 'validation', unstorable.detail, { errors: [{ path: '(request)', message: unstorable.message }] }) };
  if (pg?.sqlState === SQLSTATE.checkViolation || pg?.sqlState === SQLSTATE.notNullViolation) {
    return { problem: problem(400, 'validation', 'The change breaks a data rule of the database', { errors: [{ path: pg.constraint ?? '(body)', message: 'invalid value' }] }) };
  }
  if (pg?.sqlState === SQLSTATE.serializationFailure || pg?.sqlState === SQLSTATE.deadlockDetected) {
    return { problem: problem(409, 'conflict', 'Another change happened at the same time; try again') };
  }
  // 57014 statement timeout, 55P03 lock timeout: a row held by a stuck transaction, not a fault of the request.
  if (pg?.sqlState === SQLSTATE.queryCanceled || pg?.sqlState === '55P03') {
    return { problem: problem(503, 'unavailable', 'The database took too long to answer; try again'), headers: { 'Retry-After': '2' } };
  }
  // Prisma could not get or keep an interactive transaction in time, or pg-pool found no free connection within its
  // wait (pool exhausted under a burst): busy, not broken.
  if ((error as { code?: string })?.code === 'P2028' || /timeout exceeded when trying to connect/i.test((error as { message?: string })?.message ?? '')) {
    return { problem: problem(503, 'unavailable', 'The system is busy; try again in a moment'), headers: { 'Retry-After': '2' } };
  }
  if (isDatabaseUnavailable(error)) {
    return { problem: problem(503, 'unavailable', 'The database is unavailable; try again shortly'), headers: { 'Retry-After': '5' } };
  }

  return { problem: problem(500, 'internal', 'Something went wrong on our side; it has been logged'), unexpected: true };
}

function describeFieldErrors(errors: Array<{ path: string; message: string }>): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
}

function fromDomainError(error: DomainError): MappedProblem {
  if (error instanceof InvalidInputError) return { problem: problem(400, error.kind, error.message, error.errors.length ? { errors: error.errors } : {}) };
  if (error instanceof UnauthenticatedError) return { problem: problem(401, error.kind, error.message) };
  if (error instanceof ForbiddenError) return { problem: problem(403, error.kind, error.message) };
  if (error instanceof NotFoundError) return { problem: problem(404, error.kind, error.message) };
  if (error instanceof ConflictError) return { problem: problem(409, error.kind, error.message, { conflicts: error.conflicts }) };
  if (error instanceof StaleVersionError) return { problem: problem(409, error.kind, error.message) };
  if (error instanceof PreconditionFailedError) return { problem: problem(412, error.kind, error.message) };
  if (error instanceof RuleViolationError) return { problem: problem(422, error.kind, error.message, { violations: error.violations }) };
  if (error instanceof TooManyRequestsError)
    return { problem: problem(429, error.kind, error.message), headers: { 'Retry-After': String(error.retryAfterSeconds) } };
  if (error instanceof ServiceUnavailableError)
    return { problem: problem(503, error.kind, error.message), headers: { 'Retry-After': String(error.retryAfterSeconds) } };
  return { problem: problem(500, 'internal', 'Something went wrong on our side; it has been logged'), unexpected: true };
}
