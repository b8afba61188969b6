import { problemType, type LoginResponse, type RoleName } from '@ims/contracts';
import { vi } from 'vitest';
import { jsonResponse } from './render';

export const ORGANISATION_ID = '9a7b3c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const CLINIC_A = { id: '5d1f0f3e-7a57-4a8e-9a2e-6a0a8c1b9e21', name: 'Downtown' };
export const CLINIC_B = { id: '6e2a1f4b-8b68-4b9f-8b3f-7b1b9d2c0f32', name: 'Riverside' };

/** `GET /api/clinics` as the API answers it for the two test clinics. */
export const clinicList = {
  items: [CLINIC_A, CLINIC_B].map((clinic) => ({
    ...clinic,
    timeZone: 'America/Vancouver',
    address: null,
    phone: null,
    lateCancelNoticeHours: 24,
  })),
};

/** A session as login and `me` return it. */
export function sessionFor(roles: RoleName[], mfa: LoginResponse['mfa'] = 'passed'): LoginResponse {
  return {
    user: {
      id: '0b6c8a52-2d43-4c7e-9f3b-3f3a3c1c2d11',
      email: 'ada@demo.clinic',
      name: 'Ada Admin',
      roles,
      clinicIds: [CLINIC_A.id],
      organisationId: ORGANISATION_ID,
    },
    csrfToken: 'csrf-123',
    mfa,
  };
}

export const notFound = () => jsonResponse({ type: problemType('not-found'), title: 'Not Found', status: 404 }, { status: 404 });

type Handler = (request: { url: string; method: string; body: unknown }) => Response | Promise<Response>;

/**
 * Stubs `fetch` with handlers keyed `"METHOD /path"` (the query string is not part of the key); anything else is
 * a 404. Returns the mock so a test can read what was sent.
 */
export function stubApi(handlers: Record<string, Handler>) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const handler = handlers[`${method} ${url.split('?')[0]}`];
    if (!handler) return notFound();
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    return handler({ url, method, body });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The decoded bodies sent to `"METHOD /path"`, in order. */
export function sentBodies(fetchMock: ReturnType<typeof stubApi>, key: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => `${(init?.method ?? 'GET').toUpperCase()} ${String(input).split('?')[0]}` === key)
    .map(([, init]) => (typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined));
}
