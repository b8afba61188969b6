import userEvent from '@testing-library/user-event';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { RoomsSection } from './rooms-section';

const bed1 = { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', clinicId: CLINIC_A.id, name: 'Bed 1', active: true };

describe('RoomsSection', () => {
  it('adds a room to the clinic with the trimmed name', async () => {
    const user = userEvent.setup();
    const fetchMock = stubApi({ 'POST /api/rooms': () => jsonResponse({ ...bed1, id: '2c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'Bed 2' }, { status: 201 }) });
    renderWithProviders(<RoomsSection clinicId={CLINIC_A.id} rooms={[bed1]} />);

    await user.type(screen.getByLabelText('New room'), '  Bed 2 ');
    await user.click(screen.getByRole('button', { name: 'Add room' }));

    await waitFor(() => expect(sentBodies(fetchMock, 'POST /api/rooms')).toEqual([{ clinicId: CLINIC_A.id, name: 'Bed 2' }]));
    await waitFor(() => expect(screen.getByLabelText('New room')).toHaveValue(''));
  });

  it('deactivates a room with a PATCH', async () => {
    const user = userEvent.setup();
    const path = `/api/rooms/${bed1.id}`;
    const fetchMock = stubApi({ [`PATCH ${path}`]: () => jsonResponse({ ...bed1, active: false }) });
    renderWithProviders(<RoomsSection clinicId={CLINIC_A.id} rooms={[bed1]} />);

    await user.click(screen.getByRole('button', { name: 'Deactivate Bed 1' }));

    await waitFor(() => expect(sentBodies(fetchMock, `PATCH ${path}`)).toEqual([{ active: false }]));
  });
});
