import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { appointment, DR_LEE, ROOM, TZ } from '../testing/schedule-fixtures';
import { MoveAppointmentForm } from './move-appointment-form';

describe('MoveAppointmentForm', () => {
  it('starts from the API’s wall clock and sends the typed date and time as the clinic wall clock', async () => {
    const user = userEvent.setup();
    // Sent at -08:00 by the API: the form shows 18:15 whatever this browser's rules for Vancouver say.
    const current = appointment({ startsAt: '2026-11-24T18:15:00-08:00', endsAt: '2026-11-24T18:45:00-08:00', localStart: '2026-11-24T18:15' });
    const moved = appointment({ id: current.id, version: 2, startsAt: '2026-11-25T09:30:00-08:00', localStart: '2026-11-25T09:30' });
    const fetchMock = stubApi({ [`PATCH /api/appointments/${current.id}`]: () => jsonResponse(moved) });
    const onMoved = vi.fn();
    renderWithProviders(
      <MoveAppointmentForm appointment={current} timeZone={TZ} clinicians={[DR_LEE]} rooms={[ROOM]} canOverride={false} onMoved={onMoved} onCancel={vi.fn()} />,
    );

    expect(screen.getByLabelText('Date')).toHaveValue('2026-11-24');
    expect(screen.getByLabelText('Time')).toHaveValue('18:15');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2026-11-25');
    await user.clear(screen.getByLabelText('Time'));
    await user.type(screen.getByLabelText('Time'), '09:30');
    await user.click(screen.getByRole('button', { name: 'Move' }));

    await vi.waitFor(() => expect(onMoved).toHaveBeenCalledWith(moved));
    const [body] = sentBodies(fetchMock, `PATCH /api/appointments/${current.id}`) as Array<Record<string, unknown>>;
    expect(body).toMatchObject({ version: 1, localStartsAt: '2026-11-25T09:30', clinicianId: DR_LEE.id });
    expect(body).not.toHaveProperty('startsAt');
  });
});
