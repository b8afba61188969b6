import { problemType } from '@ims/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api-client';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { LoginPage } from './login-page';

const session = {
  user: {
    id: '0b6c8a52-2d43-4c7e-9f3b-3f3a3c1c2d11',
    email: 'physio@demo.clinic',
    name: 'Priya Physio',
    roles: ['physiotherapist'],
    clinicIds: ['5d1f0f3e-7a57-4a8e-9a2e-6a0a8c1b9e21'],
    organisationId: '9a7b3c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  },
  csrfToken: 'csrf-after-login',
  mfa: 'passed' as const,
};

const unauthorized = () =>
  jsonResponse({ type: problemType('unauthorized'), title: 'Unauthorized', status: 401 }, { status: 401 });

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/patients', element: <p>Patients screen</p> },
  { path: '/', element: <p>Home screen</p> },
];

function stubApi(login: () => Response) {
  const fetchMock = vi.fn<typeof fetch>(async (input) => {
    const url = String(input);
    if (url === '/api/auth/me') return unauthorized();
    if (url === '/api/auth/config') {
      return jsonResponse({
        demo: true,
        demoPassword: 'demo-clinic-2026',
        demoLogins: [{ email: 'physio@demo.clinic', role: 'physiotherapist' }],
      });
    }
    if (url === '/api/auth/login') return login();
    return jsonResponse({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(() => api.setCsrfToken(null));

describe('LoginPage', () => {
  it('signs in and goes on to `next`, keeping the CSRF token for later writes', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi(() => jsonResponse(session));
    renderRoutes(routes, '/login?next=%2Fpatients');

    await user.click(await screen.findByRole('button', { name: 'Fill in physio@demo.clinic' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Patients screen')).toBeInTheDocument();
    const loginCall = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login')!;
    expect(JSON.parse(String(loginCall[1]!.body))).toEqual({
      email: 'physio@demo.clinic',
      password: 'demo-clinic-2026',
    });
    expect(api.getCsrfToken()).toBe('csrf-after-login');
  });

  it('shows the server’s detail when sign-in is refused', async () => {
    const user = userEvent.setup();
    stubApi(() =>
      jsonResponse(
        {
          type: problemType('unauthorized'),
          title: 'Unauthorized',
          status: 401,
          detail: 'Email or password is incorrect',
        },
        { status: 401 },
      ),
    );
    renderRoutes(routes, '/login');

    await user.type(await screen.findByLabelText(/^email/i), 'physio@demo.clinic');
    await user.type(screen.getByLabelText(/^password/i), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect');
    expect(screen.queryByText('Home screen')).not.toBeInTheDocument();
  });

  it('says how long to wait when throttled', async () => {
    const user = userEvent.setup();
    stubApi(() =>
      jsonResponse(
        { type: problemType('throttled'), title: 'Too Many Requests', status: 429 },
        { status: 429, headers: { 'Retry-After': '30' } },
      ),
    );
    renderRoutes(routes, '/login');

    await user.type(await screen.findByLabelText(/^email/i), 'physio@demo.clinic');
    await user.type(screen.getByLabelText(/^password/i), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts; try again in 30 s'),
    );
  });
});
