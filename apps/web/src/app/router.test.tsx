import { problemType } from '@ims/contracts';
import { screen, within } from '@testing-library/react';
import { matchRoutes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderRoutes } from '../test/render';
import { navigation } from './navigation';
import { routes } from './router';

const manager = {
  user: {
    id: '0b6c8a52-2d43-4c7e-9f3b-3f3a3c1c2d11',
    email: 'manager@demo.clinic',
    name: 'Morgan Manager',
    roles: ['manager', 'admin'],
    clinicIds: ['5d1f0f3e-7a57-4a8e-9a2e-6a0a8c1b9e21', '6e2a1f4b-8b68-4b9f-8b3f-7b1b9d2c0f32'],
    organisationId: '9a7b3c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  },
  csrfToken: 'csrf-123',
  mfa: 'passed' as const,
};

const health = {
  status: 'ok',
  api: { status: 'ok', version: '0.1.0', uptimeSeconds: 3 * 3600 + 300 },
  database: { status: 'ok', kind: 'pglite', latencyMs: 2.4 },
  demo: true,
};

function stubApi(me: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input) => {
      const url = String(input);
      if (url === '/api/auth/me') return me();
      if (url === '/api/auth/config') return jsonResponse({ demo: false });
      if (url === '/api/health') return jsonResponse(health);
      return jsonResponse({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404 });
    }),
  );
}

describe('routes', () => {
  it('has a route for every navigation entry', () => {
    for (const entry of navigation) {
      const match = matchRoutes(routes, entry.path);
      expect(match?.at(-1)?.route.path, entry.path).not.toBe('*');
    }
  });

  it('sends a visitor without a session to the login page with `next`', async () => {
    stubApi(() =>
      jsonResponse({ type: problemType('unauthorized'), title: 'Unauthorized', status: 401 }, { status: 401 }),
    );
    const { router } = renderRoutes(routes, '/somewhere?x=1');

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fsomewhere%3Fx%3D1');
  });

  it('shows Today with the user, their roles, clinics and the live system status', async () => {
    stubApi(() => jsonResponse(manager));
    renderRoutes(routes, '/');

    expect(await screen.findByRole('heading', { name: 'Today', level: 1 })).toBeInTheDocument();
    const account = screen.getByRole('region', { name: 'Your account' });
    expect(within(account).getByText('Morgan Manager')).toBeInTheDocument();
    expect(within(account).getByText('Manager')).toBeInTheDocument();
    expect(within(account).getByText('Administrator')).toBeInTheDocument();
    expect(within(account).getByText('Works at 2 clinics')).toBeInTheDocument();

    const status = screen.getByRole('region', { name: 'System status' });
    expect(await within(status).findByText('All systems normal')).toBeInTheDocument();
    expect(within(status).getByText('Connected')).toBeInTheDocument();
    expect(within(status).getByText(/PGlite/)).toBeInTheDocument();
    expect(within(status).getByText(/version 0\.1\.0, up 3 h 5 min/)).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Today',
      'Schedule',
      'Patients',
      'Reports',
      'Users',
      'Clinicians',
      'Clinics',
      'Audit log',
    ]);
  });

  it('sends a session whose role requires two-factor, and has none yet, to set it up first', async () => {
    stubApi(() => jsonResponse({ ...manager, mfa: 'enrol' }));
    const { router } = renderRoutes(routes, '/admin/users?q=jo');

    expect(await screen.findByRole('heading', { name: 'Set up two-step verification' })).toBeInTheDocument();
    expect(screen.getByText('Required for your role')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account/two-factor/setup');
    expect(router.state.location.search).toBe('?next=%2Fadmin%2Fusers%3Fq%3Djo');
  });

  it('sends a session that still owes its code to the code page', async () => {
    stubApi(() => jsonResponse({ ...manager, mfa: 'verify' }));
    const { router } = renderRoutes(routes, '/account');

    expect(await screen.findByRole('heading', { name: 'Two-step verification' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login/verify');
    expect(router.state.location.search).toBe('?next=%2Faccount');
  });

  it('tells a signed-in user without the role that an admin screen is not for them', async () => {
    stubApi(() => jsonResponse({ ...manager, user: { ...manager.user, roles: ['receptionist'] } }));
    renderRoutes(routes, '/admin/audit');

    expect(await screen.findByRole('heading', { name: 'Not available to you' })).toBeInTheDocument();
  });

  it('shows "Page not found" with a way home for an unknown path', async () => {
    stubApi(() => jsonResponse(manager));
    renderRoutes(routes, '/no/such/page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Today' })).toHaveAttribute('href', '/');
  });
});
