import { problemType } from '@ims/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../../lib/api-client';
import { sentBodies, sessionFor, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { VerifyPage } from './verify-page';

const routes = [
  { path: '/login/verify', element: <VerifyPage /> },
  { path: '/login', element: <p>Login screen</p> },
  { path: '/admin/users', element: <p>Users screen</p> },
];

beforeEach(() => api.setCsrfToken(null));

describe('VerifyPage', () => {
  it('sends the app’s code and goes on to `next` with the passed session', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      'GET /api/auth/me': () => jsonResponse(sessionFor(['admin'], 'verify')),
      'POST /api/auth/mfa/verify': () => jsonResponse({ ...sessionFor(['admin'], 'passed'), csrfToken: 'csrf-passed' }),
    });
    renderRoutes(routes, '/login/verify?next=%2Fadmin%2Fusers');

    const code = await screen.findByLabelText(/^authentication code/i);
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('Users screen')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/auth/mfa/verify')).toEqual([{ code: '123456' }]);
    expect(api.getCsrfToken()).toBe('csrf-passed');
  });

  it('refuses a code that is not 6 digits without asking the server', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({ 'GET /api/auth/me': () => jsonResponse(sessionFor(['admin'], 'verify')) });
    renderRoutes(routes, '/login/verify');

    await user.type(await screen.findByLabelText(/^authentication code/i), '12ab');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText('Must be the 6-digit code from your authenticator app')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/auth/mfa/verify')).toEqual([]);
  });

  it('takes a recovery code instead, and stays put with the server’s message when it is refused', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      'GET /api/auth/me': () => jsonResponse(sessionFor(['admin'], 'verify')),
      'POST /api/auth/mfa/verify': () =>
        jsonResponse(
          { type: problemType('unauthorized'), title: 'Unauthorized', status: 401, detail: 'That code is not valid' },
          { status: 401 },
        ),
    });
    const { router } = renderRoutes(routes, '/login/verify');

    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText(/^recovery code/i), 'ABCDE-12345');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not valid');
    expect(sentBodies(fetchMock, 'POST /api/auth/mfa/verify')).toEqual([{ recoveryCode: 'abcde-12345' }]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/login/verify'));
  });
});
