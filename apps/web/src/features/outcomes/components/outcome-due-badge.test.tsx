import type { MyDayItem } from '@ims/contracts';
import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CLINIC_A } from '../../../test/api-stub';
import { renderWithProviders } from '../../../test/render';
import { MyDayTable } from '../../my-day/components/my-day-table';
import { PLAN_ID } from '../../plans/testing/plan-fixtures';

function item(name: string, id: string, outcomesDue: NonNullable<MyDayItem['plan']>['outcomesDue']): MyDayItem {
  return {
    appointment: {
      id: `6f7a8b9c-0d1e-4f2a-9b4c-${id}`,
      startsAt: '2026-03-10T09:00:00-07:00',
      endsAt: '2026-03-10T09:30:00-07:00',
      status: 'booked',
      clinicId: CLINIC_A.id,
      clinicName: CLINIC_A.name,
      roomName: null,
      appointmentTypeName: 'IMS treatment',
    },
    patient: { id: `7f1e2d3c-4b5a-4697-8877-${id}`, name, precautions: [] },
    plan: { id: PLAN_ID, condition: 'neck_pain', status: 'active', completedSessions: 3, plannedSessions: 10, reviewDue: false, outcomesDue },
    visit: null,
  };
}

describe('Outcome due on the clinician’s day', () => {
  it('badges the rows whose plan expects an outcome, with the reason on hover', () => {
    const due = { measure: 'NDI', timepoint: 'session', sessionNumber: 4, reason: 'NDI reassessment due at session 4, the next session' } as const;
    renderWithProviders(
      <MemoryRouter>
        <MyDayTable
          items={[item('Ann Due', '00000000000a', [due]), item('Bob Clear', '00000000000b', [])]}
          timeZoneOf={() => 'America/Vancouver'}
          showClinic={false}
          canChart
          label="Appointments"
        />
      </MemoryRouter>,
    );

    const table = screen.getByRole('table', { name: 'Appointments' });
    const rowOf = (name: string) => within(table).getByRole('link', { name }).closest('tr')!;
    expect(within(rowOf('Ann Due')).getByTitle(due.reason)).toHaveTextContent('Outcome due: NDI (session 4)');
    expect(within(rowOf('Bob Clear')).queryByText(/Outcome due/)).not.toBeInTheDocument();
  });
});
