import { Problem } from '@ims/contracts';
import type { z } from 'zod';

/** An HTTP error from the API, carrying its RFC 9457 problem (or one built from the status when the body was not). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from `Retry-After` on 429/503, when the server sent it. */
  readonly retryAfterSeconds: number | undefined;
  /** The raw decoded body, for the rare caller that expects a non-problem body on an error status. */
  readonly body: unknown;

  constructor(options: { problem: Problem; retryAfterSeconds?: number; body?: unknown }) {
    super(options.problem.detail ?? options.problem.title);
    this.name = 'ApiError';
    this.status = options.problem.status;
    this.problem = options.problem;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.body = options.body;
  }

  /** The last segment of the problem `type` (`validation`, `csrf`, …), or undefined for `about:blank`. */
  get kind(): string | undefined {
    const { type } = this.problem;
    if (type === 'about:blank') return undefined;
    return type.split('/').pop() || undefined;
  }
}

/** A successful response whose body does not match the contract: the API and the app disagree. */
export class ResponseParseError extends Error {
  readonly path: string;
  readonly issues: z.core.$ZodIssue[];

  constructor(options: { path: string; issues: z.core.$ZodIssue[] }) {
    super(`Unexpected response from ${options.path}`);
    this.name = 'ResponseParseError';
    this.path = options.path;
    this.issues = options.issues;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * Set to false when the caller treats a 401 as an answer (e.g. "who am I?") rather than as an expired session,
   * so the client does not end the session and redirect to sign-in.
   */
  redirectOnUnauthorized?: boolean;
}

export interface ApiClientOptions {
  /**
   * Called on a 401 from any call but login, unless the call opted out. The error tells an ended session apart
   * from one that still owes its second factor (problem type ending `/mfa-required`).
   */
  onUnauthorized?: (error: ApiError) => void;
}

const LOGIN_PATH = '/api/auth/login';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toProblem(response: Response, body: unknown): Problem {
  const parsed = Problem.safeParse(body);
  if (parsed.success) return parsed.data;
  return {
    type: 'about:blank',
    title: response.statusText || `Request failed with status ${response.status}`,
    status: response.status,
  };
}

/**
 * Creates the fetch wrapper the whole app uses: same-origin cookies, JSON bodies, the CSRF token on writes,
 * every success parsed by the caller's contract schema, every failure turned into an {@link ApiError}.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  let csrfToken: string | null = null;
  let onUnauthorized = options.onUnauthorized;

  async function request<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    init: { body?: unknown } & RequestOptions = {},
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError({
        problem: {
          type: 'about:blank',
          title: 'Network error',
          status: 0,
          detail: 'The server could not be reached. Check the connection and try again.',
        },
      });
    }

    const body = await readBody(response);

    if (!response.ok) {
      const error = new ApiError({
        problem: toProblem(response, body),
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
        body,
      });
      const isLogin = path.split('?')[0] === LOGIN_PATH;
      if (response.status === 401 && !isLogin && init.redirectOnUnauthorized !== false) {
        // A session that still owes its second factor is alive: its CSRF token stays valid for the MFA calls.
        if (!isMfaRequired(error)) csrfToken = null;
        onUnauthorized?.(error);
      }
      throw error;
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ResponseParseError({ path, issues: parsed.error.issues });
    return parsed.data;
  }

  return {
    get: <S extends z.ZodType>(path: string, schema: S, opts?: RequestOptions) =>
      request('GET', path, schema, opts),
    post: <S extends z.ZodType>(path: string, body: unknown, schema: S, opts?: RequestOptions) =>
      request('POST', path, schema, { ...opts, body }),
    put: <S extends z.ZodType>(path: string, body: unknown, schema: S, opts?: RequestOptions) =>
      request('PUT', path, schema, { ...opts, body }),
    patch: <S extends z.ZodType>(path: string, body: unknown, schema: S, opts?: RequestOptions) =>
      request('PATCH', path, schema, { ...opts, body }),
    delete: <S extends z.ZodType>(path: string, schema: S, opts?: RequestOptions) =>
      request('DELETE', path, schema, opts),
    /** Keeps the session's CSRF token in memory only (never storage), as login and `me` hand it out. */
    setCsrfToken(token: string | null) {
      csrfToken = token;
    },
    getCsrfToken: () => csrfToken,
    setUnauthorizedHandler(handler: ((error: ApiError) => void) | undefined) {
      onUnauthorized = handler;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's single client; the app shell installs its 401 handler (see `src/app/app.tsx`). */
export const api = createApiClient();

/** True for an {@link ApiError} with the given status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A 401 saying the session is signed in but has not passed (or set up) its second factor yet. */
export function isMfaRequired(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && error.kind === 'mfa-required';
}
