import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ChangePasswordForm } from './change-password-form';

describe('ChangePasswordForm', () => {
  it('sends current and new password and shows the server’s refusal on the new-password field', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      'POST /api/auth/password': () =>
        jsonResponse(
          {
            type: 'https://ims.clinic/problems/validation',
            title: 'Bad Request',
            status: 400,
            errors: [{ path: 'newPassword', message: 'is on the list of common passwords' }],
          },
          { status: 400 },
        ),
    });
    renderWithProviders(<ChangePasswordForm />);

    await user.type(screen.getByLabelText(/^current password/i), 'old-password-1');
    await user.type(screen.getByLabelText(/^new password/i), 'password1234');
    await user.type(screen.getByLabelText(/^repeat new password/i), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Is on the list of common passwords')).toBeInTheDocument();
    expect(screen.getByLabelText(/^new password/i)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/auth/password')).toEqual([
      { currentPassword: 'old-password-1', newPassword: 'password1234' },
    ]);
  });
});
