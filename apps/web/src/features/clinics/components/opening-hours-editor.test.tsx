import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { OpeningHoursEditor } from './opening-hours-editor';

const path = `/api/clinics/${CLINIC_A.id}/opening-hours`;
const hours = [{ weekday: 1, opensAt: '08:00', closesAt: '18:00' }];

describe('OpeningHoursEditor', () => {
  it('refuses a row that closes before it opens and sends nothing', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({});
    renderWithProviders(<OpeningHoursEditor clinicId={CLINIC_A.id} hours={hours} />);

    fireEvent.change(screen.getByLabelText('Closes, row 1'), { target: { value: '07:00' } });
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));

    expect(await screen.findByText('Must close after it opens')).toBeInTheDocument();
    expect(screen.getByLabelText('Closes, row 1')).toHaveAttribute('aria-invalid', 'true');
    expect(sentBodies(fetchMock, `PUT ${path}`)).toEqual([]);
  });

  it('saves every row in one PUT', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({ [`PUT ${path}`]: ({ body }) => jsonResponse({ clinicId: CLINIC_A.id, ...(body as object) }) });
    renderWithProviders(<OpeningHoursEditor clinicId={CLINIC_A.id} hours={hours} />);

    await user.click(screen.getByRole('button', { name: 'Add opening hours' }));
    fireEvent.change(screen.getByLabelText('Opens, row 2'), { target: { value: '18:30' } });
    fireEvent.change(screen.getByLabelText('Closes, row 2'), { target: { value: '21:00' } });
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));

    await waitFor(() =>
      expect(sentBodies(fetchMock, `PUT ${path}`)).toEqual([
        { hours: [...hours, { weekday: 1, opensAt: '18:30', closesAt: '21:00' }] },
      ]),
    );
  });
});
