import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { LoginPage } from './login-page';
import { ResetPasswordPage } from './reset-password-page';

const token = 'abcdefghijklmnopqrstuvwx';
const routes = [
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/login', element: <LoginPage /> },
];
const unauthorized = () => jsonResponse({ type: 'https://ims.clinic/problems/unauthorized', title: 'Unauthorized', status: 401 }, { status: 401 });
const problem = (errors: { path: string; message: string }[]) =>
  jsonResponse({ type: 'https://ims.clinic/problems/validation', title: 'Bad Request', status: 400, errors }, { status: 400 });

async function submit(password: string, confirm = password) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^new password/i), password);
  await user.type(screen.getByLabelText(/^repeat new password/i), confirm);
  await user.click(screen.getByRole('button', { name: 'Set new password' }));
}

describe('ResetPasswordPage', () => {
  it('checks length and match locally, then sets the password and sends the user to sign in with a notice', async () => {
    const fetchMock = stubApi({
      'GET /api/auth/me': unauthorized,
      'GET /api/auth/config': () => jsonResponse({ demo: false }),
      'POST /api/auth/password-reset/complete': () => new Response(null, { status: 204 }),
    });
    renderRoutes(routes, `/reset-password?token=${token}`);

    await submit('short', 'other');
    expect(await screen.findByText('Must be at least 12 characters')).toBeInTheDocument();
    expect(screen.getByText('The two passwords do not match')).toBeInTheDocument();

    await userEvent.setup().clear(screen.getByLabelText(/^new password/i));
    await userEvent.setup().clear(screen.getByLabelText(/^repeat new password/i));
    await submit('correct horse battery');

    const notice = await screen.findByText('Your new password is set. Sign in with it now.');
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(sentBodies(fetchMock, 'POST /api/auth/password-reset/complete')).toEqual([{ token, password: 'correct horse battery' }]);
  });

  it('shows the server’s refusal of the password on the field', async () => {
    stubApi({ 'POST /api/auth/password-reset/complete': () => problem([{ path: 'password', message: 'is too common' }]) });
    renderRoutes(routes, `/reset-password?token=${token}`);

    await submit('password1234');
    expect(await screen.findByText('Is too common')).toBeInTheDocument();
  });

  it('offers a new link when the server refuses the link itself', async () => {
    stubApi({ 'POST /api/auth/password-reset/complete': () => problem([{ path: 'token', message: 'invalid or expired' }]) });
    renderRoutes(routes, `/reset-password?token=${token}`);

    await submit('correct horse battery');
    expect(await screen.findByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });
});
