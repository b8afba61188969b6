import { DEMO_PASSWORD } from '@ims/prisma';

// A signed-in demo user talking to the API with Node's fetch: the session cookie and CSRF token on every request,
// the answer's status, headers, parsed body and latency.

/** Signs in as a demo login (MFA_REQUIRED_ROLES='' in the bench's API, so no second factor). */
export async function signIn(baseUrl, email, password = DEMO_PASSWORD) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('ims_session='));
  if (!cookie) throw new Error(`sign-in as ${email} set no session cookie`);
  return { baseUrl, email, cookie: cookie.split(';')[0], csrfToken: body.csrfToken, user: body.user };
}

/** Headers of a signed-in request: the cookie, and the CSRF token for writes. */
export function sessionHeaders(session, { write = false, json = false } = {}) {
  return {
    cookie: session.cookie,
    ...(write ? { 'x-csrf-token': session.csrfToken } : {}),
    ...(json ? { 'content-type': 'application/json' } : {}),
  };
}

/**
 * One request as `session`; never throws for an HTTP status. A network failure (the API gone, a reset connection)
 * comes back as `{ status: 0, error }`, so callers can count it.
 */
export async function call(session, method, path, { body, headers = {}, signal } = {}) {
  const write = method !== 'GET' && method !== 'HEAD';
  const started = performance.now();
  try {
    const response = await fetch(`${session.baseUrl}${path}`, {
      method,
      headers: { ...sessionHeaders(session, { write, json: body !== undefined }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed, text, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, error: error.cause?.code ?? error.cause?.message ?? error.message, ms: performance.now() - started };
  }
}
