import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sentBodies, sessionFor, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderRoutes } from '../../../test/render';
import { MfaSetupPage } from './mfa-setup-page';

const codes = Array.from({ length: 10 }, (_, index) => `abcd${index}-1234${index}`);
const routes = [
  { path: '/account/two-factor/setup', element: <MfaSetupPage /> },
  { path: '/admin/audit', element: <p>Audit screen</p> },
];

describe('MfaSetupPage', () => {
  it('enrols: explains why, shows the QR code and key, turns it on and shows the recovery codes once', async () => {
    const user = userEvent.setup();
    let mfa: 'enrol' | 'passed' = 'enrol';
    const fetchMock = stubApi({
      'GET /api/auth/me': () => jsonResponse(sessionFor(['admin'], mfa)),
      'POST /api/auth/mfa/setup': () =>
        jsonResponse({ secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrCodeDataUrl: 'data:image/png;base64,AAAA' }),
      'POST /api/auth/mfa/enable': () => {
        mfa = 'passed';
        return jsonResponse({ recoveryCodes: codes });
      },
    });
    renderRoutes(routes, '/account/two-factor/setup?next=%2Fadmin%2Faudit');

    expect(await screen.findByText('Required for your role')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: /QR code/ })).toHaveAttribute('src', 'data:image/png;base64,AAAA');
    expect(screen.getByLabelText('Set-up key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');

    await user.type(screen.getByLabelText(/^code from the app/i), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Copy codes' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download .txt' })).toBeInTheDocument();
    const proceed = screen.getByRole('button', { name: 'Continue' });
    expect(proceed).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(proceed);

    expect(await screen.findByText('Audit screen')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/auth/mfa/enable')).toEqual([{ code: '654321' }]);
    await waitFor(() => expect(sentBodies(fetchMock, 'POST /api/auth/mfa/setup')).toHaveLength(1));
  });
});
