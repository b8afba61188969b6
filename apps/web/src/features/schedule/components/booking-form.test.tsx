import { problemType } from '@ims/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { fromWallClock } from '../clinic-time';
import { appointment, DR_LEE, PATIENT, ROOM, TREATMENT } from '../testing/schedule-fixtures';
import { BookingForm } from './booking-form';

const draft = { localStartsAt: '2026-03-09T18:00', clinicianId: DR_LEE.id, patient: PATIENT, appointmentTypeId: TREATMENT.id };

const conflict = () =>
  jsonResponse(
    {
      type: problemType('conflict'),
      title: 'Conflict',
      status: 409,
      detail: 'The slot is already taken',
      conflicts: [{ entity: 'appointment', id: '0e0e0e0e-0000-4000-8000-000000000001', message: 'Dr Lee already sees John Roe 17:45–18:15' }],
    },
    { status: 409 },
  );

const outsideHours = () =>
  jsonResponse(
    {
      type: problemType('rule-violation'),
      title: 'Unprocessable Content',
      status: 422,
      detail: 'The slot breaks the booking rules',
      violations: [{ rule: 'working-hours', message: 'Dr Lee does not work at 18:00 on Mondays' }],
    },
    { status: 422 },
  );

function renderForm(canOverride: boolean, slot = draft) {
  const onBooked = vi.fn();
  renderWithProviders(
    <BookingForm clinicId={CLINIC_A.id} draft={slot} clinicians={[DR_LEE]} rooms={[ROOM]} types={[TREATMENT]} canOverride={canOverride} onBooked={onBooked} />,
  );
  return { onBooked };
}

const idempotencyKeys = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.filter(([input]) => String(input) === '/api/appointments').map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);

describe('BookingForm', () => {
  it('books the slot with an Idempotency-Key and reports the booking', async () => {
    const user = userEvent.setup();
    const booked = appointment({ startsAt: '2026-03-09T18:00:00-07:00', localStart: draft.localStartsAt });
    const fetchMock = stubApi({ 'POST /api/appointments': () => jsonResponse(booked, { status: 201 }) });
    const { onBooked } = renderForm(false);

    expect(screen.getByText('Mon 9 Mar 2026, 18:00 – 18:30 (30 min)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Book' }));

    await vi.waitFor(() => expect(onBooked).toHaveBeenCalledWith(booked));
    expect(sentBodies(fetchMock, 'POST /api/appointments')).toEqual([
      { clinicId: CLINIC_A.id, patientId: PATIENT.id, clinicianId: DR_LEE.id, appointmentTypeId: TREATMENT.id, roomId: null, localStartsAt: draft.localStartsAt, notes: null },
    ]);
    expect(idempotencyKeys(fetchMock)[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a slot clicked at 18:15 as the clinic wall clock, leaving the instant to the API’s zone rules', async () => {
    // 24 Nov 2026 in Vancouver: a browser with newer tz data would make this 18:15-07:00, the API 18:15-08:00.
    const user = userEvent.setup();
    const clicked = { ...draft, localStartsAt: fromWallClock('2026-11-24T18:15:00Z') };
    const fetchMock = stubApi({
      'POST /api/appointments': () => jsonResponse(appointment({ startsAt: '2026-11-24T18:15:00-08:00', localStart: '2026-11-24T18:15' }), { status: 201 }),
    });
    const { onBooked } = renderForm(false, clicked);

    expect(screen.getByText('Tue 24 Nov 2026, 18:15 – 18:45 (30 min)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Book' }));

    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    const [body] = sentBodies(fetchMock, 'POST /api/appointments') as Array<Record<string, unknown>>;
    expect(body.localStartsAt).toBe('2026-11-24T18:15');
    expect(body).not.toHaveProperty('startsAt');
  });

  it('shows the appointment already holding the slot on a 409', async () => {
    const user = userEvent.setup();
    stubApi({ 'POST /api/appointments': conflict });
    const { onBooked } = renderForm(false);

    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByText('The slot is taken')).toBeInTheDocument();
    expect(screen.getByText('Dr Lee already sees John Roe 17:45–18:15')).toBeInTheDocument();
    expect(onBooked).not.toHaveBeenCalled();
  });

  it('on a 422 offers a manager the override reason and resends with it', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const fetchMock = stubApi({
      'POST /api/appointments': () => (++calls === 1 ? outsideHours() : jsonResponse(appointment({ overrideReason: 'Post-op urgent' }), { status: 201 })),
    });
    const { onBooked } = renderForm(true);

    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(await screen.findByText('Dr Lee does not work at 18:00 on Mondays')).toBeInTheDocument();
    const reason = screen.getByLabelText(/Override working hours: reason/);

    await user.click(screen.getByRole('button', { name: 'Book with override' }));
    expect(await screen.findByText('Give the reason for booking outside the hours')).toBeInTheDocument();
    expect(sentBodies(fetchMock, 'POST /api/appointments')).toHaveLength(1);

    await user.type(reason, 'Post-op urgent');
    await user.click(screen.getByRole('button', { name: 'Book with override' }));

    await vi.waitFor(() => expect(onBooked).toHaveBeenCalled());
    const bodies = sentBodies(fetchMock, 'POST /api/appointments');
    expect(bodies[1]).toMatchObject({ overrideReason: 'Post-op urgent', localStartsAt: draft.localStartsAt });
    // A different body is a different attempt: it must not reuse the refused attempt's key.
    const [first, second] = idempotencyKeys(fetchMock);
    expect(second).not.toBe(first);
  });

  it('on a 422 shows a receptionist the rules broken but no override field', async () => {
    const user = userEvent.setup();
    stubApi({ 'POST /api/appointments': outsideHours });
    renderForm(false);

    await user.click(screen.getByRole('button', { name: 'Book' }));

    expect(await screen.findByText('Dr Lee does not work at 18:00 on Mondays')).toBeInTheDocument();
    expect(screen.getByText(/Only a manager can book outside these hours/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Override working hours/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Book' })).toBeInTheDocument();
  });
});
