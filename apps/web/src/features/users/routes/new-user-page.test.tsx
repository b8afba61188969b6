import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLINIC_A, CLINIC_B, clinicList, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { NewUserPage } from './new-user-page';

const created = {
  user: {
    id: '3c1e5f2a-9b7d-4e6f-8a1b-2c3d4e5f6a7b',
    version: 1,
    email: 'jo@demo.clinic',
    name: 'Jo Reception',
    roles: ['receptionist'],
    clinicIds: [CLINIC_B.id],
    active: true,
    mfaEnabled: false,
    clinicianId: null,
    createdAt: '2026-03-08T10:00:00Z',
    deactivatedAt: null,
  },
  setPasswordLink: { url: '/reset-password?token=abcdefghijklmnopqrstuvwx', expiresAt: '2026-03-09T10:00:00Z' },
};

const routes = [{ path: '/admin/users/new', element: <NewUserPage /> }];

describe('NewUserPage', () => {
  it('asks for at least one role and one clinic before sending anything', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({ 'GET /api/clinics': () => jsonResponse(clinicList) });
    renderRoutes(routes, '/admin/users/new');

    await user.type(screen.getByLabelText(/^name/i), 'Jo Reception');
    await user.type(screen.getByLabelText(/^email/i), 'jo@demo.clinic');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('Choose at least one role')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one clinic')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/users')).toEqual([]);
  });

  it('creates the user and shows the one-time set-password link with its expiry and a copy button', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      'GET /api/clinics': () => jsonResponse(clinicList),
      'POST /api/users': () => jsonResponse(created, { status: 201 }),
    });
    renderRoutes(routes, '/admin/users/new');

    await user.type(screen.getByLabelText(/^name/i), 'Jo Reception');
    await user.type(screen.getByLabelText(/^email/i), 'Jo@Demo.Clinic');
    await user.click(screen.getByRole('checkbox', { name: /receptionist/i }));
    await user.click(await screen.findByRole('checkbox', { name: CLINIC_B.name }));
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    const link = await screen.findByLabelText('Set-password link');
    expect(link).toHaveValue(`${window.location.origin}/reset-password?token=abcdefghijklmnopqrstuvwx`);
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(screen.getByText(/Send this link to Jo Reception\. It works once, until/)).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/users')).toEqual([
      { name: 'Jo Reception', email: 'jo@demo.clinic', roles: ['receptionist'], clinicIds: [CLINIC_B.id] },
    ]);
    expect(screen.getByRole('link', { name: 'Open Jo Reception' })).toHaveAttribute('href', `/admin/users/${created.user.id}`);
  });

  it('puts the server’s field error on the field (email already in use)', async () => {
    const user = userEvent.setup();
    stubApi({
      'GET /api/clinics': () => jsonResponse(clinicList),
      'POST /api/users': () =>
        jsonResponse(
          {
            type: 'https://ims.clinic/problems/conflict',
            title: 'Conflict',
            status: 409,
            errors: [{ path: 'email', message: 'is already used by another user' }],
          },
          { status: 409 },
        ),
    });
    renderRoutes(routes, '/admin/users/new');

    await user.type(screen.getByLabelText(/^name/i), 'Jo Reception');
    await user.type(screen.getByLabelText(/^email/i), 'jo@demo.clinic');
    await user.click(screen.getByRole('checkbox', { name: /receptionist/i }));
    await user.click(await screen.findByRole('checkbox', { name: CLINIC_A.name }));
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('Is already used by another user')).toBeInTheDocument();
    expect(screen.getByLabelText(/^email/i)).toHaveAttribute('aria-invalid', 'true');
  });
});
