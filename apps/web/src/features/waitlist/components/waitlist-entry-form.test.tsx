import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { DR_KIM, DR_LEE, PATIENT } from '../../schedule/testing/schedule-fixtures';
import { WaitlistEntryForm } from './waitlist-entry-form';

const summary = {
  id: PATIENT.id,
  homeClinicId: CLINIC_A.id,
  firstName: 'Jane',
  lastName: 'Doe',
  preferredName: null,
  dateOfBirth: '1980-05-04',
  phone: null,
  email: null,
  healthNumber: null,
  flags: { imsConsentOnFile: true, precautionsPresent: false },
  archived: false,
};

const entry = {
  id: '9b9b9b9b-0000-4000-8000-000000000001',
  clinicId: CLINIC_A.id,
  patientId: PATIENT.id,
  patientName: 'Jane Doe',
  appointmentTypeId: null,
  preferredClinicianIds: [DR_KIM.id],
  preferredWeekdays: [2, 4],
  earliestTime: '09:00',
  latestTime: '12:00',
  priority: 1,
  notes: null,
  createdAt: '2026-03-01T10:00:00Z',
};

function renderForm() {
  const onAdded = vi.fn();
  renderWithProviders(<WaitlistEntryForm clinicId={CLINIC_A.id} clinicians={[DR_LEE, DR_KIM]} onAdded={onAdded} />);
  return { onAdded };
}

// Mantine's combobox dropdowns stay display:none in jsdom (no layout), so their options are found with `hidden`.
describe('WaitlistEntryForm', () => {
  it('asks for a patient and a time window that ends after it starts before sending anything', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({});
    renderForm();

    await user.type(screen.getByLabelText('Earliest'), '12:00');
    await user.type(screen.getByLabelText('Latest'), '09:00');
    await user.click(screen.getByRole('button', { name: 'Add to waitlist' }));

    expect(await screen.findByText('Choose a patient')).toBeInTheDocument();
    expect(screen.getByText('Must be after the earliest time')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/waitlist')).toEqual([]);
  });

  it('adds the patient found by search with their preferred clinician, days, window and priority', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({
      'GET /api/patients': () => jsonResponse({ items: [summary], total: 1 }),
      'POST /api/waitlist': () => jsonResponse(entry, { status: 201 }),
    });
    const { onAdded } = renderForm();

    await user.type(screen.getByRole('textbox', { name: /^Patient/ }), 'doe');
    await user.click(await screen.findByRole('option', { name: /^Jane Doe · /, hidden: true }));
    await user.click(screen.getByRole('textbox', { name: 'Preferred clinicians' }));
    await user.click(await screen.findByRole('option', { name: 'Dr Kim', hidden: true }));
    await user.click(screen.getByRole('checkbox', { name: 'Thu' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tue' }));
    await user.type(screen.getByLabelText('Earliest'), '09:00');
    await user.type(screen.getByLabelText('Latest'), '12:00');
    await user.click(screen.getByRole('textbox', { name: 'Priority' }));
    await user.click(await screen.findByRole('option', { name: '1 – most urgent', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Add to waitlist' }));

    await vi.waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(sentBodies(fetchMock, 'POST /api/waitlist')).toEqual([
      {
        clinicId: CLINIC_A.id,
        patientId: PATIENT.id,
        preferredClinicianIds: [DR_KIM.id],
        preferredWeekdays: [2, 4],
        earliestTime: '09:00',
        latestTime: '12:00',
        priority: 1,
        notes: null,
      },
    ]);
    const search = fetchMock.mock.calls.map(([input]) => String(input)).find((url) => url.startsWith('/api/patients'));
    expect(search).toContain('q=doe');
  });
});
