import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLINIC_A, CLINIC_B, clinicList, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { UsersPage } from './users-page';

const user = (over: { id: string; name: string; email: string } & Record<string, unknown>) => ({
  version: 3,
  roles: ['receptionist'],
  clinicIds: [CLINIC_A.id],
  active: true,
  mfaEnabled: false,
  clinicianId: null,
  createdAt: '2026-01-05T09:00:00-08:00',
  deactivatedAt: null,
  ...over,
});

const page = {
  total: 60,
  items: [
    user({ id: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b', name: 'Ada Admin', email: 'admin@demo.clinic', roles: ['manager', 'admin'], clinicIds: [CLINIC_A.id, CLINIC_B.id], mfaEnabled: true }),
    user({ id: '2c3d4e5f-6071-4829-9bac-1d2e3f4a5b6c', name: 'Rae Reception', email: 'reception@demo.clinic', active: false, deactivatedAt: '2026-02-01T10:00:00Z' }),
  ],
};

describe('UsersPage', () => {
  it('shows the parsed users with roles, clinic names, two-step and status, and the page count', async () => {
    const fetchMock = stubApi({
      'GET /api/users': () => jsonResponse(page),
      'GET /api/clinics': () => jsonResponse(clinicList),
    });
    renderRoutes([{ path: '/admin/users', element: <UsersPage /> }], '/admin/users?role=admin&q=ada&page=2');

    const table = await screen.findByRole('table', { name: 'Users' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Ada Admin' })).toHaveAttribute('href', `/admin/users/${page.items[0]!.id}`);
    expect(within(rows[0]!).getByText('Manager')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Administrator')).toBeInTheDocument();
    expect(await within(rows[0]!).findByText('Downtown, Riverside')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('On')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Deactivated')).toBeInTheDocument();
    expect(screen.getByText('26–50 of 60 users')).toBeInTheDocument();

    const listCall = fetchMock.mock.calls.find(([url]) => String(url).startsWith('/api/users'))!;
    expect(String(listCall[0])).toBe('/api/users?q=ada&role=admin&page=2&pageSize=25');
  });

  it('goes back to page 1 when a filter changes', async () => {
    const person = userEvent.setup();
    stubApi({ 'GET /api/users': () => jsonResponse(page), 'GET /api/clinics': () => jsonResponse(clinicList) });
    const { router } = renderRoutes([{ path: '/admin/users', element: <UsersPage /> }], '/admin/users?page=2');

    await screen.findByRole('table', { name: 'Users' });
    await person.click(screen.getByRole('radio', { name: 'Deactivated' }));

    expect(router.state.location.search).toBe('?active=false');
  });
});
