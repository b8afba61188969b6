import { LoginResponse, problemType } from '@ims/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { jsonResponse } from '../test/render';
import { ApiError, createApiClient, ResponseParseError } from './api-client';

const session = {
  user: {
    id: '0b6c8a52-2d43-4c7e-9f3b-3f3a3c1c2d11',
    email: 'physio@demo.clinic',
    name: 'Priya Physio',
    roles: ['physiotherapist'],
    clinicIds: ['5d1f0f3e-7a57-4a8e-9a2e-6a0a8c1b9e21'],
    organisationId: '9a7b3c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  },
  csrfToken: 'csrf-123',
  mfa: 'passed' as const,
};

const fetchMock = vi.fn<typeof fetch>();

function lastRequest() {
  const [url, init] = fetchMock.mock.calls.at(-1)!;
  return { url, init: init!, headers: new Headers(init!.headers) };
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('sends the CSRF token on writes, same-origin cookies and a JSON body', async () => {
    const api = createApiClient();
    api.setCsrfToken('csrf-123');
    fetchMock.mockResolvedValueOnce(jsonResponse({ ok: true }));

    await api.post('/api/things', { name: 'Needle tray' }, z.object({ ok: z.boolean() }));

    const { url, init, headers } = lastRequest();
    expect(url).toBe('/api/things');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(init.body).toBe(JSON.stringify({ name: 'Needle tray' }));
  });

  it('does not send the CSRF token on reads, nor before one is known', async () => {
    const api = createApiClient();
    fetchMock.mockImplementation(async () => jsonResponse({}));

    await api.post('/api/auth/login', { email: 'a@b.co', password: 'x' }, z.object({}));
    expect(lastRequest().headers.has('X-CSRF-Token')).toBe(false);

    api.setCsrfToken('csrf-123');
    await api.get('/api/health', z.object({}));
    expect(lastRequest().headers.has('X-CSRF-Token')).toBe(false);

    await api.delete('/api/waitlist/1', z.unknown());
    expect(lastRequest().headers.get('X-CSRF-Token')).toBe('csrf-123');
  });

  it('parses a successful response with the caller’s schema', async () => {
    const api = createApiClient();
    fetchMock.mockResolvedValueOnce(jsonResponse(session));

    const result = await api.get('/api/auth/me', LoginResponse);

    expect(result.user.name).toBe('Priya Physio');
    expect(result.csrfToken).toBe('csrf-123');
  });

  it('rejects a response that does not match the schema', async () => {
    const api = createApiClient();
    fetchMock.mockResolvedValueOnce(jsonResponse({ user: { name: 'No id' }, csrfToken: 42 }));

    const failure = api.get('/api/auth/me', LoginResponse);

    await expect(failure).rejects.toBeInstanceOf(ResponseParseError);
    await expect(failure).rejects.toMatchObject({ path: '/api/auth/me' });
  });

  it('turns a problem+json error into an ApiError carrying status and problem', async () => {
    const api = createApiClient();
    const problem = {
      type: problemType('validation'),
      title: 'Invalid request',
      status: 400,
      detail: 'dateOfBirth is not a date',
      errors: [{ path: 'dateOfBirth', message: 'Invalid date' }],
    };
    fetchMock.mockResolvedValueOnce(jsonResponse(problem, { status: 400 }));

    const error = await api.post('/api/patients', {}, z.unknown()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.problem).toEqual(problem);
    expect(apiError.kind).toBe('validation');
    expect(apiError.message).toBe('dateOfBirth is not a date');
  });

  it('falls back to a problem built from the status when the error body is not a problem', async () => {
    const api = createApiClient();
    fetchMock.mockResolvedValueOnce(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'Content-Type': 'text/html' },
      }),
    );

    const error = (await api.get('/api/health', z.unknown()).catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(error.body).toBe('<html>Bad gateway</html>');
  });

  it('reads Retry-After on a throttled call', async () => {
    const api = createApiClient();
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        { type: problemType('throttled'), title: 'Too many requests', status: 429 },
        { status: 429, headers: { 'Retry-After': '42' } },
      ),
    );

    const error = (await api.post('/api/auth/login', {}, z.unknown()).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('accepts an empty 204 answer', async () => {
    const api = createApiClient();
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));

    await expect(api.post('/api/auth/logout', undefined, z.undefined())).resolves.toBeUndefined();
    expect(lastRequest().init.body).toBeUndefined();
  });

  it('ends the session on a 401, except for login and calls that opt out', async () => {
    const onUnauthorized = vi.fn();
    const api = createApiClient({ onUnauthorized });
    api.setCsrfToken('csrf-123');
    const unauthorized = () =>
      jsonResponse({ type: problemType('unauthorized'), title: 'Unauthorized', status: 401 }, { status: 401 });
    fetchMock.mockImplementation(async () => unauthorized());

    await expect(api.post('/api/auth/login', {}, z.unknown())).rejects.toBeInstanceOf(ApiError);
    await expect(api.get('/api/auth/me', z.unknown(), { redirectOnUnauthorized: false })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(api.getCsrfToken()).toBe('csrf-123');

    await expect(api.get('/api/patients', z.unknown())).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(api.getCsrfToken()).toBeNull();
  });

  it('keeps the CSRF token and hands the error over when the session still owes its second factor', async () => {
    const onUnauthorized = vi.fn();
    const api = createApiClient({ onUnauthorized });
    api.setCsrfToken('csrf-123');
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ type: problemType('mfa-required'), title: 'Unauthorized', status: 401 }, { status: 401 }),
    );

    await expect(api.get('/api/users', z.unknown())).rejects.toMatchObject({ status: 401, kind: 'mfa-required' });
    expect(onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ kind: 'mfa-required' }));
    expect(api.getCsrfToken()).toBe('csrf-123');
  });

  it('reports an unreachable server as an ApiError with status 0', async () => {
    const api = createApiClient();
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(api.get('/api/health', z.unknown())).rejects.toMatchObject({ status: 0, name: 'ApiError' });
  });
});
