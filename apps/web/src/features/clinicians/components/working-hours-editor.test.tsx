import type { Clinician } from '@ims/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLINIC_A, CLINIC_B, clinicList, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { WorkingHoursEditor } from './working-hours-editor';

const clinician: Clinician = {
  id: '7f8e9d0c-1b2a-4394-8576-a4b3c2d1e0f9',
  userId: '0b6c8a52-2d43-4c7e-9f3b-3f3a3c1c2d11',
  name: 'Priya Physio',
  registrationNumber: 'PT-1234',
  clinicIds: [CLINIC_A.id, CLINIC_B.id],
  authorisations: [],
  workingHours: [{ clinicId: CLINIC_A.id, weekday: 1, start: '09:00', end: '17:00' }],
  imsAuthorisedToday: false,
};

describe('WorkingHoursEditor', () => {
  it('refuses a row that ends before it starts and sends nothing', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({ 'GET /api/clinics': () => jsonResponse(clinicList) });
    renderWithProviders(<WorkingHoursEditor clinician={clinician} />);

    fireEvent.change(await screen.findByLabelText('End, row 1 at Downtown'), { target: { value: '08:30' } });
    await user.click(screen.getByRole('button', { name: 'Save working hours' }));

    expect(await screen.findByText('Must end after it starts')).toBeInTheDocument();
    expect(screen.getByLabelText('End, row 1 at Downtown')).toHaveAttribute('aria-invalid', 'true');
    expect(sentBodies(fetchMock, 'PUT /api/clinicians/7f8e9d0c-1b2a-4394-8576-a4b3c2d1e0f9/working-hours')).toEqual([]);
  });

  it('adds and removes rows per clinic and saves every clinic’s hours in one PUT', async () => {
    const user = userEvent.setup();
    const path = `/api/clinicians/${clinician.id}/working-hours`;
    const fetchMock = stubApi({
      'GET /api/clinics': () => jsonResponse(clinicList),
      [`PUT ${path}`]: ({ body }) => jsonResponse({ ...clinician, workingHours: (body as { hours: unknown[] }).hours }),
    });
    renderWithProviders(<WorkingHoursEditor clinician={clinician} />);

    await user.click(await screen.findByRole('button', { name: 'Add hours at Riverside' }));
    fireEvent.change(screen.getByLabelText('Start, row 1 at Riverside'), { target: { value: '12:00' } });
    await user.click(screen.getByRole('button', { name: 'Add hours at Downtown' }));
    await user.click(screen.getByRole('button', { name: 'Remove row 2 at Downtown' }));
    await user.click(screen.getByRole('button', { name: 'Save working hours' }));

    await waitFor(() =>
      expect(sentBodies(fetchMock, `PUT ${path}`)).toEqual([
        {
          hours: [
            { clinicId: CLINIC_A.id, weekday: 1, start: '09:00', end: '17:00' },
            { clinicId: CLINIC_B.id, weekday: 1, start: '12:00', end: '17:00' },
          ],
        },
      ]),
    );
  });
});
