import { problemType, type SeriesPreviewRequest, type SeriesPreviewResponse } from '@ims/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CLINIC_A, sentBodies, stubApi } from '../../../test/api-stub';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { appointment, DR_LEE, PATIENT, TREATMENT, TZ } from '../testing/schedule-fixtures';
import { CoursePreview } from './course-preview';

const request: SeriesPreviewRequest = {
  clinicId: CLINIC_A.id,
  patientId: PATIENT.id,
  clinicianId: DR_LEE.id,
  appointmentTypeId: TREATMENT.id,
  roomId: null,
  firstLocalStartsAt: '2026-03-02T02:00',
  weekdays: [1],
  count: 3,
};

// Three rows as the API may answer them: a free one, one taken (with a same-day and a next-day alternative), and
// one on Vancouver's spring-forward day (8 March 2026), whose 02:00 does not exist and which the API flags.
const preview: SeriesPreviewResponse = {
  timeZone: TZ,
  occurrences: [
    { startsAt: '2026-03-02T02:00:00-08:00', endsAt: '2026-03-02T02:30:00-08:00', localStart: '2026-03-02T02:00', available: true, conflicts: [], alternatives: [], dst: null },
    {
      startsAt: '2026-03-09T10:00:00-07:00',
      endsAt: '2026-03-09T10:30:00-07:00',
      localStart: '2026-03-09T10:00',
      available: false,
      conflicts: [{ kind: 'clinician', appointmentId: '0e0e0e0e-0000-4000-8000-000000000002', message: 'Dr Lee already sees John Roe 10:00–10:30' }],
      alternatives: [{ startsAt: '2026-03-09T11:00:00-07:00' }, { startsAt: '2026-03-10T10:00:00-07:00' }],
      dst: null,
    },
    { startsAt: '2026-03-08T03:00:00-07:00', endsAt: '2026-03-08T03:30:00-07:00', localStart: '2026-03-08T02:00', available: true, conflicts: [], alternatives: [], dst: 'skipped_hour' },
  ],
};

function renderPreview() {
  const handlers = { onCommitted: vi.fn(), onSlotTaken: vi.fn(), onBack: vi.fn() };
  renderWithProviders(<CoursePreview request={request} preview={preview} {...handlers} />);
  return handlers;
}

describe('CoursePreview', () => {
  it('shows each occurrence as free, conflicting with its reason, or flagged for DST', () => {
    stubApi({});
    renderPreview();

    const free = screen.getByTestId('occurrence-1');
    expect(within(free).getByText('Free')).toBeInTheDocument();
    expect(within(free).getByRole('radio', { name: 'As planned' })).toBeChecked();

    const taken = screen.getByTestId('occurrence-2');
    expect(within(taken).getByText('Conflict')).toBeInTheDocument();
    expect(within(taken).getByText('Dr Lee already sees John Roe 10:00–10:30')).toBeInTheDocument();
    expect(within(taken).queryByRole('radio', { name: 'As planned' })).not.toBeInTheDocument();
    expect(within(taken).getByRole('radio', { name: 'Mon 9 Mar 2026, 11:00' })).not.toBeChecked();
    expect(within(taken).getByRole('radio', { name: 'Tue 10 Mar 2026, 10:00' })).toBeInTheDocument();
    expect(within(taken).getByRole('radio', { name: 'Skip' })).toBeChecked();

    const dst = screen.getByTestId('occurrence-3');
    expect(within(dst).getByText('DST')).toBeInTheDocument();
    expect(within(dst).getByText(/This time does not exist that day/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Book 2 sessions' })).toBeEnabled();
  });

  it('commits the planned times plus the chosen alternative in one request', async () => {
    const user = userEvent.setup();
    const booked = [appointment({ startsAt: preview.occurrences[0]!.startsAt }), appointment({ startsAt: '2026-03-10T10:00:00-07:00' })];
    const fetchMock = stubApi({
      'POST /api/appointments/series': () => jsonResponse({ seriesId: '8a8a8a8a-0000-4000-8000-000000000001', appointments: booked }, { status: 201 }),
    });
    const { onCommitted } = renderPreview();

    await user.click(within(screen.getByTestId('occurrence-2')).getByRole('radio', { name: 'Tue 10 Mar 2026, 10:00' }));
    await user.click(screen.getByRole('button', { name: 'Book 3 sessions' }));

    await vi.waitFor(() => expect(onCommitted).toHaveBeenCalledWith({ seriesId: '8a8a8a8a-0000-4000-8000-000000000001', appointments: booked }));
    expect(sentBodies(fetchMock, 'POST /api/appointments/series')).toEqual([
      {
        ...request,
        occurrences: [
          { startsAt: '2026-03-02T02:00:00-08:00' },
          { startsAt: '2026-03-10T10:00:00-07:00' },
          { startsAt: '2026-03-08T03:00:00-07:00' },
        ],
      },
    ]);
    const headers = fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks for a fresh preview when a chosen slot was taken meanwhile (409)', async () => {
    const user = userEvent.setup();
    stubApi({
      'POST /api/appointments/series': () =>
        jsonResponse({ type: problemType('conflict'), title: 'Conflict', status: 409, conflicts: [{ entity: 'appointment', message: 'taken' }] }, { status: 409 }),
    });
    const { onSlotTaken, onCommitted } = renderPreview();

    await user.click(within(screen.getByTestId('occurrence-3')).getByRole('radio', { name: 'Skip' }));
    await user.click(screen.getByRole('button', { name: 'Book 1 session' }));

    await vi.waitFor(() => expect(onSlotTaken).toHaveBeenCalledTimes(1));
    expect(onCommitted).not.toHaveBeenCalled();
  });
});
