import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLINIC_A, clinicList, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { UserPage } from './user-page';

const id = '2c3d4e5f-6071-4829-9bac-1d2e3f4a5b6c';
const jo = (version: number, over: Record<string, unknown> = {}) => ({
  id,
  version,
  email: 'jo@demo.clinic',
  name: 'Jo Reception',
  roles: ['receptionist'],
  clinicIds: [CLINIC_A.id],
  active: true,
  mfaEnabled: true,
  clinicianId: null,
  createdAt: '2026-01-05T09:00:00Z',
  deactivatedAt: null,
  ...over,
});
const routes = [{ path: '/admin/users/:id', element: <UserPage /> }];

describe('UserPage', () => {
  it('asks before deactivating, then sends the version it started from', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      'GET /api/clinics': () => jsonResponse(clinicList),
      [`GET /api/users/${id}`]: () => jsonResponse(jo(4)),
      [`PATCH /api/users/${id}`]: () => jsonResponse(jo(5, { active: false })),
    });
    renderRoutes(routes, `/admin/users/${id}`);

    await user.click(await screen.findByRole('switch', { name: /active/i }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Jo Reception?' });
    expect(dialog).toHaveTextContent('ends their sessions at once');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => expect(sentBodies(fetchMock, `PATCH /api/users/${id}`)).toEqual([{ version: 4, active: false }]));
    expect(await screen.findByRole('switch', { name: /active/i })).not.toBeChecked();
  });

  it('says someone else changed the user on a 409, and reloads their version', async () => {
    const user = userEvent.setup();
    let version = 4;
    stubApi({
      'GET /api/clinics': () => jsonResponse(clinicList),
      [`GET /api/users/${id}`]: () => jsonResponse(jo(version, version > 4 ? { name: 'Jo R. Smith' } : {})),
      [`PATCH /api/users/${id}`]: () => {
        version = 5;
        return jsonResponse(
          { type: 'https://ims.clinic/problems/stale-version', title: 'Conflict', status: 409, detail: 'stale' },
          { status: 409 },
        );
      },
    });
    renderRoutes(routes, `/admin/users/${id}`);

    const name = await screen.findByLabelText(/^name/i);
    await user.clear(name);
    await user.type(name, 'Joanne Reception');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText(/Someone else changed this user while you were editing/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.getByLabelText(/^name/i)).toHaveValue('Jo R. Smith'));
    expect(screen.queryByText(/Someone else changed this user/)).not.toBeInTheDocument();
  });
});
