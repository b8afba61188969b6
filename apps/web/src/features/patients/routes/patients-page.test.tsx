import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../app/router';
import { stubApi } from '../../../test/api-stub';
import { patientFixture, shellHandlers, summaryOf } from '../../../test/patient-fixtures';
import { jsonResponse, renderRoutes } from '../../../test/render';

const smiths = [
  patientFixture({ id: '11111111-1111-4111-8111-111111111111', firstName: 'Jonathan', preferredName: 'Jon' }),
  patientFixture({ id: '22222222-2222-4222-8222-222222222222', firstName: 'Mary', preferredName: null, flags: { imsConsentOnFile: false, precautionsPresent: false } }),
  patientFixture({ id: '33333333-3333-4333-8333-333333333333', firstName: 'Ann', preferredName: null, archivedAt: '2026-02-01T10:00:00Z' }),
].map(summaryOf);

function stubSearch() {
  return stubApi({
    ...shellHandlers(['receptionist']),
    'GET /api/patients': () => jsonResponse({ items: smiths, total: smiths.length }),
  });
}

describe('PatientsPage', { timeout: 120_000 }, () => {
  it('searches as you type (debounced), moves with the arrows and opens the highlighted patient with Enter', async () => {
    const user = userEvent.setup();
    const fetchMock = stubSearch();
    const { router } = renderRoutes(routes, '/patients');

    const box = await screen.findByRole('combobox', { name: /find a patient/i });
    expect(box).toHaveFocus();
    await user.type(box, 'smtih');

    const list = await screen.findByRole('listbox', { name: 'Patients found' });
    const options = await within(list).findAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[0]).toHaveTextContent('Jonathan (Jon) Smith');
    expect(options[0]).toHaveTextContent('IMS consent on file');
    expect(options[0]).toHaveTextContent('Precautions');
    expect(options[0]).toHaveTextContent('(604) 822-2211');
    expect(options[2]).toHaveTextContent('Archived');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);

    // One request for what was typed, not one per keystroke.
    const searches = fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith('/api/patients?'));
    expect(searches).toEqual(['/api/patients?q=smtih&page=1&pageSize=20']);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/patients/${smiths[1]!.id}`));
  });

  it('clears the search with Escape', async () => {
    const user = userEvent.setup();
    stubSearch();
    renderRoutes(routes, '/patients?q=smith');

    const box = await screen.findByRole('combobox', { name: /find a patient/i });
    expect(box).toHaveValue('smith');
    expect(await screen.findAllByRole('option')).toHaveLength(3);
    await user.keyboard('{Escape}');

    expect(box).toHaveValue('');
    await waitFor(() => expect(screen.queryAllByRole('option')).toHaveLength(0));
  });

  it('offers registration to the front desk, and "/" jumps to the search from anywhere in the shell', async () => {
    const user = userEvent.setup();
    stubSearch();
    const { router } = renderRoutes(routes, '/account');

    await screen.findByRole('navigation', { name: 'Main navigation' });
    await user.keyboard('/');

    await waitFor(() => expect(router.state.location.pathname).toBe('/patients'));
    expect(await screen.findByRole('combobox', { name: /find a patient/i })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Register new patient' })).toHaveAttribute('href', '/patients/new');
    expect(screen.queryByRole('link', { name: 'Import patients' })).toBeInTheDocument();
  });
});
